import type { TopLevelSpec } from 'vega-lite';

import type { ChartLanguage } from './chartLabels';
import { TIME_LOCALES } from './chartLabels';

/** Width and height of one chart panel, in pixels. */
export const PANEL = { width: 640, height: 240 } as const;

/** Colours of the series, fixed so that every chart reads the same way. */
export const COLOURS = {
  history: '#4c78a8',
  forecast: '#f58518',
  band: '#f58518',
  actual: '#4c78a8',
  counterfactual: '#f58518',
  anomaly: '#e45756',
  variant: '#4c78a8',
  control: '#72b7b2',
} as const;

/**
 * Completes a chart spec with what every chart shares: the schema, a white background, a font
 * with Chinese glyphs first and time labels in `language`. The period axes use UTC time scales,
 * so a period starting on a UTC day is drawn on that day whatever the server's time zone.
 */
export function withDefaults(spec: Record<string, unknown>, language: ChartLanguage): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    background: 'white',
    padding: 12,
    ...spec,
    config: {
      locale: { time: TIME_LOCALES[language] },
      font: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
      axis: { labelFontSize: 11, titleFontSize: 12 },
      title: { fontSize: 14, anchor: 'start' },
      ...(spec.config as Record<string, unknown> | undefined),
    },
    // The specs are plain objects rather than Vega-Lite's deep union types. The compiler checks
    // them when they render, and every chart has a test that renders it.
  } as unknown as TopLevelSpec;
}

/** Builds the x encoding of ISO-date periods on a UTC time scale. */
export function periodAxis(title: string): Record<string, unknown> {
  return {
    field: 'period',
    type: 'temporal',
    scale: { type: 'utc' },
    title,
    axis: { labelAngle: 0 },
  };
}
