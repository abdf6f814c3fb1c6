import type { SentimentLabel } from '../analytics';

/** A text to classify and the language it is written in. */
export interface SentimentInput {
  text: string;
  /** `en` or `zh`. */
  language: 'en' | 'zh';
}

/** The sentiment of one text. */
export interface SentimentOutput {
  label: SentimentLabel;
  /** Score in [-1, 1]: the lexicon score, or P(positive) - P(negative) from a model. */
  score: number;
}

/**
 * Classifies review texts. `classify` returns one output per input, in input order, and rejects
 * the whole call when any text cannot be classified, so that a caller stores all or nothing.
 */
export interface SentimentClassifier {
  /** `builtin` or `huggingface`. */
  readonly name: string;
  /** The lexicon version or the model id. */
  readonly model: string;
  classify(inputs: readonly SentimentInput[], signal?: AbortSignal): Promise<SentimentOutput[]>;
}
