/**
 * Timing and channel advice: which weekday or month of the year, and which channel, performed
 * best, with the numbers behind the choice. Calendar groups are compared by their mean with a t
 * interval and a one-way ANOVA F-test of "all group means are equal". Channels are compared by a
 * KPI from `analyseCampaigns` with its interval.
 */
import { jStat } from 'jstat';

import { badInput } from '../shared/errors';
import { parseIsoDate } from '../shared/period';
import type { CampaignKpis } from './campaigns';
import { minorUnitsToNumber, toMinorUnits } from './money';
import type { Interval } from './stats';
import { mean, sum, tCritical, variance } from './stats';

export type TimingGrouping = 'weekday' | 'month';

/** A dated value, e.g. units sold on a day or a campaign's ROAS by its start date. */
export interface DatedValue {
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  value: number;
}

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export interface TimingGroup {
  /** 0 = Monday .. 6 = Sunday, or 0 = January .. 11 = December. */
  index: number;
  name: string;
  count: number;
  mean: number;
  /** t interval of the mean; null with fewer than two values. */
  interval: Interval | null;
  /** mean / overall mean; null when the overall mean is 0. */
  relativeToOverall: number | null;
}

export interface TimingComparison {
  by: TimingGrouping;
  /** Groups with at least one value, best first. */
  groups: TimingGroup[];
  best: TimingGroup;
  worst: TimingGroup;
  overallMean: number;
  /**
   * One-way ANOVA across the groups; null with fewer than two groups or no residual degrees of
   * freedom.
   */
  anova: { f: number; df1: number; df2: number; pValue: number } | null;
  /** One sentence with the numbers, naming the metric. */
  statement: string;
  warnings: string[];
}

export interface TimingOptions {
  by: TimingGrouping;
  /** Name of the measured quantity in the statement (default "value"), e.g. "units per day". */
  metric?: string;
  /** Coverage of the intervals in percent (default 95). */
  level?: number;
}

/**
 * Compares the mean value per weekday or per month of the year. Every record counts once, so for
 * daily sales the result is the mean per day in that weekday or month. Throws `BAD_USER_INPUT`
 * for an empty list, a malformed date or a non-finite value.
 */
export function compareTiming(
  records: readonly DatedValue[],
  options: TimingOptions,
): TimingComparison {
  if (records.length === 0) {
    throw badInput(
      'records',
      'records must hold at least one dated value; received an empty list.',
    );
  }
  const level = options.level ?? 95;
  const metric = options.metric ?? 'value';
  const names: readonly string[] = options.by === 'weekday' ? WEEKDAY_NAMES : MONTH_NAMES;
  const buckets: number[][] = names.map(() => []);
  records.forEach((record, index) => {
    const date = parseIsoDate(record.date);
    if (!date) {
      throw badInput(
        `records[${index}].date`,
        `records[${index}].date must be an ISO date (YYYY-MM-DD); received "${record.date}".`,
      );
    }
    if (!Number.isFinite(record.value)) {
      throw badInput(
        `records[${index}].value`,
        `records[${index}].value must be a finite number; received "${record.value}".`,
      );
    }
    const group = options.by === 'weekday' ? (date.getUTCDay() + 6) % 7 : date.getUTCMonth();
    buckets[group].push(record.value);
  });

  const overallMean = mean(records.map((record) => record.value));
  const groups = buckets
    .map((values, index) => describeGroup(index, names[index], values, overallMean, level))
    .filter((group): group is TimingGroup => group !== undefined)
    .sort((a, b) => b.mean - a.mean);
  const best = groups[0];
  const worst = groups[groups.length - 1];
  const anova = testOneWayAnova(buckets.filter((values) => values.length > 0));

  const warnings: string[] = [];
  const missing = names.length - groups.length;
  if (missing > 0) {
    warnings.push(
      `${missing} of ${names.length} ${options.by === 'weekday' ? 'weekdays' : 'months'} have no data, so the comparison covers only the others.`,
    );
  }
  const thin = groups.filter((group) => group.count < 2).map((group) => group.name);
  if (thin.length > 0) {
    warnings.push(
      `${thin.join(', ')} ${thin.length === 1 ? 'has' : 'have'} a single value, so no interval is given there.`,
    );
  }
  return {
    by: options.by,
    groups,
    best,
    worst,
    overallMean,
    anova,
    statement: describeTiming(options.by, metric, best, anova),
    warnings,
  };
}

function describeGroup(
  index: number,
  name: string,
  values: number[],
  overallMean: number,
  level: number,
): TimingGroup | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const groupMean = mean(values);
  let interval: Interval | null = null;
  if (values.length >= 2) {
    const margin =
      tCritical(level, values.length - 1) * Math.sqrt(variance(values) / values.length);
    interval = { level, lower: groupMean - margin, upper: groupMean + margin };
  }
  const relativeToOverall = overallMean !== 0 ? groupMean / overallMean : null;
  return { index, name, count: values.length, mean: groupMean, interval, relativeToOverall };
}

/** Runs a one-way ANOVA: F = (between-group mean square) / (within-group mean square). */
export function testOneWayAnova(groups: readonly number[][]): TimingComparison['anova'] {
  const n = sum(groups.map((values) => values.length));
  const k = groups.length;
  if (k < 2 || n - k < 1) {
    return null;
  }
  const grandMean = sum(groups.map((values) => sum(values))) / n;
  const between = sum(groups.map((values) => values.length * (mean(values) - grandMean) ** 2));
  const within = sum(
    groups.map((values) => sum(values.map((value) => (value - mean(values)) ** 2))),
  );
  const df1 = k - 1;
  const df2 = n - k;
  if (within === 0) {
    return { f: between === 0 ? 0 : Infinity, df1, df2, pValue: between === 0 ? 1 : 0 };
  }
  const f = between / df1 / (within / df2);
  return { f, df1, df2, pValue: 1 - jStat.centralF.cdf(f, df1, df2) };
}

function describeTiming(
  by: TimingGrouping,
  metric: string,
  best: TimingGroup,
  anova: TimingComparison['anova'],
): string {
  const interval = best.interval
    ? ` (${best.interval.level}% interval ${best.interval.lower.toFixed(2)} to ${best.interval.upper.toFixed(2)})`
    : '';
  const relative =
    best.relativeToOverall !== null
      ? `, ${best.relativeToOverall.toFixed(2)} times the overall mean`
      : '';
  const test = anova
    ? ` The ${by} differences are ${anova.pValue < 0.05 ? '' : 'not '}significant at 5% (one-way ANOVA F = ${anova.f.toFixed(2)}, p = ${anova.pValue.toFixed(4)}).`
    : '';
  return `${best.name} has the highest mean ${metric}: ${best.mean.toFixed(2)}${interval} over ${best.count} records${relative}.${test}`;
}

/** A KPI by which channels are ranked. CPA ranks lowest first; the others highest first. */
export type ChannelMetric =
  'roas' | 'conversionRate' | 'conversionRatePerImpression' | 'ctr' | 'cpa';

export interface ChannelRanking {
  metric: ChannelMetric;
  /** Channels with a defined value of the metric, best first. */
  ranking: Array<{ channel: string; value: number; lower: number | null; upper: number | null }>;
  /**
   * True when the best channel's interval does not overlap the runner-up's (a conservative check).
   */
  clearWinner: boolean;
  statement: string;
  warnings: string[];
}

/**
 * Ranks channel rows from `analyseCampaigns` by a metric and reports whether the best channel is
 * clearly ahead: its interval does not overlap the runner-up's. Non-overlap implies a
 * significant difference, but overlap does not rule one out. Throws `BAD_USER_INPUT` when no
 * channel has a defined value of the metric.
 */
export function compareChannels(
  channels: readonly CampaignKpis[],
  metric: ChannelMetric,
): ChannelRanking {
  const ranking = channels
    .map((row) => ({ channel: row.channel, ...metricOf(row, metric) }))
    .filter((entry): entry is ChannelRanking['ranking'][number] => entry.value !== null)
    .sort((a, b) => (metric === 'cpa' ? a.value - b.value : b.value - a.value));
  if (ranking.length === 0) {
    throw badInput(
      'channels',
      `No channel has a defined ${metric}; every channel lacks the denominator it needs.`,
    );
  }
  const warnings: string[] = [];
  const skipped = channels.length - ranking.length;
  if (skipped > 0) {
    warnings.push(`${skipped} channels have no defined ${metric} and are left out of the ranking.`);
  }

  const [best, runnerUp] = ranking;
  let clearWinner = false;
  if (runnerUp) {
    clearWinner =
      metric === 'cpa'
        ? best.upper !== null && runnerUp.lower !== null && best.upper < runnerUp.lower
        : best.lower !== null && runnerUp.upper !== null && best.lower > runnerUp.upper;
  }
  const format = (value: number | null) =>
    value === null ? 'unbounded' : value.toFixed(metric === 'cpa' || metric === 'roas' ? 2 : 4);
  const versus = runnerUp
    ? ` The runner-up is ${runnerUp.channel} at ${format(runnerUp.value)}; the intervals ${clearWinner ? 'do not overlap, so the lead is clear' : 'overlap, so the lead is not established'}.`
    : '';
  const statement = `${best.channel} has the ${metric === 'cpa' ? 'lowest' : 'highest'} ${metric}: ${format(best.value)} (interval ${format(best.lower)} to ${format(best.upper)}).${versus}`;
  return { metric, ranking, clearWinner, statement, warnings };
}

function metricOf(
  row: CampaignKpis,
  metric: ChannelMetric,
): { value: number | null; lower: number | null; upper: number | null } {
  switch (metric) {
    case 'roas':
      return {
        value: row.roas.value,
        lower: row.roas.interval.lower,
        upper: row.roas.interval.upper,
      };
    case 'ctr':
    case 'conversionRate':
    case 'conversionRatePerImpression': {
      const rate = row[metric];
      return { value: rate.value, lower: rate.interval.lower, upper: rate.interval.upper };
    }
    case 'cpa': {
      const toNumber = (value: string | null) =>
        value === null ? null : minorUnitsToNumber(toMinorUnits(value, 'cpa'));
      return {
        value: toNumber(row.cpa.value),
        lower: toNumber(row.cpa.interval.lower),
        upper: toNumber(row.cpa.interval.upper),
      };
    }
  }
}
