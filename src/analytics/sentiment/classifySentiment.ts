/**
 * Offline lexicon sentiment classifier for English and Chinese reviews.
 *
 * Scoring: each sentiment term contributes its lexicon valence, multiplied by
 *   - the factors of the intensifiers just before it ("very", "很": 1.3; "slightly", "有点": < 1),
 *   - NEGATION_FACTOR when an odd number of negators precede it within the negation scope (3
 *     English words or 4 Chinese tokens, ended by punctuation), so "not good" is mildly negative
 *     and "not bad" mildly positive,
 *   - 0.5 before and 1.5 after the last contrast word ("but", "但是"), where reviews put the verdict.
 * The raw sum x is mapped to a score in (-1, 1) by x / sqrt(x^2 + 15), the normalisation of
 * VADER (Hutto & Gilbert 2014), and labelled positive or negative beyond +-neutralBand.
 */
import { badInput } from '../../shared/errors';
import type { SentimentLanguage } from './lexicon';
import type { SentimentToken } from './tokenize';
import { tokenizeChinese, tokenizeEnglish } from './tokenize';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface SentimentOptions {
  /** 'auto' (default) picks Chinese when at least 20% of the letters are Han characters. */
  language?: SentimentLanguage | 'auto';
  /** Scores within [-neutralBand, neutralBand] are labelled neutral (default 0.05). */
  neutralBand?: number;
}

/** A lexicon hit and what it added to the raw sum after modifiers. */
export interface SentimentMatch {
  text: string;
  valence: number;
  contribution: number;
}

export interface SentimentResult {
  label: SentimentLabel;
  /** Normalised score in (-1, 1); 0 when no term matched. */
  score: number;
  /** Sum of the contributions before normalisation. */
  rawScore: number;
  language: SentimentLanguage;
  matches: SentimentMatch[];
}

export const NEGATION_FACTOR = -0.75;
const NORMALISATION_ALPHA = 15;
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
const NEGATION_SCOPE: Record<SentimentLanguage, number> = { en: 3, zh: 4 };
const INTENSIFIER_SCOPE = 2;
const HAN = /\p{Script=Han}/gu;
const LETTER = /\p{L}/gu;

/**
 * Classifies one text. Empty or sentiment-free text is neutral with score 0. Throws
 * `BAD_USER_INPUT` for a neutralBand outside [0, 1) or an unknown language.
 */
export function classifySentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  const neutralBand = options.neutralBand ?? 0.05;
  if (!(neutralBand >= 0 && neutralBand < 1)) {
    throw badInput('neutralBand', `neutralBand must lie in [0, 1); received "${neutralBand}".`);
  }
  const requested = options.language ?? 'auto';
  if (requested !== 'auto' && requested !== 'en' && requested !== 'zh') {
    throw badInput(
      'language',
      `language must be "en", "zh" or "auto"; received "${String(requested)}".`,
    );
  }
  const language = requested === 'auto' ? detectLanguage(text) : requested;
  const tokens = language === 'zh' ? tokenizeChinese(text) : tokenizeEnglish(text);
  const matches = scoreTokens(tokens, NEGATION_SCOPE[language]);
  const rawScore = matches.reduce((total, match) => total + match.contribution, 0);
  const score = rawScore / Math.sqrt(rawScore * rawScore + NORMALISATION_ALPHA);
  let label: SentimentLabel = 'neutral';
  if (score > neutralBand) {
    label = 'positive';
  } else if (score < -neutralBand) {
    label = 'negative';
  }
  return { label, score, rawScore, language, matches };
}

/** Returns 'zh' when Han characters make up at least 20% of the letters, else 'en'. */
export function detectLanguage(text: string): SentimentLanguage {
  const han = text.match(HAN)?.length ?? 0;
  const letters = text.match(LETTER)?.length ?? 0;
  return han > 0 && han >= 0.2 * letters ? 'zh' : 'en';
}

function scoreTokens(tokens: readonly SentimentToken[], negationScope: number): SentimentMatch[] {
  const matches: SentimentMatch[] = [];
  let negations = 0;
  let negationLeft = 0;
  let intensity = 1;
  let intensityLeft = 0;
  let contrastAt = -1;
  const resetModifiers = () => {
    negations = 0;
    negationLeft = 0;
    intensity = 1;
    intensityLeft = 0;
  };

  for (const token of tokens) {
    switch (token.kind) {
      case 'boundary':
        resetModifiers();
        break;
      case 'negator':
        negations += 1;
        negationLeft = negationScope;
        break;
      case 'intensifier':
        intensity *= token.factor;
        intensityLeft = INTENSIFIER_SCOPE;
        break;
      case 'contrast':
        contrastAt = matches.length;
        resetModifiers();
        break;
      case 'term':
      case 'other': {
        if (token.kind === 'term' && token.valence !== 0) {
          const negated = negationLeft > 0 && negations % 2 === 1;
          const contribution =
            token.valence * (intensityLeft > 0 ? intensity : 1) * (negated ? NEGATION_FACTOR : 1);
          matches.push({ text: token.text, valence: token.valence, contribution });
          resetModifiers();
          break;
        }
        negationLeft -= 1;
        intensityLeft -= 1;
        if (negationLeft <= 0) {
          negations = 0;
        }
        if (intensityLeft <= 0) {
          intensity = 1;
        }
        break;
      }
    }
  }

  if (contrastAt >= 0) {
    matches.forEach((match, i) => {
      match.contribution *= i < contrastAt ? CONTRAST_BEFORE : CONTRAST_AFTER;
    });
  }
  return matches;
}
