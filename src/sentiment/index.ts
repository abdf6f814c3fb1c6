/**
 * Public surface of the sentiment module: classifiers of review sentiment behind one interface,
 * the offline lexicon (`builtin`) and a Hugging Face text-classification model (`huggingface`).
 * This module and copywriting are the only importers of `@huggingface/inference`.
 */
export * from './types';
export * from './builtinSentimentClassifier';
export * from './huggingFaceSentimentClassifier';
export * from './createSentimentClassifier';
export { readClassScores, readSentimentLabel } from './readClassificationLabels';
export type { ClassScore } from './readClassificationLabels';
