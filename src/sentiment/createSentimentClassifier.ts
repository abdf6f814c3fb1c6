import { BuiltinSentimentClassifier } from './builtinSentimentClassifier';
import type { HuggingFaceSentimentOptions } from './huggingFaceSentimentClassifier';
import { HuggingFaceSentimentClassifier } from './huggingFaceSentimentClassifier';
import type { SentimentClassifier } from './types';

/**
 * Creates the configured classifier: the offline lexicon when no Hugging Face settings are
 * given, else the Hugging Face text-classification model. Throws a `TypeError` for Hugging Face
 * settings without an access token or endpoint URL.
 */
export function createSentimentClassifier(
  huggingFace?: HuggingFaceSentimentOptions,
): SentimentClassifier {
  return huggingFace
    ? new HuggingFaceSentimentClassifier(huggingFace)
    : new BuiltinSentimentClassifier();
}
