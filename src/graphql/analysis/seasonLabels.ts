import { MONTH_NAMES, WEEKDAY_NAMES } from '../../analytics';
import { parseIsoDate } from '../../shared/period';
import type { Granularity } from '../../shared/period';

/**
 * Names a season position by the calendar: the month for monthly data with seasonLength 12,
 * the weekday for daily data with seasonLength 7, the ISO week for weekly data with
 * seasonLength 52 or 53, else "position N". `period` is the first period at that position.
 */
export function labelSeasonPosition(
  granularity: Granularity,
  seasonLength: number,
  position: number,
  period: string,
): string {
  const date = parseIsoDate(period)!;
  if (granularity === 'month' && seasonLength === 12) {
    return MONTH_NAMES[date.getUTCMonth()];
  }
  if (granularity === 'day' && seasonLength === 7) {
    return WEEKDAY_NAMES[(date.getUTCDay() + 6) % 7];
  }
  if (granularity === 'week' && (seasonLength === 52 || seasonLength === 53)) {
    return `ISO week ${isoWeekNumber(date)}`;
  }
  return `position ${position}`;
}

/** Returns the ISO 8601 week number (1 to 53) of a UTC date. */
export function isoWeekNumber(date: Date): number {
  // The ISO week belongs to the year of its Thursday; count weeks from that year's first one.
  const thursday = new Date(date.getTime());
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}
