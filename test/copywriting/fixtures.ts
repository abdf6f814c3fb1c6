import type { CopyBrief } from '../../src/copywriting';

/** Builds a brief for a real catalogue item with rising sales and a forecast peak in November. */
export function makeBrief(overrides: Partial<CopyBrief> = {}): CopyBrief {
  return {
    product: {
      sku: '85123A',
      name: 'White Hanging Heart T-Light Holder',
      description: 'A white metal heart that holds a tea light. Hang it in a window or on a door.',
      category: 'Home decor',
      price: { amount: '2.55', currency: 'GBP' },
      tags: ['candles', 'gift ideas', 'heart'],
    },
    sales: {
      trend: 'rising',
      changePercent: 24.3,
      recentUnits: 412,
      granularity: 'month',
      recentPeriods: 3,
    },
    forecast: {
      model: 'AutoARIMA',
      granularity: 'month',
      horizon: 6,
      horizonTotal: 1903.4,
      nextPeak: { period: '2011-11-01', value: 538.6 },
    },
    channel: 'SOCIAL_POST',
    tone: 'FRIENDLY',
    language: 'en',
    maxLength: 280,
    variants: 1,
    ...overrides,
  };
}
