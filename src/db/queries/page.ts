/** One page of rows plus what a connection needs to describe it. */
export interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}
