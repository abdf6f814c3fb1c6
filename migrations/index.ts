import { InitialSchema1733328000000 } from './1733328000000-InitialSchema';
import { CreateApiKey1733412000000 } from './1733412000000-CreateApiKey';
import { CreateJob1733500000000 } from './1733500000000-CreateJob';
import { CreateCopyReviewAndBrandProfiles1733700000000 } from './1733700000000-CreateCopyReviewAndBrandProfiles';
import { CreateMarketingAnalysis1733800000000 } from './1733800000000-CreateMarketingAnalysis';

/** Every migration in the order it runs; the data source runs the ones not yet applied. */
export const MIGRATIONS = [
  InitialSchema1733328000000,
  CreateApiKey1733412000000,
  CreateJob1733500000000,
  CreateCopyReviewAndBrandProfiles1733700000000,
  CreateMarketingAnalysis1733800000000,
];
