/**
 * Tokenizers that turn review text into lexicon-annotated tokens for the sentiment scorer.
 * English splits on word characters and matches multi-word lexicon entries greedily, longest
 * first. Chinese has no spaces, so it is segmented by forward maximum matching. At each position
 * the longest lexicon entry that starts there becomes a token, else the single character does.
 * Latin words inside Chinese text are looked up in the English lexicon.
 */
import type { Lexicon } from './lexicon';
import { CHINESE_LEXICON, ENGLISH_LEXICON } from './lexicon';

/**
 * A token with its role for the scorer. 'other' tokens carry no sentiment but count towards scopes.
 */
export type SentimentToken =
  | { kind: 'term'; text: string; valence: number }
  | { kind: 'negator'; text: string }
  | { kind: 'intensifier'; text: string; factor: number }
  | { kind: 'contrast'; text: string }
  | { kind: 'boundary' }
  | { kind: 'other'; text: string };

const ENGLISH_PATTERN = /:-?\)|:-?\(|[a-z]+(?:['-][a-z]+)*|[.,!?;:\n]+/g;
const BOUNDARY = /^[.,!?;:\n，。！？；：、\n]+$/;
// "like" after these words is a preposition or filler ("looks like a tent"), not approval.
const LIKE_AS_PREPOSITION = new Set([
  'look',
  'looks',
  'looked',
  'looking',
  'feel',
  'feels',
  'felt',
  'feeling',
  'seem',
  'seems',
  'seemed',
  'sound',
  'sounds',
  'something',
  'just',
  'more',
  'less',
  'exactly',
  'much',
]);
// "pretty" before a sentiment term is the adverb ("pretty bad"), not the adjective.
const PRETTY_AS_ADVERB_FACTOR = 1.1;

/** Annotates a single entry of a lexicon, or returns undefined when the lexicon lacks it. */
function annotate(lexicon: Lexicon, text: string): SentimentToken | undefined {
  if (lexicon.negators.has(text) || (lexicon.language === 'en' && text.endsWith("n't"))) {
    return { kind: 'negator', text };
  }
  const factor = lexicon.intensifiers.get(text);
  if (factor !== undefined) {
    return { kind: 'intensifier', text, factor };
  }
  if (lexicon.contrasts.has(text)) {
    return { kind: 'contrast', text };
  }
  const valence = lexicon.terms.get(text);
  return valence === undefined ? undefined : { kind: 'term', text, valence };
}

/** Finds the longest lexicon entry made of parts[start..], joined by `separator`. */
function matchLongest(
  lexicon: Lexicon,
  parts: readonly string[],
  start: number,
  separator: string,
): { token: SentimentToken; length: number } | undefined {
  for (let length = Math.min(lexicon.maxEntryLength, parts.length - start); length >= 1; length--) {
    const token = annotate(lexicon, parts.slice(start, start + length).join(separator));
    if (token) {
      return { token, length };
    }
  }
  return undefined;
}

/** Splits English text into annotated tokens, lower-cased, with punctuation as boundaries. */
export function tokenizeEnglish(text: string): SentimentToken[] {
  const words =
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(ENGLISH_PATTERN) ?? [];
  const tokens: SentimentToken[] = [];
  for (let i = 0; i < words.length;) {
    if (BOUNDARY.test(words[i])) {
      tokens.push({ kind: 'boundary' });
      i += 1;
      continue;
    }
    const match = matchLongest(ENGLISH_LEXICON, words, i, ' ');
    tokens.push(match?.token ?? { kind: 'other', text: words[i] });
    i += match?.length ?? 1;
  }
  return reinterpretEnglish(tokens);
}

/** Applies the two context rules for "like" and "pretty". */
function reinterpretEnglish(tokens: SentimentToken[]): SentimentToken[] {
  return tokens.map((token, i) => {
    if (token.kind !== 'term') {
      return token;
    }
    const previous = tokens[i - 1];
    if (
      token.text === 'like' &&
      previous &&
      'text' in previous &&
      LIKE_AS_PREPOSITION.has(previous.text)
    ) {
      return { kind: 'other', text: token.text };
    }
    const next = tokens[i + 1];
    if (token.text === 'pretty' && next?.kind === 'term' && next.valence !== 0) {
      return { kind: 'intensifier', text: token.text, factor: PRETTY_AS_ADVERB_FACTOR };
    }
    return token;
  });
}

const LATIN_WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/y;
const WHITESPACE = /\s/;

/** Segments Chinese text into annotated tokens; whitespace is dropped. */
export function tokenizeChinese(text: string): SentimentToken[] {
  const characters = [...text];
  const tokens: SentimentToken[] = [];
  for (let i = 0; i < characters.length;) {
    const match = matchLongest(CHINESE_LEXICON, characters, i, '');
    if (match) {
      tokens.push(match.token);
      i += match.length;
      continue;
    }

    const character = characters[i];
    if (/[A-Za-z]/.test(character)) {
      const rest = characters.slice(i).join('');
      LATIN_WORD.lastIndex = 0;
      const word = LATIN_WORD.exec(rest)?.[0] ?? character;
      tokens.push(...tokenizeEnglish(word));
      i += [...word].length;
    } else if (BOUNDARY.test(character)) {
      tokens.push({ kind: 'boundary' });
      i += 1;
    } else {
      if (!WHITESPACE.test(character)) {
        tokens.push({ kind: 'other', text: character });
      }
      i += 1;
    }
  }
  return tokens;
}
