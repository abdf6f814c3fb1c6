import { InitialSchema1733328000000 } from './1733328000000-InitialSchema';

/** Every migration in the order it runs; the data source runs the ones not yet applied. */
export const MIGRATIONS = [InitialSchema1733328000000];
