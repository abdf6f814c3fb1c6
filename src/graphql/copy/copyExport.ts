import { stringify } from 'csv-stringify/sync';

import type { GeneratedCopy, Product } from '../../db/entities';
import { storedFields } from './copy.types';

/** Columns of the CSV export, one row per field of each copy. */
export const CSV_COLUMNS = [
  'copy_id',
  'product_id',
  'sku',
  'channel',
  'tone',
  'language',
  'variant',
  'field',
  'field_index',
  'text',
  'length',
  'limit',
  'unit',
  'truncated',
  'status',
  'reviewed_by',
  'reviewed_at',
  'brand_profile_version_id',
  'created_at',
] as const;

/** One exported copy in the JSON format. */
export interface ExportedCopy {
  id: string;
  productId: string;
  sku: string;
  channel: string;
  tone: string;
  language: string;
  variant: number;
  fields: {
    name: string;
    index: number;
    text: string;
    length: number;
    limit: number;
    unit: string;
    truncated: boolean;
  }[];
  status: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  brandProfileVersionId: string | null;
  createdAt: string;
}

/** Writes copies as a JSON array, each with its product's SKU and fields. */
export function exportCopiesAsJson(
  copies: readonly GeneratedCopy[],
  products: ReadonlyMap<number, Product>,
): string {
  return JSON.stringify(copies.map((copy) => toExported(copy, products)));
}

/**
 * Writes copies as RFC 4180 CSV (header row, CRLF line ends, fields quoted where needed), one
 * row per field. A cell that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a
 * leading `'`, because spreadsheets would otherwise run it as a formula.
 */
export function exportCopiesAsCsv(
  copies: readonly GeneratedCopy[],
  products: ReadonlyMap<number, Product>,
): string {
  const rows = copies.flatMap((copy) => {
    const exported = toExported(copy, products);
    return exported.fields.map((field) => [
      exported.id,
      exported.productId,
      exported.sku,
      exported.channel,
      exported.tone,
      exported.language,
      exported.variant,
      field.name,
      field.index,
      field.text,
      field.length,
      field.limit,
      field.unit,
      field.truncated,
      exported.status,
      exported.reviewedBy ?? '',
      exported.reviewedAt ?? '',
      exported.brandProfileVersionId ?? '',
      exported.createdAt,
    ]);
  });
  return stringify([[...CSV_COLUMNS], ...rows], {
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (value) => String(value) },
  });
}

function toExported(copy: GeneratedCopy, products: ReadonlyMap<number, Product>): ExportedCopy {
  return {
    id: String(copy.id),
    productId: String(copy.productId),
    sku: products.get(copy.productId)?.sku ?? '',
    channel: copy.channel,
    tone: copy.tone,
    language: copy.language,
    variant: copy.variant,
    fields: storedFields(copy).map((field) => ({
      name: field.name,
      index: field.index,
      text: field.text,
      length: field.length,
      limit: field.limit,
      unit: field.unit,
      truncated: field.truncated,
    })),
    status: copy.status,
    reviewedBy: copy.reviewedBy,
    reviewedAt: copy.reviewedAt ? copy.reviewedAt.toISOString() : null,
    brandProfileVersionId:
      copy.brandProfileVersionId === null ? null : String(copy.brandProfileVersionId),
    createdAt: copy.createdAt.toISOString(),
  };
}
