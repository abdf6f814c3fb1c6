import type { ChartLanguage } from './chartLabels';
import { chartLabels } from './chartLabels';
import { COLOURS, PANEL, periodAxis, withDefaults } from './chartSpec';
import { renderSvg } from './renderSvg';

/** A product's history and forecast, as `renderForecastChart` draws them. */
export interface ForecastChartInput {
  /** Product name, shown in the title. */
  title: string;
  language: ChartLanguage;
  /** Units per period before the forecast, oldest first; periods are ISO dates. */
  history: ReadonlyArray<{ period: string; units: number }>;
  /** Forecast periods with their 80% and 95% interval bounds. */
  forecast: ReadonlyArray<{
    period: string;
    value: number;
    lower80: number;
    upper80: number;
    lower95: number;
    upper95: number;
  }>;
}

/**
 * Draws history and forecast as lines with a point per period, under the forecast's 95% and 80%
 * interval bands. Mark names in the SVG: `band95_marks`, `band80_marks`, `history_marks`,
 * `forecast_marks` (lines) and `history_points_marks`, `forecast_points_marks` (one symbol per
 * period).
 */
export function renderForecastChart(input: ForecastChartInput): Promise<string> {
  const labels = chartLabels(input.language);
  const x = periodAxis(labels.period);
  const y = { type: 'quantitative', title: labels.units };
  const series = (
    name: string,
    values: ReadonlyArray<{ period: string; units: number }>,
    colour: string,
    legend: string,
  ) => [
    {
      name,
      data: { values },
      mark: { type: 'line', color: colour },
      encoding: { x, y: { ...y, field: 'units' }, color: { datum: legend } },
    },
    {
      name: `${name}_points`,
      data: { values },
      mark: { type: 'point', filled: true, color: colour, size: 25 },
      encoding: { x, y: { ...y, field: 'units' } },
    },
  ];
  const forecastValues = input.forecast.map((point) => ({ ...point, units: point.value }));
  const band = (name: string, level: 80 | 95, opacity: number, legend: string) => ({
    name,
    data: { values: forecastValues },
    mark: { type: 'area', color: COLOURS.band, opacity },
    encoding: {
      x,
      y: { ...y, field: `lower${level}` },
      y2: { field: `upper${level}` },
      fill: { datum: legend },
    },
  });

  return renderSvg(
    withDefaults(
      {
        title: labels.forecastTitle(input.title),
        width: PANEL.width,
        height: PANEL.height,
        layer: [
          band('band95', 95, 0.18, labels.band95),
          band('band80', 80, 0.32, labels.band80),
          ...series('history', input.history, COLOURS.history, labels.history),
          ...series('forecast', forecastValues, COLOURS.forecast, labels.forecast),
        ],
        encoding: {},
        resolve: { scale: { color: 'independent', fill: 'independent' } },
      },
      input.language,
    ),
  );
}
