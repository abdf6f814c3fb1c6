/** First 5 characters are digits: the shop's own products, as opposed to POST, DOT, M, ... */
const MERCHANDISE_CODE = /^\d{5}/;

/** Tells whether a StockCode is a merchandise code (its first 5 characters are digits). */
export function isMerchandiseCode(stockCode: string): boolean {
  return MERCHANDISE_CODE.test(stockCode);
}

/**
 * Returns the sku of a merchandise code: the code upper-cased, so `85123a` and `85123A` are one
 * product. In the shipped products file, 106 of the 110 codes with both spellings have the same
 * description in each, and the other 4 differ only in wording (`S/4` for `SET 4`) or are empty.
 */
export function skuOf(stockCode: string): string {
  return stockCode.toUpperCase();
}

/** Trims a description and collapses every run of whitespace to one space; letter case is kept. */
export function normalizeDescription(description: string): string {
  return description.trim().replace(/\s+/g, ' ');
}

/**
 * Tells whether a normalized description can name a product. Product names in this source are
 * upper case (`BAG 125g SWIRLY MARBLES` is mostly so) or, rarely, title case
 * (`*USB Office Mirror Ball`), while stock-keeping notes are neither (`?`, `check`, `Damaged`,
 * `Unsaleable, destroyed.`). The rule: more upper-case than lower-case ASCII letters, or two or
 * more words where every word that begins with a letter begins with a capital.
 */
export function isProductName(description: string): boolean {
  const upper = description.match(/[A-Z]/g)?.length ?? 0;
  const lower = description.match(/[a-z]/g)?.length ?? 0;
  if (upper > lower) {
    return true;
  }
  const words = description.split(' ').map((word) => word.replace(/^[^A-Za-z0-9]+/, ''));
  const letterWords = words.filter((word) => /^[A-Za-z]/.test(word));
  return (
    words.length >= 2 && letterWords.length > 0 && letterWords.every((word) => /^[A-Z]/.test(word))
  );
}
