import { compareTiming, testOneWayAnova } from '../../src/analytics';

describe('compareTiming', () => {
  it('finds the best weekday', () => {
    // Four weeks from Monday 2024-01-01; Saturdays sell 20, other days 10 plus a small wobble.
    const records = Array.from({ length: 28 }, (_, day) => ({
      date: `2024-01-${String(day + 1).padStart(2, '0')}`,
      value: (day % 7 === 5 ? 20 : 10) + (day % 3) * 0.5,
    }));

    const result = compareTiming(records, { by: 'weekday', metric: 'units per day' });

    expect(result.best.name).toBe('Saturday');
    expect(result.best.count).toBe(4);
    expect(result.groups).toHaveLength(7);
    expect(result.anova!.pValue).toBeLessThan(0.001);
    expect(result.statement).toMatch(
      /^Saturday has the highest mean units per day: 20\.\d\d \(95% interval/,
    );
  });

  it('groups by month of the year', () => {
    const records = [
      { date: '2023-12-05', value: 50 },
      { date: '2024-12-05', value: 70 },
      { date: '2024-06-01', value: 10 },
    ];

    const result = compareTiming(records, { by: 'month' });

    expect(result.best).toMatchObject({ name: 'December', count: 2, mean: 60 });
    expect(result.worst).toMatchObject({ name: 'June', interval: null });
    expect(result.warnings).toEqual([
      '10 of 12 months have no data, so the comparison covers only the others.',
      'June has a single value, so no interval is given there.',
    ]);
  });
});

describe('testOneWayAnova', () => {
  it('matches a hand computation', () => {
    // Between SS 13.5 on 1 df, within SS 4 on 4 df: F = 13.5; scipy f.sf(13.5, 1, 4) = 0.021312.
    const result = testOneWayAnova([
      [1, 2, 3],
      [4, 5, 6],
    ]);

    expect(result).not.toBeNull();
    expect(result!.f).toBeCloseTo(13.5, 10);
    expect(result!.df1).toBe(1);
    expect(result!.df2).toBe(4);
    expect(result!.pValue).toBeCloseTo(0.021312, 5);
  });
});
