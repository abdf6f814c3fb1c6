import { segmentGraphemes } from './graphemes';

const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** Code point ranges of East Asian Wide and Fullwidth characters (Unicode UAX #11), inclusive. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // Fullwidth forms
  [0xffe0, 0xffe6], // Fullwidth signs
  [0x20000, 0x3fffd], // CJK Unified Ideographs Extensions B and later
];

/** Code point ranges that X (Twitter) weighs 1; every other code point weighs 2. */
const X_LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

function inRanges(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([start, end]) => codePoint >= start && codePoint <= end);
}

/** Tells whether a code point is East Asian Wide or Fullwidth, as CJK characters are. */
export function isWideCodePoint(codePoint: number): boolean {
  return inRanges(codePoint, WIDE_RANGES);
}

/**
 * Counts text the way Google Ads counts ad text: one per character, two per double-width
 * character such as Chinese, Japanese or Korean. Characters are grapheme clusters here, and a
 * cluster counts two when its first code point is wide.
 * NOTE: emoji count two here, as they are wide in UAX #11. Google Ads rejects most emoji in
 * ads anyway, so the count of an ad with emoji is an estimate.
 */
export function countGoogleAdsLength(text: string): number {
  let length = 0;
  for (const { segment } of segmentGraphemes(text)) {
    const first = segment.codePointAt(0) ?? 0;
    length += isWideCodePoint(first) || PICTOGRAPH.test(segment) ? 2 : 1;
  }
  return length;
}

/**
 * Counts text the way X (Twitter) weighs a post, after twitter-text's v3 configuration. The
 * text is NFC-normalised and an emoji sequence counts two. Any other code point counts one
 * inside the ranges 0-4351, 8192-8205, 8208-8223 and 8242-8247 (Latin, Greek, Cyrillic and
 * other alphabets, and general punctuation) and two outside them, CJK among others. The
 * limit is 280.
 * NOTE: X counts a link as 23 whatever its length. Links are not recognised here, because the
 * copy rules forbid them.
 */
export function countXWeightedLength(text: string): number {
  let length = 0;
  for (const { segment } of segmentGraphemes(text.normalize('NFC'))) {
    if (PICTOGRAPH.test(segment)) {
      length += 2;
      continue;
    }
    for (const character of segment) {
      length += inRanges(character.codePointAt(0) ?? 0, X_LIGHT_RANGES) ? 1 : 2;
    }
  }
  return length;
}
