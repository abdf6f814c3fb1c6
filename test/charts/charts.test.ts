import {
  renderDecompositionChart,
  renderExperimentChart,
  renderForecastChart,
  renderLiftChart,
} from '../../src/charts';
import { SvgReader } from './svgReader';

const HISTORY = [3, 5, 4, 6, 7, 6].map((units, month) => ({
  period: `2011-0${month + 1}-01`,
  units,
}));
const FORECAST = [7, 8, 9].map((value, step) => ({
  period: `2011-0${step + 7}-01`,
  value,
  lower80: value - 1,
  upper80: value + 1,
  lower95: value - 2,
  upper95: value + 2,
}));

describe('renderForecastChart', () => {
  it('draws history, forecast and both bands', async () => {
    const svg = new SvgReader(
      await renderForecastChart({
        title: 'Mug',
        language: 'en',
        history: HISTORY,
        forecast: FORECAST,
      }),
    );

    expect(svg.itemCount('history_points')).toBe(6);
    expect(svg.itemCount('forecast_points')).toBe(3);
    expect(svg.paths('band80')).toHaveLength(1);
    expect(svg.paths('band95')).toHaveLength(1);
    expect(svg.paths('band95')[0]).toMatch(/^M/);
    expect(svg.axisTitles()).toEqual(['Period', 'Units sold']);
    expect(svg.title()).toEqual(['Mug: sales and forecast']);
  });

  it('labels axes and months in Chinese', async () => {
    const svg = new SvgReader(
      await renderForecastChart({
        title: '杯子',
        language: 'zh',
        history: HISTORY,
        forecast: FORECAST,
      }),
    );

    expect(svg.axisTitles()).toEqual(['时间', '销量（件）']);
    expect(svg.title()).toEqual(['杯子：销量与预测']);
    expect(svg.axisLabels().some((label) => /月/.test(label))).toBe(true);
  });

  it('escapes markup in names', async () => {
    const svg = await renderForecastChart({
      title: '<script>alert(1)</script>',
      language: 'en',
      history: HISTORY,
      forecast: FORECAST,
    });

    expect(svg).not.toContain('<script>');
    expect(new SvgReader(svg).title()).toEqual(['<script>alert(1)</script>: sales and forecast']);
  });
});

describe('renderDecompositionChart', () => {
  it('draws four panels and the anomalies', async () => {
    const rows = HISTORY.map((point, index) => ({
      period: point.period,
      observed: point.units,
      trend: 4 + index * 0.5,
      seasonal: index % 2 === 0 ? -0.5 : 0.5,
      remainder: point.units - (4 + index * 0.5) - (index % 2 === 0 ? -0.5 : 0.5),
    }));

    const svg = new SvgReader(
      await renderDecompositionChart({
        title: 'Mug',
        language: 'zh',
        rows,
        anomalies: [{ period: rows[4].period, observed: rows[4].observed }],
      }),
    );

    for (const component of ['observed', 'trend', 'seasonal', 'remainder']) {
      expect(svg.itemCount(`${component}_points`)).toBe(6);
    }
    expect(svg.itemCount('anomalies')).toBe(1);
    expect(svg.axisTitles()).toEqual(
      expect.arrayContaining(['实际值', '趋势', '季节', '残差', '时间']),
    );
  });
});

describe('renderLiftChart', () => {
  it('draws actual sales against the band', async () => {
    const svg = new SvgReader(
      await renderLiftChart({
        title: 'Launch',
        language: 'en',
        history: HISTORY,
        actual: FORECAST.map((point) => ({ period: point.period, units: point.value + 5 })),
        counterfactual: FORECAST,
      }),
    );

    expect(svg.itemCount('actual_points')).toBe(3);
    expect(svg.itemCount('counterfactual_points')).toBe(3);
    expect(svg.itemCount('history_points')).toBe(6);
    expect(svg.paths('band95')).toHaveLength(1);
  });
});

describe('renderExperimentChart', () => {
  it('draws an interval per variant and a point per rate', async () => {
    const svg = new SvgReader(
      await renderExperimentChart({
        title: 'Subjects',
        language: 'zh',
        variants: [
          { label: 'copy 1', isControl: true, rate: 0.2, lower: 0.176, upper: 0.226 },
          { label: 'copy 2', isControl: false, rate: 0.25, lower: 0.224, upper: 0.278 },
          { label: 'copy 3', isControl: false, rate: null, lower: 0, upper: 1 },
        ],
      }),
    );

    expect(svg.itemCount('intervals')).toBe(3);
    expect(svg.itemCount('rates')).toBe(2);
    expect(svg.axisTitles()).toEqual(['转化率', '版本']);
    expect(svg.axisLabels()).toContain('copy 1 (对照)');
  });
});
