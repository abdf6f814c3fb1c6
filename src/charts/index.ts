/**
 * Public surface of the charts module: SVG charts rendered in this process with Vega-Lite and
 * Vega, from plain data, with texts in English or Chinese. Nothing here reads the database or
 * knows HTTP; the server loads the data and serves the SVG.
 */
export type { ChartLanguage } from './chartLabels';
export * from './forecastChart';
export * from './decompositionChart';
export * from './liftChart';
export * from './experimentChart';
export { renderSvg } from './renderSvg';
