import type { ChartLanguage } from './chartLabels';
import { chartLabels } from './chartLabels';
import { COLOURS, PANEL, withDefaults } from './chartSpec';
import { renderSvg } from './renderSvg';

/** Per-variant conversion rates of an A/B test with their intervals. */
export interface ExperimentChartInput {
  title: string;
  language: ChartLanguage;
  variants: ReadonlyArray<{
    /** Short name of the variant, e.g. "copy 12". */
    label: string;
    isControl: boolean;
    rate: number | null;
    lower: number;
    upper: number;
  }>;
}

/**
 * Draws one row per variant: its interval as a horizontal rule (`intervals_marks`) and its rate
 * as a point (`rates_marks`), the control in its own colour. Variants without impressions get
 * the interval 0 to 1 and no point.
 */
export function renderExperimentChart(input: ExperimentChartInput): Promise<string> {
  const labels = chartLabels(input.language);
  const values = input.variants.map((variant) => ({
    ...variant,
    name: variant.isControl ? `${variant.label} (${labels.control})` : variant.label,
  }));
  const y = { field: 'name', type: 'nominal', title: labels.variant, sort: null };
  const colour = {
    condition: { test: 'datum.isControl', value: COLOURS.control },
    value: COLOURS.variant,
  };
  return renderSvg(
    withDefaults(
      {
        title: labels.experimentTitle(input.title),
        width: PANEL.width,
        height: Math.max(60, 40 * values.length),
        data: { values },
        layer: [
          {
            name: 'intervals',
            mark: { type: 'rule', strokeWidth: 3 },
            encoding: {
              y,
              x: {
                field: 'lower',
                type: 'quantitative',
                title: labels.conversionRate,
                axis: { format: '.1%' },
              },
              x2: { field: 'upper' },
              color: colour,
            },
          },
          {
            name: 'rates',
            transform: [{ filter: 'datum.rate !== null' }],
            mark: { type: 'point', filled: true, size: 80 },
            encoding: { y, x: { field: 'rate', type: 'quantitative' }, color: colour },
          },
        ],
      },
      input.language,
    ),
  );
}
