import { badInput } from '../../shared/errors';

/** Parses a numeric row id given as a GraphQL `ID`; throws BAD_USER_INPUT otherwise. */
export function parseId(field: string, id: string): number {
  const value = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(value) || value < 1) {
    throw badInput(
      field,
      `${field} must be a positive whole-number id such as "42"; received "${id}".`,
    );
  }
  return value;
}
