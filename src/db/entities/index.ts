import { ApiKey } from './ApiKey';
import { BrandProfile } from './BrandProfile';
import { BrandProfileVersion } from './BrandProfileVersion';
import { Campaign } from './Campaign';
import { CopyStatusChange } from './CopyStatusChange';
import { Experiment } from './Experiment';
import { ExperimentObservation } from './ExperimentObservation';
import { ExperimentVariant } from './ExperimentVariant';
import { Forecast } from './Forecast';
import { ForecastPoint } from './ForecastPoint';
import { GeneratedCopy } from './GeneratedCopy';
import { Job } from './Job';
import { Product } from './Product';
import { Review } from './Review';
import { SalesObservation } from './SalesObservation';

export { ApiKey, Forecast, ForecastPoint, GeneratedCopy, Job, Product, SalesObservation };
export { Campaign, Experiment, ExperimentObservation, ExperimentVariant, Review };
export type { ExperimentStatus } from './Experiment';
export { BrandProfile, BrandProfileVersion, CopyStatusChange };
export type { CopyStatus, StoredAudience, StoredCopyField, StoredViolation } from './GeneratedCopy';

/** Every entity, for the data source. */
export const ENTITIES = [
  Product,
  SalesObservation,
  Forecast,
  ForecastPoint,
  GeneratedCopy,
  ApiKey,
  Job,
  Campaign,
  Review,
  Experiment,
  ExperimentVariant,
  ExperimentObservation,
  BrandProfile,
  BrandProfileVersion,
  CopyStatusChange,
];
