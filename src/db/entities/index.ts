import { Forecast } from './Forecast';
import { ForecastPoint } from './ForecastPoint';
import { GeneratedCopy } from './GeneratedCopy';
import { Product } from './Product';
import { SalesObservation } from './SalesObservation';

export { Forecast, ForecastPoint, GeneratedCopy, Product, SalesObservation };

/** Every entity, for the data source. */
export const ENTITIES = [Product, SalesObservation, Forecast, ForecastPoint, GeneratedCopy];
