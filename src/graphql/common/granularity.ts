import { registerEnumType } from 'type-graphql';

import type { Granularity } from '../../shared/period';

/** Calendar period sizes, as a GraphQL enum. */
export enum GranularityEnum {
  DAY = 'day',
  WEEK = 'week',
  MONTH = 'month',
}

registerEnumType(GranularityEnum, {
  name: 'Granularity',
  description: 'A calendar period in UTC: a day, an ISO week (from Monday) or a month.',
});

/** Converts the GraphQL enum to the module's period name. */
export function toGranularity(value: GranularityEnum): Granularity {
  return value;
}
