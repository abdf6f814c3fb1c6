import { countGraphemes, graphemeEnds, segmentGraphemes } from './graphemes';
import type { Language } from './types';

/**
 * Measures a text in the unit a limit is stated in. It must count each grapheme cluster as at
 * least one unit and must not decrease as text grows.
 */
export type LengthMeasure = (text: string) => number;

export interface TrimOptions {
  language: Language;
  /** Defaults to counting grapheme clusters. */
  measure?: LengthMeasure;
  /** Appended when the cut falls inside a sentence. Defaults to `…` (U+2026). */
  ellipsis?: string;
}

/** A text cut to fit a limit, with its measured length. */
export interface TrimmedText {
  text: string;
  length: number;
  truncated: boolean;
}

// Full-width punctuation ends Chinese sentences and clauses. ASCII forms appear in mixed text.
const CHINESE_SENTENCE_END = /[。！？!?…]$/u;
const CLAUSE_PUNCTUATION = /^[，、；：。！？,;:.!?…]+$/u;
const TRAILING_JOINERS = /[\s,;:，、；：\-–—(（「『"'“‘]+$/u;

// A sentence cut is taken only when it keeps at least this share of the limit. A shorter one
// loses too much text, so a clause or word cut with an ellipsis is taken instead.
const MIN_SENTENCE_CUT_SHARE = 0.5;
const LOOKAHEAD_GRAPHEMES = 64;

/**
 * Cuts text to at most `maxLength` units of `measure`. The cut falls at the end of a sentence
 * when that keeps at least half the limit. Otherwise it falls at the end of a clause (in
 * Chinese, at punctuation) or of a word, and the ellipsis follows. Every cut falls between
 * grapheme clusters, so an emoji or a combining mark is never split. Text that already fits is
 * returned without surrounding whitespace and with `truncated: false`.
 */
export function trimToLength(text: string, maxLength: number, options: TrimOptions): TrimmedText {
  const measure = options.measure ?? countGraphemes;
  const ellipsis = options.ellipsis ?? '…';
  const trimmed = text.trim();
  const fullLength = measure(trimmed);
  if (fullLength <= maxLength) {
    return { text: trimmed, length: fullLength, truncated: false };
  }

  // Every grapheme counts at least one unit, so no cut lies past the first maxLength graphemes.
  // The segmenters see a few more, because whether a period ends a sentence depends on what follows.
  const head = takeGraphemes(trimmed, maxLength + LOOKAHEAD_GRAPHEMES);
  const sentenceCut = findSentenceCut(head, maxLength, measure, options.language);
  if (sentenceCut !== undefined && measure(sentenceCut) >= maxLength * MIN_SENTENCE_CUT_SHARE) {
    return { text: sentenceCut, length: measure(sentenceCut), truncated: true };
  }

  // The ellipsis is dropped only when the limit is too small to hold it next to any text.
  const mark = measure(ellipsis) < maxLength ? ellipsis : '';
  const fits = (candidate: string): boolean => measure(candidate + mark) <= maxLength;
  const cut =
    findPhraseCut(head, maxLength, measure, fits, options.language) ??
    findGraphemeCut(head, maxLength, measure, fits);
  const result = cut === undefined ? '' : cut + mark;
  return { text: result, length: measure(result), truncated: true };
}

/** Returns the longest prefix ending at a sentence end that fits, or `undefined`. */
function findSentenceCut(
  text: string,
  maxLength: number,
  measure: LengthMeasure,
  language: Language,
): string | undefined {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  let best: string | undefined;
  for (const sentence of segmenter.segment(text)) {
    const prefix = text.slice(0, sentence.index + sentence.segment.length).trimEnd();
    if (measure(prefix) > maxLength) {
      break;
    }
    if (language !== 'zh' || CHINESE_SENTENCE_END.test(prefix)) {
      best = prefix;
    }
  }
  return best;
}

/**
 * Returns the longest prefix that ends at a clause or word boundary and passes `fits`, with
 * trailing separators removed, or `undefined` when none does. Chinese text is cut at clause
 * punctuation first, because word boundaries inside Chinese come from a dictionary guess.
 */
function findPhraseCut(
  text: string,
  maxLength: number,
  measure: LengthMeasure,
  fits: (candidate: string) => boolean,
  language: Language,
): string | undefined {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  const clauseCuts: number[] = [];
  const wordCuts: number[] = [];
  for (const segment of segmenter.segment(text)) {
    // Prefixes only grow, so once one is past the limit no later cut can fit.
    if (measure(text.slice(0, segment.index)) > maxLength) {
      break;
    }
    if (segment.isWordLike) {
      wordCuts.push(segment.index + segment.segment.length);
    } else if (CLAUSE_PUNCTUATION.test(segment.segment)) {
      clauseCuts.push(segment.index);
    }
  }

  const ordered = language === 'zh' ? [clauseCuts, wordCuts] : [wordCuts];
  for (const cuts of ordered) {
    const cut = findLastFitting(text, cuts, fits);
    if (cut !== undefined) {
      return cut;
    }
  }
  return undefined;
}

/** Returns the longest prefix ending between grapheme clusters that passes `fits`. */
function findGraphemeCut(
  text: string,
  maxLength: number,
  measure: LengthMeasure,
  fits: (candidate: string) => boolean,
): string | undefined {
  const ends: number[] = [];
  for (const end of graphemeEnds(text)) {
    if (measure(text.slice(0, end)) > maxLength) {
      break;
    }
    ends.push(end);
  }
  return findLastFitting(text, ends, fits);
}

/** Tries the prefixes ending at `offsets` from the longest down; returns the first that fits. */
function findLastFitting(
  text: string,
  offsets: number[],
  fits: (candidate: string) => boolean,
): string | undefined {
  for (let i = offsets.length - 1; i >= 0; i -= 1) {
    const candidate = text.slice(0, offsets[i]).replace(TRAILING_JOINERS, '');
    if (candidate !== '' && fits(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** Returns the text's first `count` grapheme clusters. */
function takeGraphemes(text: string, count: number): string {
  let taken = 0;
  for (const { index } of segmentGraphemes(text)) {
    if (taken === count) {
      return text.slice(0, index);
    }
    taken += 1;
  }
  return text;
}
