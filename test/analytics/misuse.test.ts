import {
  analyseAbTest,
  analyseCampaigns,
  analyseTrend,
  classifySentiment,
  computeSampleSize,
  decomposeStl,
  estimateElasticity,
  measureCampaignLift,
  recommendPrice,
  toMinorUnits,
} from '../../src/analytics';
import type { CampaignRecord } from '../../src/analytics';
import { DomainError } from '../../src/shared/errors';

/** Runs `action` and returns the DomainError it throws. */
function domainErrorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

const CAMPAIGN: CampaignRecord = {
  id: 'c1',
  channel: 'email',
  startDate: '2024-03-01',
  endDate: '2024-03-14',
  spend: '10',
  impressions: 100,
  clicks: 10,
  conversions: 1,
  revenue: '20',
};

describe('analytics misuse', () => {
  it('rejects malformed money', () => {
    const error = domainErrorOf(() => toMinorUnits('12.34567', 'price'));

    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('price');
    expect(error.message).toBe(
      'price must be a decimal amount with at most 4 fractional digits, such as "12.34"; received "12.34567".',
    );
  });

  it('rejects a fractional minor-unit number', () => {
    expect(domainErrorOf(() => toMinorUnits(1.5, 'spend')).message).toBe(
      'spend must be an integer number of minor units (1/10000 of the currency unit); received "1.5".',
    );
  });

  it('rejects a series shorter than two seasons', () => {
    const error = domainErrorOf(() => decomposeStl([1, 2, 3, 4, 5], { seasonLength: 4 }));

    expect(error.field).toBe('y');
    expect(error.message).toBe(
      'STL needs at least two full seasons (8 observations for seasonLength 4); received 5.',
    );
  });

  it('rejects a non-finite observation', () => {
    expect(domainErrorOf(() => decomposeStl([1, 2, NaN, 4], { seasonLength: 2 })).message).toBe(
      'Every observation must be a finite number; received "NaN" at index 2.',
    );
  });

  it('rejects a bad anomaly threshold', () => {
    expect(
      domainErrorOf(() => analyseTrend([1, 2, 3, 4], { seasonLength: 2, anomalyThreshold: 0 }))
        .message,
    ).toBe('anomalyThreshold must be a positive number; received "0".');
  });

  it('rejects negative units', () => {
    expect(domainErrorOf(() => estimateElasticity([{ units: -1, revenue: 0 }])).message).toBe(
      'periods[0].units must be a non-negative integer; received "-1".',
    );
  });

  it('rejects inverted price bounds', () => {
    const error = domainErrorOf(() =>
      recommendPrice({
        elasticity: -2,
        currentPrice: '10',
        baselineUnits: [1],
        minPrice: '12',
        maxPrice: '8',
      }),
    );

    expect(error.field).toBe('minPrice');
    expect(error.message).toBe(
      'minPrice must not exceed maxPrice; received minPrice "12.0000" and maxPrice "8.0000".',
    );
  });

  it('rejects an empty baseline', () => {
    expect(
      domainErrorOf(() =>
        recommendPrice({
          elasticity: -2,
          currentPrice: '10',
          baselineUnits: [],
          minPrice: '8',
          maxPrice: '12',
        }),
      ).message,
    ).toBe(
      'baselineUnits must hold at least one expected value per horizon period; received an empty list.',
    );
  });

  it('rejects conversions above clicks', () => {
    expect(domainErrorOf(() => analyseCampaigns([{ ...CAMPAIGN, conversions: 11 }])).message).toBe(
      'campaigns[0].conversions must not exceed clicks (10), because the conversion rate is per click; received "11".',
    );
  });

  it('rejects an end before the start', () => {
    expect(
      domainErrorOf(() => analyseCampaigns([{ ...CAMPAIGN, endDate: '2024-02-01' }])).message,
    ).toBe(
      'campaigns[0].endDate must be an ISO date (YYYY-MM-DD) on or after startDate 2024-03-01; received "2024-02-01".',
    );
  });

  it('rejects forecast lengths that differ', () => {
    expect(
      domainErrorOf(() =>
        measureCampaignLift([1, 2], { mean: [1], lower: [0], upper: [2], level: 95 }),
      ).message,
    ).toBe('forecast.mean must hold one value per campaign period (2); received 1.');
  });

  it('rejects an unknown control', () => {
    const variants = [
      { id: 'a', impressions: 10, conversions: 1 },
      { id: 'b', impressions: 10, conversions: 2 },
    ];

    expect(domainErrorOf(() => analyseAbTest(variants, { control: 'z' })).message).toBe(
      'control must be the id of a variant ("a", "b"); received "z".',
    );
  });

  it('rejects a baseline rate of 1', () => {
    expect(
      domainErrorOf(() => computeSampleSize({ baselineRate: 1, minimumDetectableEffect: 0.1 }))
        .message,
    ).toBe('baselineRate must lie strictly between 0 and 1; received "1".');
  });

  it('rejects an unknown language', () => {
    expect(domainErrorOf(() => classifySentiment('hi', { language: 'fr' as 'en' })).message).toBe(
      'language must be "en", "zh" or "auto"; received "fr".',
    );
  });
});
