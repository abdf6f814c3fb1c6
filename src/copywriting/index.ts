/**
 * Public surface of the copywriting module; each export here is public on purpose. Only
 * `providers/huggingFaceProvider.ts` imports `@huggingface/inference`.
 */
export type {
  AudienceSegment,
  ChatMessage,
  CopyBrief,
  CopyChannel,
  CopyCompletion,
  CopyProvider,
  CopyRequest,
  CopyTone,
  CopyViolation,
  FallbackEvent,
  FieldTarget,
  ForecastSummary,
  Language,
  LengthUnit,
  Money,
  ProductFacts,
  ProviderHooks,
  RetryEvent,
  ReviewSummary,
  SalesSummary,
  SeasonalitySummary,
  ShortenRequest,
  TokenUsage,
  TrendDirection,
  TrendLine,
} from './types';
export { COPY_CHANNELS, COPY_TONES, LANGUAGES } from './types';

export type { SmsAnalysis, SmsEncoding } from './analyzeSms';
export { analyzeSms, isGsm7, smsCapacity } from './analyzeSms';
export type { BuiltPrompt, PromptOptions } from './buildPrompt';
export { buildPrompt, buildShortenPrompt, PRODUCT_DATA_TAG, renderPrompt } from './buildPrompt';
export type { ChannelPreset, FieldLength, FieldPreset } from './channelPresets';
export {
  CHANNEL_PRESETS,
  describeLimit,
  lengthMeasure,
  listChannelPresets,
  measureField,
} from './channelPresets';
export type { BrandProfile } from './checkBrandProfile';
export { BRAND_PROFILE_LIMITS, checkBrandProfile, validateBrandProfile } from './checkBrandProfile';
export type { CopyProviderConfig } from './createCopyProvider';
export { createCopyProvider } from './createCopyProvider';
export {
  describeForecast,
  describeMonth,
  describeReviews,
  describeSales,
  describeSeasonality,
  describeTrendLine,
  formatPrice,
} from './describeFacts';
export type {
  ExplainedPoint,
  ForecastExplanation,
  ForecastExplanationInput,
} from './explainForecast';
export { explainForecast } from './explainForecast';
export { findInjectionSignals } from './findInjectionSignals';
export { collectSupportedValues, findUnsupportedNumbers } from './findUnsupportedNumbers';
export type { BulkCopyResult, BulkOptions, BulkOutcome, BulkProgress } from './generateBulk';
export { generateBulk, generateCopyBulk, MAX_BULK_CONCURRENCY } from './generateBulk';
export type { ChannelCopy, ChannelCopyOptions, CopyField } from './generateChannelCopy';
export { generateChannelCopy, listTargets } from './generateChannelCopy';
export type { CopyVariant, GenerateCopyOptions } from './generateCopy';
export { generateCopy, generateVariant } from './generateCopy';
export { countGraphemes, splitGraphemes } from './graphemes';
export type { PersonalDataKind, PersonalDataMatch } from './personalData';
export { findPersonalData, redactPersonalData } from './personalData';
export { countGoogleAdsLength, countXWeightedLength, isWideCodePoint } from './platformLengths';
export type { ProviderErrorDetails } from './providerError';
export { ProviderError } from './providerError';
export {
  BUILTIN_MODEL,
  BUILTIN_PROVIDER_NAME,
  BuiltinProvider,
  composeCopy,
} from './providers/builtinProvider';
export { ConcurrencyLimitedProvider } from './providers/concurrencyLimitedProvider';
export { FallbackProvider } from './providers/fallbackProvider';
export type { HuggingFaceProviderOptions } from './providers/huggingFaceProvider';
export { HUGGING_FACE_PROVIDER_NAME, HuggingFaceProvider } from './providers/huggingFaceProvider';
export type { RetryPolicy } from './retryPolicy';
export { DEFAULT_RETRY_POLICY } from './retryPolicy';
export type { LengthMeasure, TrimmedText, TrimOptions } from './trimToLength';
export { trimToLength } from './trimToLength';
export {
  MAX_AUDIENCE_DESCRIPTION_LENGTH,
  MAX_COPY_LENGTH,
  MAX_VARIANTS,
  validateAudience,
  validateBrief,
} from './validateBrief';
