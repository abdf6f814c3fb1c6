import { Field, ObjectType } from 'type-graphql';

import type { Page } from '../../db/queries/page';
import { badInput } from '../../shared/errors';

/** Relay page information for cursor connections. */
@ObjectType({ description: 'Where this page sits in the whole list.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** The largest `first` a connection accepts. */
export const MAX_PAGE_SIZE = 100;

/** Encodes a row id as an opaque cursor for one kind of list. */
export function encodeCursor(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');
}

/**
 * Decodes an `after` cursor produced by `encodeCursor` for the same kind of list.
 * Throws BAD_USER_INPUT when the cursor is malformed or belongs to another list.
 */
export function decodeCursor(kind: string, cursor: string): number {
  const match = /^([a-z]+):([1-9]\d{0,15})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  const value = Number(match?.[2]);
  if (match?.[1] !== kind || !Number.isSafeInteger(value)) {
    throw badInput(
      'after',
      `after must be a cursor returned by this ${kind} list; received "${cursor}".`,
    );
  }
  return value;
}

/** Checks a page size argument against 1..MAX_PAGE_SIZE. */
export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 1 and ${MAX_PAGE_SIZE}; received ${first}.`);
  }
  return first;
}

/** Builds the edges and page info of a connection over rows that carry an `id`. */
export function toConnection<Row extends { id: number }, Node>(
  kind: string,
  page: Page<Row>,
  toNode: (row: Row) => Node,
): { edges: { cursor: string; node: Node }[]; pageInfo: PageInfo; totalCount: number } {
  const edges = page.rows.map((row) => ({ cursor: encodeCursor(kind, row.id), node: toNode(row) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
