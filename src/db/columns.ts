import type { ValueTransformer } from 'typeorm';

/**
 * Reads a `bigint` column as a JavaScript number. PostgreSQL's driver returns int8 as a string
 * and SQLite's as a number; money in minor units at scale 4 stays exact up to 9e11 units.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** Reads a `date` column as an ISO date string whatever the driver returns. */
export const dateAsIsoString: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: string | Date | null) => {
    if (value === null) {
      return null;
    }
    return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
  },
};
