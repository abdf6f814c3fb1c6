import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

import { ErrorCode } from '../../shared/errors';
import { formatIsoDate, parseIsoDate } from '../../shared/period';

function toIsoDate(value: unknown): string {
  if (typeof value === 'string' && parseIsoDate(value)) {
    return value;
  }
  throw new GraphQLError(
    `Date must be a calendar date written YYYY-MM-DD, e.g. "2011-06-30"; received ${JSON.stringify(value)}.`,
    { extensions: { code: ErrorCode.BadUserInput } },
  );
}

/** `Date`: a UTC calendar date written `YYYY-MM-DD`. Resolvers see it as that string. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A UTC calendar date written YYYY-MM-DD, e.g. "2011-06-30".',
  serialize: (value) => (value instanceof Date ? formatIsoDate(value) : toIsoDate(value)),
  parseValue: toIsoDate,
  parseLiteral: (node) => toIsoDate(node.kind === Kind.STRING ? node.value : undefined),
});

/** `DateTimeISO`: an instant in ISO 8601 with a zone, e.g. `2026-12-04T16:00:00.000Z`. */
export const DateTimeScalar = DateTimeISOResolver;
