import type { ChartLanguage } from './chartLabels';
import { chartLabels } from './chartLabels';
import { COLOURS, PANEL, periodAxis, withDefaults } from './chartSpec';
import { renderSvg } from './renderSvg';

/** An additive decomposition y = trend + seasonal + remainder, one row per period. */
export interface DecompositionChartInput {
  title: string;
  language: ChartLanguage;
  rows: ReadonlyArray<{
    period: string;
    observed: number;
    trend: number;
    seasonal: number;
    remainder: number;
  }>;
  /** Periods flagged as anomalies, drawn as red points on the observed panel. */
  anomalies: ReadonlyArray<{ period: string; observed: number }>;
}

const COMPONENTS = ['observed', 'trend', 'seasonal', 'remainder'] as const;

/**
 * Draws the four components in stacked panels sharing the period axis, each a line with a
 * point per period (mark names `<component>_marks` and `<component>_points_marks`), and the
 * anomalies as `anomalies_marks`. The remainder panel has a rule at 0.
 */
export function renderDecompositionChart(input: DecompositionChartInput): Promise<string> {
  const labels = chartLabels(input.language);
  const x = periodAxis(labels.period);
  const panels = COMPONENTS.map((component) => {
    const y = {
      field: component,
      type: 'quantitative',
      title: labels[component],
      scale: { zero: false },
    };
    const layer: Record<string, unknown>[] = [
      { name: component, mark: { type: 'line', color: COLOURS.history }, encoding: { x, y } },
      {
        name: `${component}_points`,
        mark: { type: 'point', filled: true, size: 16, color: COLOURS.history },
        encoding: { x, y },
      },
    ];
    if (component === 'observed' && input.anomalies.length > 0) {
      layer.push({
        name: 'anomalies',
        data: { values: input.anomalies },
        mark: { type: 'point', filled: true, size: 90, color: COLOURS.anomaly },
        encoding: { x, y: { ...y, field: 'observed' } },
      });
    }
    if (component === 'remainder') {
      layer.push({
        name: 'remainder_zero',
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#888', strokeDash: [4, 4] },
        encoding: { y: { field: 'zero', type: 'quantitative' } },
      });
    }
    return { width: PANEL.width, height: PANEL.height / 2, layer };
  });

  return renderSvg(
    withDefaults(
      {
        title: labels.decompositionTitle(input.title),
        data: { values: input.rows },
        vconcat: panels,
      },
      input.language,
    ),
  );
}
