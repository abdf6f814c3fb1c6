import { analyseAbTest, compareWithControl, computeSampleSize } from '../../src/analytics';

describe('compareWithControl', () => {
  it('matches the Physicians Health Study aspirin trial', () => {
    // Heart attacks: 104 of 11,037 on aspirin against 189 of 11,034 on placebo (Steering Committee
    // of the Physicians' Health Study Research Group, NEJM 1989). Pooled p = 293 / 22,071 =
    // 0.013275,
    // SE = sqrt(p (1 - p) (1/11037 + 1/11034)) = 0.0015366, z = (0.0094229 - 0.0171289) / SE =
    // -5.0014.
    const result = compareWithControl(
      { id: 'aspirin', impressions: 11_037, conversions: 104 },
      { id: 'placebo', impressions: 11_034, conversions: 189 },
    );

    expect(result.z).toBeCloseTo(-5.0014, 4);
    expect(result.pValue).toBeCloseTo(5.692e-7, 9);
    expect(result.difference).toBeCloseTo(104 / 11_037 - 189 / 11_034, 12);
  });

  it('matches a worked textbook exercise', () => {
    // 140 of 200 against 255 of 340: pooled p = 395 / 540 = 0.731481, SE = 0.039494, z = -1.2660,
    // two-sided p = 0.2055.
    const result = compareWithControl(
      { id: 'a', impressions: 200, conversions: 140 },
      { id: 'b', impressions: 340, conversions: 255 },
    );

    expect(result.z).toBeCloseTo(-1.266015, 5);
    expect(result.pValue).toBeCloseTo(0.205508, 5);
  });

  it('brackets the difference with the Newcombe interval', () => {
    const result = compareWithControl(
      { id: 'b', impressions: 1000, conversions: 55 },
      { id: 'a', impressions: 1000, conversions: 40 },
    );

    expect(result.differenceInterval.lower).toBeLessThan(0.015);
    expect(result.differenceInterval.upper).toBeGreaterThan(0.015);
    expect(result.differenceInterval.lower).toBeLessThan(0);
  });
});

describe('analyseAbTest', () => {
  const variants = [
    { id: 'control', impressions: 1000, conversions: 40 },
    { id: 'new-copy', impressions: 1000, conversions: 55 },
  ];

  it('estimates the probability of being best', () => {
    // Numeric integration (scipy.integrate.quad) of P(B > A) with Beta(56, 946) and Beta(41, 961):
    // 0.941887.
    const result = analyseAbTest(variants);

    expect(result.variants[1].probabilityBest).toBeCloseTo(0.941887, 2);
    expect(result.variants[0].probabilityBest + result.variants[1].probabilityBest).toBeCloseTo(
      1,
      12,
    );
  });

  it('repeats results for the same seed', () => {
    const first = analyseAbTest(variants, { draws: 5000, seed: 7 });
    const second = analyseAbTest(variants, { draws: 5000, seed: 7 });

    expect(second.variants[1].probabilityBest).toBe(first.variants[1].probabilityBest);
  });

  it('reports rates and marks the control', () => {
    const result = analyseAbTest(variants, { control: 'control' });

    expect(result.control).toBe('control');
    expect(result.variants[0]).toMatchObject({ isControl: true, comparison: null, rate: 0.04 });
    expect(result.variants[1].comparison!.relativeLift).toBeCloseTo(37.5, 10);
  });

  it('warns when stopped before the planned size', () => {
    const result = analyseAbTest(variants, { plannedSampleSize: 3841 });

    expect(result.stoppedEarly).toBe(true);
    expect(result.warnings).toEqual([
      'Peeking: the smallest variant has 1000 of the planned 3841 impressions; stopping now because a p-value looks small inflates the false-positive rate above the planned alpha, so run the test to its planned size.',
    ]);
  });

  it('adjusts p-values of several variants by Holm', () => {
    const result = analyseAbTest([
      ...variants,
      { id: 'third', impressions: 1000, conversions: 41 },
    ]);

    const newCopy = result.variants[1].comparison!;
    const third = result.variants[2].comparison!;
    expect(newCopy.adjustedPValue).toBeCloseTo(Math.min(1, 2 * newCopy.pValue), 12);
    expect(third.adjustedPValue).toBeCloseTo(Math.max(third.pValue, newCopy.adjustedPValue), 12);
  });
});

describe('computeSampleSize', () => {
  it('matches a hand computation', () => {
    // p1 = 0.10, p2 = 0.12, pbar = 0.11: [1.95996 sqrt(0.1958) + 0.84162 sqrt(0.1956)]^2 / 0.0004
    // = 3840.85, rounded up to 3841.
    const result = computeSampleSize({ baselineRate: 0.1, minimumDetectableEffect: 0.02 });

    expect(result.perVariant).toBe(3841);
    expect(result.total).toBe(7682);
    expect(result.targetRate).toBeCloseTo(0.12, 12);
  });

  it('accepts a relative effect', () => {
    // 5% baseline, +10% relative: 0.05 -> 0.055, n = 31233.44 -> 31234.
    const result = computeSampleSize({
      baselineRate: 0.05,
      minimumDetectableEffect: 0.1,
      effectType: 'relative',
    });

    expect(result.perVariant).toBe(31_234);
  });

  it('splits alpha over several variants', () => {
    const two = computeSampleSize({ baselineRate: 0.1, minimumDetectableEffect: 0.02 });
    const three = computeSampleSize({
      baselineRate: 0.1,
      minimumDetectableEffect: 0.02,
      variants: 3,
    });

    expect(three.alphaPerComparison).toBe(0.025);
    expect(three.perVariant).toBeGreaterThan(two.perVariant);
  });
});
