/**
 * Calendar periods in UTC. A period is named by its first day as an ISO date (`YYYY-MM-DD`):
 * a day by itself, an ISO week by its Monday, a month by its 1st.
 */
export type Granularity = 'day' | 'week' | 'month';

export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses an ISO calendar date (`YYYY-MM-DD`) as midnight UTC.
 * Returns `undefined` for a malformed or impossible date such as `2021-02-30`.
 */
export function parseIsoDate(text: string): Date | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date;
}

/** Formats a UTC date as `YYYY-MM-DD`. */
export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Returns the first day of the period that contains `date`. */
export function periodStart(date: Date, granularity: Granularity): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  switch (granularity) {
    case 'day':
      return day;
    case 'week': {
      // ISO weeks start on Monday; getUTCDay() is 0 for Sunday.
      const sinceMonday = (day.getUTCDay() + 6) % 7;
      return new Date(day.getTime() - sinceMonday * DAY_MS);
    }
    case 'month':
      return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  }
}

/** Returns the first day of the period `steps` periods after the one starting at `start`. */
export function addPeriods(start: Date, granularity: Granularity, steps: number): Date {
  switch (granularity) {
    case 'day':
      return new Date(start.getTime() + steps * DAY_MS);
    case 'week':
      return new Date(start.getTime() + steps * 7 * DAY_MS);
    case 'month':
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + steps, 1));
  }
}

/** Lists the period starts from the period of `from` to the period of `to`, both included. */
export function periodRange(from: Date, to: Date, granularity: Granularity): Date[] {
  const periods: Date[] = [];
  const last = periodStart(to, granularity).getTime();
  for (let start = periodStart(from, granularity); start.getTime() <= last; ) {
    periods.push(start);
    start = addPeriods(start, granularity, 1);
  }
  return periods;
}

/** The seasonal period a granularity suggests first: a week of days, a year of weeks or months. */
export const NATURAL_SEASON_LENGTH: Readonly<Record<Granularity, number>> = {
  day: 7,
  week: 52,
  month: 12,
};

/** Earliest sales date accepted. */
export const EARLIEST_SALES_DATE = '1970-01-01';

/**
 * Checks that a sales date (`YYYY-MM-DD`, already valid) lies between 1970-01-01 and tomorrow
 * in UTC: sales are recorded facts, and a date far out of range would stretch every training
 * range. Returns the reason when it does not, else undefined.
 */
export function salesDateProblem(date: string, now = new Date()): string | undefined {
  const latest = formatIsoDate(addPeriods(periodStart(now, 'day'), 'day', 1));
  if (date < EARLIEST_SALES_DATE || date > latest) {
    return `must be between ${EARLIEST_SALES_DATE} and ${latest} (tomorrow, UTC); received "${date}"`;
  }
  return undefined;
}
