import { classifySentiment } from '../analytics';
import type { SentimentClassifier, SentimentInput, SentimentOutput } from './types';

export const BUILTIN_SENTIMENT_NAME = 'builtin';

/** Version tag stored with every review the lexicon classified. */
export const BUILTIN_SENTIMENT_MODEL = 'lexicon-afinn165-zh-v1';

/**
 * The offline classifier: the analytics module's lexicon scorer for English and Chinese (AFINN-165
 * plus project lexicons, negation, intensifiers and contrast words). Never fails for a string.
 */
export class BuiltinSentimentClassifier implements SentimentClassifier {
  readonly name = BUILTIN_SENTIMENT_NAME;
  readonly model = BUILTIN_SENTIMENT_MODEL;

  async classify(inputs: readonly SentimentInput[]): Promise<SentimentOutput[]> {
    return inputs.map((input) => {
      const result = classifySentiment(input.text, { language: input.language });
      return { label: result.label, score: result.score };
    });
  }
}
