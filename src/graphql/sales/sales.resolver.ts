import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import { upsertSales } from '../../db/queries/sales';
import type { SalesRecord } from '../../db/queries/sales';
import { ErrorCode, badInput } from '../../shared/errors';
import { parseMoney } from '../../shared/money';
import { salesDateProblem } from '../../shared/period';
import type { Context } from '../context';
import { SalesPointInput } from './sales.input';
import { ItemError, RecordSalesPayload } from './sales.types';

/** Maximum number of observations one recordSales call accepts. */
export const MAX_SALES_BATCH = 10_000;

const CHANNEL = /^[a-z0-9][a-z0-9_-]{0,31}$/;
/** Largest number of units one observation may record, either way. */
const MAX_UNITS = 10_000_000;
/** Largest revenue one observation may record, either way, in minor units (1e9 currency units). */
const MAX_REVENUE_MINOR = 1e13;

/** Records batches of sales observations. */
@Resolver()
export class SalesResolver {
  @Authorized('ADMIN')
  @Mutation(() => RecordSalesPayload, {
    description:
      'Records daily observations. A (product, period, channel) already stored is updated. Invalid items are reported in errors; the valid ones are written in one transaction.',
  })
  async recordSales(
    @Ctx() context: Context,
    @Arg('points', () => [SalesPointInput]) points: SalesPointInput[],
  ): Promise<RecordSalesPayload> {
    if (points.length === 0 || points.length > MAX_SALES_BATCH) {
      throw badInput(
        'points',
        `points must hold 1 to ${MAX_SALES_BATCH} observations; received ${points.length}. Split larger batches.`,
      );
    }

    const { records, errors } = await checkSalesPoints(context, points);
    const counts =
      records.length > 0
        ? await context.dataSource.transaction((manager) => upsertSales(manager, records))
        : { inserted: 0, updated: 0 };
    context.logger.info(
      { requestId: context.requestId, ...counts, rejected: errors.length },
      'sales recorded',
    );
    return { ...counts, errors };
  }
}

async function checkSalesPoints(
  context: Context,
  points: SalesPointInput[],
): Promise<{ records: SalesRecord[]; errors: ItemError[] }> {
  const products = await Promise.all(
    points.map((point) => {
      if (point.productId != null && /^\d+$/.test(point.productId)) {
        return context.loaders.productById.load(Number(point.productId));
      }
      return point.sku != null ? context.loaders.productBySku.load(point.sku) : null;
    }),
  );

  const records: SalesRecord[] = [];
  const errors: ItemError[] = [];
  const firstIndexOfKey = new Map<string, number>();
  points.forEach((point, index) => {
    const reject = (field: string, code: ErrorCode, message: string) =>
      errors.push({ index, field, code, message });
    const product = products[index];
    const revenue = parseMoney(point.revenue);

    if ((point.productId == null) === (point.sku == null)) {
      reject('productId', ErrorCode.BadUserInput, 'Give exactly one of productId or sku.');
    } else if (!product) {
      const reference = point.productId != null ? `id "${point.productId}"` : `SKU "${point.sku}"`;
      reject(
        point.productId != null ? 'productId' : 'sku',
        ErrorCode.NotFound,
        `No product has ${reference}.`,
      );
    } else if (salesDateProblem(point.period) !== undefined) {
      reject('period', ErrorCode.BadUserInput, `period ${salesDateProblem(point.period)}.`);
    } else if (Math.abs(point.units) > MAX_UNITS) {
      reject(
        'units',
        ErrorCode.BadUserInput,
        `units must be between -${MAX_UNITS} and ${MAX_UNITS}; received ${point.units}.`,
      );
    } else if (!CHANNEL.test(point.channel)) {
      reject(
        'channel',
        ErrorCode.BadUserInput,
        `channel must be 1 to 32 lower-case letters, digits, _ or -; received "${point.channel}".`,
      );
    } else if (!revenue.ok || Math.abs(revenue.minor) > MAX_REVENUE_MINOR) {
      reject(
        'revenue',
        ErrorCode.BadUserInput,
        `revenue must be a decimal string with at most 4 decimals between -1000000000 and 1000000000, e.g. "15.30"; received "${point.revenue}".`,
      );
    } else {
      const key = `${product.id}|${point.period}|${point.channel}`;
      const first = firstIndexOfKey.get(key);
      if (first !== undefined) {
        reject(
          'period',
          ErrorCode.BadUserInput,
          `Item ${first} already records product ${product.id} on ${point.period} in channel "${point.channel}"; send each key once per batch.`,
        );
        return;
      }
      firstIndexOfKey.set(key, index);
      records.push({
        productId: product.id,
        period: point.period,
        channel: point.channel,
        units: point.units,
        revenueMinor: revenue.minor,
      });
    }
  });
  return { records, errors };
}
