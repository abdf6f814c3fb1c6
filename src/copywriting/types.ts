/**
 * Vocabulary of the copywriting module:
 * - brief: the plain facts one piece of copy is written from (product, sales trend, forecast)
 *   plus what to write (channel, tone, language, length limit, number of variants);
 * - prompt: the chat messages sent to a language model, built from the brief;
 * - provider: what writes the copy, either a language model (`huggingface`) or the offline
 *   templates (`builtin`);
 * - completion: one text a provider returned for one prompt;
 * - variant: one of several alternative texts written for the same brief.
 *
 * The module is plain TypeScript and imports nothing of GraphQL, TypeORM or logging.
 */
import type { Granularity } from '../shared/period';

/** Publishing channel of the copy. Each channel has its own length conventions. */
export type CopyChannel =
  'EMAIL' | 'EMAIL_SUBJECT' | 'SOCIAL_POST' | 'SEARCH_AD' | 'PRODUCT_PAGE' | 'SMS';

export const COPY_CHANNELS: readonly CopyChannel[] = [
  'EMAIL',
  'EMAIL_SUBJECT',
  'SOCIAL_POST',
  'SEARCH_AD',
  'PRODUCT_PAGE',
  'SMS',
];

/** The voice the copy is written in. */
export type CopyTone = 'FRIENDLY' | 'PROFESSIONAL' | 'PLAYFUL' | 'URGENT' | 'LUXURY';

export const COPY_TONES: readonly CopyTone[] = [
  'FRIENDLY',
  'PROFESSIONAL',
  'PLAYFUL',
  'URGENT',
  'LUXURY',
];

/** Language of the copy, as a BCP 47 primary language subtag. */
export type Language = 'zh' | 'en';

export const LANGUAGES: readonly Language[] = ['zh', 'en'];

/** An exact amount of money: `amount` is a decimal string such as `"12.50"`. */
export interface Money {
  amount: string;
  /** ISO 4217 code, e.g. `GBP`. */
  currency: string;
}

/** The product attributes copy may mention. Name, description and tags are untrusted text. */
export interface ProductFacts {
  sku: string;
  name: string;
  description: string;
  category: string;
  price: Money;
  tags: string[];
}

export type TrendDirection = 'rising' | 'falling' | 'flat';

/** Recent sales: units in the last `recentPeriods` periods against the periods before them. */
export interface SalesSummary {
  trend: TrendDirection;
  /** Signed change in percent between the recent window and the window before it. */
  changePercent: number;
  recentUnits: number;
  granularity: Granularity;
  recentPeriods: number;
}

/** The product's latest forecast, reduced to what copy can use. */
export interface ForecastSummary {
  /** Model name as stored with the forecast, e.g. `ARIMA(1,1,1)` or `AutoARIMA`. */
  model: string;
  granularity: Granularity;
  horizon: number;
  /** Sum of the point forecasts over the horizon, in units. */
  horizonTotal: number;
  /** The period with the highest point forecast: its first day (`YYYY-MM-DD`) and units. */
  nextPeak: { period: string; value: number };
}

/**
 * The product's sales pattern over whole years: how strongly sales repeat each year and in
 * which months they are highest and lowest, from an STL decomposition of monthly units.
 */
export interface SeasonalitySummary {
  /** Strength of seasonality from 0 (none) to 1, as defined by Hyndman and Athanasopoulos. */
  strength: number;
  /** Month of the year (1-12) with the highest and the lowest seasonal component. */
  peakMonth: number;
  troughMonth: number;
  /** Whole years of monthly history the summary rests on. */
  years: number;
}

/** A least-squares trend line over recent periods, seasonally adjusted where possible. */
export interface TrendLine {
  direction: TrendDirection;
  /** Change of the fitted line from its first to its last period, in percent; null when undefined. */
  changePercent: number | null;
  periods: number;
  granularity: Granularity;
  seasonallyAdjusted: boolean;
}

/** Aggregate sentiment of the product's reviews; never the text of a review. */
export interface ReviewSummary {
  reviews: number;
  /** Share of reviews classified negative, from 0 to 1. */
  negativeShare: number;
  /** Mean star rating from 1 to 5, when the reviews carry ratings. */
  averageRating?: number;
  /** Complaints repeated across reviews, e.g. "small", as short phrases; never review text. */
  commonComplaints?: string[];
}

/** Audience of the copy: a group of customers, never a person. */
export interface AudienceSegment {
  customerType?: 'NEW' | 'RETURNING' | 'ALL';
  /** ISO 3166-1 alpha-2 code, e.g. `DE`. */
  country?: string;
  /** Free text such as "gift buyers"; checked for personal data before it enters a prompt. */
  description?: string;
}

/** Everything one copy request is written from. */
export interface CopyBrief {
  product: ProductFacts;
  /** Absent when the product has no sales history yet. */
  sales?: SalesSummary;
  /** Absent when the product has no forecast yet. */
  forecast?: ForecastSummary;
  /** Absent with fewer than two whole years of monthly history. */
  seasonality?: SeasonalitySummary;
  /** Absent with fewer than three periods of history. */
  trendLine?: TrendLine;
  /** Absent when the product has no reviews. */
  reviews?: ReviewSummary;
  channel: CopyChannel;
  tone: CopyTone;
  language: Language;
  /** Maximum length of each variant in grapheme clusters (user-perceived characters). */
  maxLength: number;
  /** Number of distinct variants to write. */
  variants: number;
  audience?: AudienceSegment;
}

/** One chat message in the OpenAI chat-completions format. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * Unit a channel field's limit is counted in:
 * - `GRAPHEMES`: user-perceived characters;
 * - `GOOGLE_ADS`: characters, with double-width (CJK) characters counting two;
 * - `X_WEIGHTED`: X's weighted post length, with CJK characters and emoji counting two;
 * - `SMS`: message segments, GSM-7 or UCS-2 (see `analyzeSms`).
 */
export type LengthUnit = 'GRAPHEMES' | 'GOOGLE_ADS' | 'X_WEIGHTED' | 'SMS';

/** One field of a channel preset being written, such as the second search ad headline. */
export interface FieldTarget {
  /** Field name from the channel preset, e.g. `headline`. */
  name: string;
  /** Zero-based position among the fields of this name. */
  index: number;
  /** Number of fields of this name being written. */
  count: number;
  limit: number;
  unit: LengthUnit;
}

/** A request to shorten a text the provider wrote earlier, because it broke a length limit. */
export interface ShortenRequest {
  text: string;
  limit: number;
  unit: LengthUnit;
}
/** Request to a provider for one text. */
export interface CopyRequest {
  brief: CopyBrief;
  /** Zero-based index of the variant; providers use it to vary the wording. */
  variant: number;
  /** The chat messages for a language model, built by `buildPrompt` or `buildShortenPrompt`. */
  messages: ChatMessage[];
  /** Set when the provider is asked to shorten an earlier text instead of writing anew. */
  shorten?: ShortenRequest;
  /** The channel field being written; absent for whole-channel copy limited by `maxLength`. */
  field?: FieldTarget;
  /**
   * Set when the field is written again because an earlier text broke a rule: the offending
   * texts (an avoided word, a claim, a number). A language model reads the rules from the
   * prompt; the builtin provider leaves out phrases that contain these texts.
   */
  exclude?: string[];
  signal?: AbortSignal;
}

/** Token counts as the provider reported them. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** One text a provider wrote, with what is stored beside it. */
export interface CopyCompletion {
  text: string;
  /** Provider name, e.g. `huggingface` or `builtin`. */
  provider: string;
  /** Model id, e.g. `meta-llama/Llama-3.1-8B-Instruct` or `builtin-template-v1`. */
  model: string;
  /** The prompt as sent, rendered as text for storage. */
  prompt: string;
  /** Wall-clock time of the whole `generate` call in milliseconds, retries included. */
  latencyMs: number;
  usage?: TokenUsage;
  /** The provider's request id (the `x-request-id` response header), when it sent one. */
  requestId?: string;
}

/** Something that writes copy: a language model behind an API, or the builtin templates. */
export interface CopyProvider {
  readonly name: string;
  readonly model: string;
  /**
   * Writes one text for the request. Rejects with a `ProviderError` (codes `PROVIDER_ERROR`
   * or `PROVIDER_TIMEOUT`) when the provider fails or returns empty output.
   */
  generate(request: CopyRequest): Promise<CopyCompletion>;
}

/** Sent before a provider call is retried after a retryable failure. */
export interface RetryEvent {
  provider: string;
  model: string;
  /** The attempt that failed, starting at 1. */
  attempt: number;
  maxAttempts: number;
  delayMs: number;
  status?: number;
  requestId?: string;
}

/** Sent before a failed provider's request is handed to the fallback provider. */
export interface FallbackEvent {
  from: string;
  to: string;
  error: Error;
}

/**
 * Callbacks a server connects to its logger. Each is named after the moment it runs; none may
 * throw, because an exception from a hook rejects the generation it reports on.
 */
export interface ProviderHooks {
  willRetry?(event: RetryEvent): void;
  willFallBack?(event: FallbackEvent): void;
}

/** A rule a text broke. */
export interface CopyViolation {
  rule:
    | 'AVOID_WORD'
    | 'FORBIDDEN_CLAIM'
    | 'MEDICAL_CLAIM'
    | 'MISSING_PREFERRED_WORD'
    | 'UNSUPPORTED_NUMBER'
    | 'PERSONAL_DATA';
  /** Errors make the copy unfit to publish; warnings are for a reviewer. */
  severity: 'error' | 'warning';
  /** The offending text as it appears, empty for a missing preferred word. */
  text: string;
  /** UTF-16 offset of `text` in the checked text. */
  index: number;
  /** Name of the channel field checked, when the copy has fields. */
  field?: string;
  message: string;
}
