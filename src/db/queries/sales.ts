import { In } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { addPeriods, formatIsoDate, parseIsoDate, periodStart } from '../../shared/period';
import type { Granularity } from '../../shared/period';
import { dateAsIsoString } from '../columns';
import { SalesObservation } from '../entities';

/** Units and revenue of one period, summed over the days (and channels) it covers. */
export interface SalesTotal {
  /** First day of the period, `YYYY-MM-DD`. */
  period: string;
  units: number;
  revenueMinor: number;
}

/** The observations a sales query covers. */
export interface SalesFilter {
  granularity: Granularity;
  /** First day included, `YYYY-MM-DD`; no lower bound when absent. */
  from?: string;
  /** Last day included, `YYYY-MM-DD`; no upper bound when absent. */
  to?: string;
  /** One channel, or every channel summed when absent. */
  channel?: string;
}

/** A sales row as the driver returns it: numbers may arrive as strings from PostgreSQL. */
interface RawSalesRow {
  productId: number | string;
  period: string | Date;
  units: number | string;
  revenueMinor: number | string;
}

/**
 * Loads the sales of several products in one statement, summed per product and period of the
 * filter's granularity. Periods without observations are absent.
 */
export async function loadSalesTotals(
  dataSource: DataSource,
  productIds: readonly number[],
  filter: SalesFilter,
): Promise<Map<number, SalesTotal[]>> {
  const periodExpression = periodStartSql(
    dataSource.options.type,
    filter.granularity,
    'sale.period',
  );
  const query = dataSource
    .getRepository(SalesObservation)
    .createQueryBuilder('sale')
    .select('sale.product_id', 'productId')
    .addSelect(periodExpression ?? 'sale.period', 'period')
    .addSelect('SUM(sale.units)', 'units')
    .addSelect('SUM(sale.revenue_minor)', 'revenueMinor')
    .where({ productId: In([...productIds]) })
    .groupBy('sale.product_id')
    .addGroupBy(periodExpression ?? 'sale.period');
  if (filter.from !== undefined) {
    query.andWhere('sale.period >= :from', { from: filter.from });
  }
  if (filter.to !== undefined) {
    query.andWhere('sale.period <= :to', { to: filter.to });
  }
  if (filter.channel !== undefined) {
    query.andWhere('sale.channel = :channel', { channel: filter.channel });
  }
  const rows = await query.orderBy('period', 'ASC').getRawMany<RawSalesRow>();

  // With a period expression the database returns one row per product and period. Without
  // one it returns a row per product and day, and the days are folded into periods here.
  const periodOfDay = new Map<string, string>();
  const totals = new Map<number, Map<string, SalesTotal>>();
  for (const raw of rows) {
    const day = dateAsIsoString.from(raw.period) as string;
    let period = periodOfDay.get(day);
    if (period === undefined) {
      period = formatIsoDate(periodStart(parseIsoDate(day)!, filter.granularity));
      periodOfDay.set(day, period);
    }
    const productId = Number(raw.productId);
    let byPeriod = totals.get(productId);
    if (!byPeriod) {
      byPeriod = new Map();
      totals.set(productId, byPeriod);
    }
    const total = byPeriod.get(period) ?? { period, units: 0, revenueMinor: 0 };
    total.units += Number(raw.units);
    total.revenueMinor += Number(raw.revenueMinor);
    byPeriod.set(period, total);
  }
  return new Map([...totals].map(([productId, byPeriod]) => [productId, [...byPeriod.values()]]));
}

/**
 * Returns the SQL for the first day of the period containing the date in `column`, as text
 * `YYYY-MM-DD`, in the dialect of `driver`. Returns undefined for other drivers, whose days are
 * then folded into periods in JavaScript. Weeks start on Monday, as ISO weeks do: PostgreSQL's
 * date_trunc('week') is ISO, and the SQLite form shifts by %w, which counts Sunday as 0.
 */
export function periodStartSql(
  driver: string,
  granularity: Granularity,
  column: string,
): string | undefined {
  if (driver === 'sqlite') {
    switch (granularity) {
      case 'day':
        return column;
      case 'week':
        return `date(${column}, '-' || ((CAST(strftime('%w', ${column}) AS INTEGER) + 6) % 7) || ' days')`;
      case 'month':
        return `strftime('%Y-%m-01', ${column})`;
    }
  }
  if (driver === 'postgres') {
    return granularity === 'day'
      ? `to_char(${column}, 'YYYY-MM-DD')`
      : `to_char(date_trunc('${granularity}', ${column}), 'YYYY-MM-DD')`;
  }
  return undefined;
}

/** Returns the latest day with any recorded sales, or undefined for an empty table. */
export async function latestSalesDate(dataSource: DataSource): Promise<string | undefined> {
  const row = await dataSource
    .getRepository(SalesObservation)
    .createQueryBuilder('sale')
    .select('MAX(sale.period)', 'latest')
    .getRawOne<{ latest: string | Date | null }>();
  const latest = row?.latest;
  if (latest === null || latest === undefined) {
    return undefined;
  }
  return latest instanceof Date ? formatIsoDate(latest) : latest.slice(0, 10);
}

/**
 * Spreads period totals over every period from `from` to `to` (period starts), filling
 * periods with no sales with zero units.
 */
export function fillPeriods(
  totals: readonly SalesTotal[],
  granularity: Granularity,
  from: Date,
  to: Date,
): SalesTotal[] {
  const byPeriod = new Map(totals.map((total) => [total.period, total]));
  const filled: SalesTotal[] = [];
  for (
    let start = from;
    start.getTime() <= to.getTime();
    start = addPeriods(start, granularity, 1)
  ) {
    const period = formatIsoDate(start);
    filled.push(byPeriod.get(period) ?? { period, units: 0, revenueMinor: 0 });
  }
  return filled;
}

/** One observation to record; `productId` already resolved and values already checked. */
export interface SalesRecord {
  productId: number;
  period: string;
  channel: string;
  units: number;
  revenueMinor: number;
}

/**
 * Inserts or updates observations by their (product, period, channel) key inside the
 * caller's transaction. Returns how many rows were inserted and how many updated.
 */
export async function upsertSales(
  manager: EntityManager,
  records: readonly SalesRecord[],
): Promise<{ inserted: number; updated: number }> {
  const repository = manager.getRepository(SalesObservation);
  const keyOf = (r: { productId: number; period: string; channel: string }) =>
    `${r.productId}|${r.period}|${r.channel}`;

  // Look up existing keys per product in one statement each chunk, so the split into inserts
  // and updates is known before writing and the counts are exact.
  const existing = new Map<string, number>();
  const productIds = [...new Set(records.map((record) => record.productId))];
  for (let offset = 0; offset < productIds.length; offset += 500) {
    const rows = await repository.find({
      select: { id: true, productId: true, period: true, channel: true },
      where: { productId: In(productIds.slice(offset, offset + 500)) },
    });
    for (const row of rows) {
      existing.set(keyOf(row), row.id);
    }
  }

  const inserts: SalesRecord[] = [];
  let updated = 0;
  for (const record of records) {
    const id = existing.get(keyOf(record));
    if (id === undefined) {
      inserts.push(record);
    } else {
      await repository.update({ id }, { units: record.units, revenueMinor: record.revenueMinor });
      updated += 1;
    }
  }
  // SQLite caps bound parameters per statement; 5 columns x 150 rows stays well under it.
  for (let offset = 0; offset < inserts.length; offset += 150) {
    await repository.insert(inserts.slice(offset, offset + 150));
  }
  return { inserted: inserts.length, updated };
}
