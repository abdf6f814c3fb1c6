import { explainForecast } from '../../src/copywriting';
import type { ForecastExplanationInput } from '../../src/copywriting';

const MONTHS = ['2011-07-01', '2011-08-01', '2011-09-01', '2011-10-01', '2011-11-01', '2011-12-01'];

function makeInput(overrides: Partial<ForecastExplanationInput> = {}): ForecastExplanationInput {
  const means = [300, 340, 400, 470, 540, 420];
  return {
    model: { kind: 'SARIMA', params: { p: 1, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12 } },
    granularity: 'month',
    history: [250, 260, 240, 280, 300, 310, 290, 305, 320, 330, 300, 310],
    points: MONTHS.map((period, i) => ({
      period,
      mean: means[i],
      lower95: means[i] * 0.7,
      upper95: means[i] * 1.3,
    })),
    ...overrides,
  };
}

describe('explainForecast', () => {
  it('explains a seasonal rise in English', () => {
    const explanation = explainForecast(makeInput(), 'en');

    expect(explanation.sentences).toEqual([
      'This forecast was made by SARIMA(1,1,1)(0,1,1)[12], fitted to 12 months of sales.',
      'Demand over the next 6 months is expected to rise by about 33% against the last 6 months.',
      'The highest point is November 2011, at about 540 units.',
      'The model repeats a seasonal pattern every 12 months.',
      'The 95% interval is moderate, about ±30% of the forecast.',
      'The change comes mainly from the seasonal pattern.',
    ]);
    expect(explanation.text).toBe(explanation.sentences.join(' '));
    expect(explanation.changePercent).toBeCloseTo(33.15, 1);
    expect(explanation.intervalHalfWidthPercent).toBeCloseTo(30, 6);
  });

  it('explains the same forecast in Chinese', () => {
    const explanation = explainForecast(makeInput(), 'zh');

    expect(explanation.sentences).toEqual([
      '该预测由SARIMA(1,1,1)(0,1,1)[12]模型根据12个月的销量拟合得出。',
      '未来6个月的需求预计比近6个月增长约33%。',
      '最高点在2011年11月，约540件。',
      '模型包含每12个月重复一次的季节规律。',
      '95%预测区间适中，约为预测值的±30%。',
      '变化主要来自季节规律。',
    ]);
    expect(explanation.text).toBe(explanation.sentences.join(''));
  });

  it('names the trend as the driver without seasons', () => {
    const input = makeInput({
      model: { kind: 'ARIMA', params: { p: 0, d: 1, q: 1 } },
      points: MONTHS.map((period, i) => ({ period, mean: 400 + i * 2 })),
    });

    const explanation = explainForecast(input, 'en');

    expect(explanation.sentences).toContain(
      'The change comes mainly from the recent trend in sales.',
    );
    expect(explanation.sentences.join(' ')).not.toMatch(/seasonal pattern every|interval/);
  });

  it('reads level demand and a wide interval', () => {
    const input = makeInput({
      model: { kind: 'ETS', params: { error: 'A', trend: 'N', season: 'N', seasonLength: 12 } },
      history: [100, 100, 100],
      points: [{ period: '2011-07-01', mean: 102, lower95: 20, upper95: 184 }],
    });

    const explanation = explainForecast(input, 'en');

    expect(explanation.sentences).toEqual([
      'This forecast was made by ETS, fitted to 3 months of sales.',
      'Demand over the next month should stay about level with the last month.',
      'The highest point is July 2011, at about 102 units.',
      'The 95% interval is wide, about ±80% of the forecast, so treat the numbers as a rough guide.',
      'The forecast mainly carries the recent level of sales forward.',
    ]);
  });

  it('rejects a forecast without points', () => {
    expect(() => explainForecast(makeInput({ points: [] }), 'en')).toThrow(
      'Missing forecast points, expected at least one point to explain.',
    );
  });

  it('rejects non-finite values', () => {
    const input = makeInput({ points: [{ period: '2011-07-01', mean: Number.NaN }] });

    expect(() => explainForecast(input, 'en')).toThrow(
      'Invalid forecast value NaN, expected finite numbers only.',
    );
  });
});
