import type { ProductFields } from '../../db/queries/products';
import { badInput } from '../../shared/errors';
import { parseMoney } from '../../shared/money';
import type { CreateProductInput, UpdateProductInput } from './product.input';

const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;
const CURRENCY = /^[A-Z]{3}$/;
const MAX_TAGS = 50;
/** Maximum length of a product description, in UTF-16 code units. */
const MAX_DESCRIPTION_LENGTH = 5000;

/** Checks a new product's fields and converts the price to minor units. */
export function checkCreateProduct(input: CreateProductInput): ProductFields {
  return {
    sku: checkSku(input.sku),
    name: checkName(input.name),
    description: checkDescription(input.description),
    category: input.category.trim(),
    listPriceMinor: checkPrice(input.listPrice),
    currency: checkCurrency(input.currency),
    tags: checkTags(input.tags),
  };
}

/** Checks the fields present in an update; absent fields stay absent. */
export function checkUpdateProduct(input: UpdateProductInput): Partial<ProductFields> {
  const fields: Partial<ProductFields> = {};
  if (input.sku != null) fields.sku = checkSku(input.sku);
  if (input.name != null) fields.name = checkName(input.name);
  if (input.description != null) fields.description = checkDescription(input.description);
  if (input.category != null) fields.category = input.category.trim();
  if (input.listPrice != null) fields.listPriceMinor = checkPrice(input.listPrice);
  if (input.currency != null) fields.currency = checkCurrency(input.currency);
  if (input.tags != null) fields.tags = checkTags(input.tags);
  return fields;
}

function checkSku(sku: string): string {
  if (!SKU.test(sku)) {
    throw badInput(
      'sku',
      `sku must be 1 to 64 letters, digits or . _ - / and start with a letter or digit; received "${sku}".`,
    );
  }
  return sku;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 255) {
    throw badInput('name', `name must be 1 to 255 characters; received "${name}".`);
  }
  return trimmed;
}

function checkDescription(description: string): string {
  const trimmed = description.trim();
  if (trimmed.length > MAX_DESCRIPTION_LENGTH) {
    throw badInput(
      'description',
      `description may hold at most ${MAX_DESCRIPTION_LENGTH} characters; received ${trimmed.length}. Shorten it.`,
    );
  }
  return trimmed;
}

function checkPrice(price: string): number {
  const parsed = parseMoney(price);
  if (!parsed.ok || parsed.minor < 0) {
    throw badInput(
      'listPrice',
      `listPrice must be a non-negative decimal string with at most 4 decimals, e.g. "2.55"; received "${price}".`,
    );
  }
  return parsed.minor;
}

function checkCurrency(currency: string): string {
  if (!CURRENCY.test(currency)) {
    throw badInput(
      'currency',
      `currency must be an ISO 4217 code of three capital letters, e.g. "GBP"; received "${currency}".`,
    );
  }
  return currency;
}

function checkTags(tags: string[]): string[] {
  if (tags.length > MAX_TAGS) {
    throw badInput('tags', `tags may hold at most ${MAX_TAGS} entries; received ${tags.length}.`);
  }
  const cleaned = tags.map((tag) => tag.trim());
  const bad = cleaned.find((tag) => tag.length === 0 || tag.length > 64);
  if (bad !== undefined) {
    throw badInput('tags', `each tag must be 1 to 64 characters; received "${bad}".`);
  }
  return [...new Set(cleaned)];
}
