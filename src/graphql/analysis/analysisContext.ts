import type { Context } from '../context';

/** Services of the analysis functions: the database, per-request loaders and the forecast runner. */
export type AnalysisContext = Pick<Context, 'dataSource' | 'loaders' | 'forecasts'>;
