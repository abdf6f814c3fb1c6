import type { ChartLanguage } from './chartLabels';
import { chartLabels } from './chartLabels';
import { COLOURS, PANEL, periodAxis, withDefaults } from './chartSpec';
import { renderSvg } from './renderSvg';

/** A campaign's sales against the counterfactual forecast made from the data before it. */
export interface LiftChartInput {
  title: string;
  language: ChartLanguage;
  /** Units per period before the campaign, the tail of the training series. */
  history: ReadonlyArray<{ period: string; units: number }>;
  /** Units per campaign period. */
  actual: ReadonlyArray<{ period: string; units: number }>;
  /** The counterfactual forecast per campaign period with its 95% interval. */
  counterfactual: ReadonlyArray<{
    period: string;
    value: number;
    lower95: number;
    upper95: number;
  }>;
}

/**
 * Draws the counterfactual as a line in its 95% band (`band95_marks`, `counterfactual_marks`)
 * and the history and actual sales as lines with a point per period (`history_points_marks`,
 * `actual_points_marks`).
 */
export function renderLiftChart(input: LiftChartInput): Promise<string> {
  const labels = chartLabels(input.language);
  const x = periodAxis(labels.period);
  const y = { type: 'quantitative', title: labels.units };
  const line = (
    name: string,
    values: readonly object[],
    field: string,
    colour: string,
    legend: string,
  ) => [
    {
      name,
      data: { values },
      mark: { type: 'line', color: colour },
      encoding: { x, y: { ...y, field }, color: { datum: legend } },
    },
    {
      name: `${name}_points`,
      data: { values },
      mark: { type: 'point', filled: true, size: 25, color: colour },
      encoding: { x, y: { ...y, field } },
    },
  ];

  return renderSvg(
    withDefaults(
      {
        title: labels.liftTitle(input.title),
        width: PANEL.width,
        height: PANEL.height,
        layer: [
          {
            name: 'band95',
            data: { values: input.counterfactual },
            mark: { type: 'area', color: COLOURS.counterfactual, opacity: 0.2 },
            encoding: {
              x,
              y: { ...y, field: 'lower95' },
              y2: { field: 'upper95' },
              fill: { datum: labels.band95 },
            },
          },
          ...line(
            'counterfactual',
            input.counterfactual,
            'value',
            COLOURS.counterfactual,
            labels.counterfactual,
          ),
          ...line('history', input.history, 'units', COLOURS.history, labels.history),
          ...line('actual', input.actual, 'units', COLOURS.anomaly, labels.actual),
        ],
        resolve: { scale: { color: 'independent', fill: 'independent' } },
      },
      input.language,
    ),
  );
}
