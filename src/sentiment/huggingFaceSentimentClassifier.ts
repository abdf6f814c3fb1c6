import { InferenceClient, InferenceClientProviderApiError } from '@huggingface/inference';
import pLimit from 'p-limit';

import { ProviderError } from '../copywriting/providerError';
import type { RetryPolicy } from '../copywriting/retryPolicy';
import {
  retryDelayForStatus,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  sleep,
} from '../copywriting/retryPolicy';
import { ErrorCode } from '../shared/errors';
import type { ClassScore } from './readClassificationLabels';
import { readClassScores } from './readClassificationLabels';
import type { SentimentClassifier, SentimentInput, SentimentOutput } from './types';

export const HUGGING_FACE_SENTIMENT_NAME = 'huggingface';

/**
 * Settings of the Hugging Face sentiment classifier. Give `endpointUrl` for a server that speaks
 * Hugging Face's text-classification protocol (`POST <url>` with `{"inputs": "..."}`, answered
 * by `[[{"label": "...", "score": 0.9}, ...]]`), such as text-embeddings-inference or an Inference
 * Endpoint. Leave it out to use the hosted `hf-inference` provider, which needs `accessToken`.
 */
export interface HuggingFaceSentimentOptions {
  /** Hub model id of a sentiment classifier, e.g. `cardiffnlp/twitter-roberta-base-sentiment-latest`. */
  model: string;
  /** A Hugging Face token (`hf_…`); sent as a bearer token, never logged. */
  accessToken?: string;
  /** Full URL the classification requests are posted to. */
  endpointUrl?: string;
  /** Time allowed for each attempt, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Texts classified at once. Default 4. */
  concurrency?: number;
  /** Runs before each wait for a retry, e.g. to log it. */
  willRetry?: (event: { attempt: number; delayMs: number; status?: number }) => void;
  /** Source of jitter in [0, 1). Defaults to `Math.random`. */
  random?: () => number;
}

interface ResponseRecord {
  status?: number;
  requestId?: string;
  retryAfterMs?: number;
}

/**
 * Classifies review sentiment with a text-classification model through `@huggingface/inference`,
 * one request per text and `concurrency` requests at a time. A 429 or 503 is retried after the
 * server's `Retry-After` or exponential backoff with jitter; each attempt has its own timeout.
 * A class name it cannot map to positive, neutral or negative fails the call (see
 * `readSentimentLabel`).
 */
export class HuggingFaceSentimentClassifier implements SentimentClassifier {
  readonly name = HUGGING_FACE_SENTIMENT_NAME;
  readonly model: string;
  private readonly client: InferenceClient;
  private readonly options: HuggingFaceSentimentOptions;
  private readonly retryPolicy: RetryPolicy;

  /** Throws a `TypeError` when neither an endpoint URL nor an access token is given. */
  constructor(options: HuggingFaceSentimentOptions) {
    if (options.model.trim() === '') {
      throw new TypeError('HuggingFaceSentimentClassifier needs a non-empty model id.');
    }
    if (!options.endpointUrl && !options.accessToken) {
      throw new TypeError(
        'HuggingFaceSentimentClassifier needs an access token for hosted inference, or an endpointUrl for a self-hosted server.',
      );
    }
    this.model = options.model;
    this.options = options;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.client = new InferenceClient(options.accessToken ?? '', {
      endpointUrl: options.endpointUrl,
    });
  }

  /**
   * Classifies every input. Rejects with a `ProviderError` (`PROVIDER_TIMEOUT` or
   * `PROVIDER_ERROR`) on the first text that fails after its retries, or whose output cannot be
   * read; the other requests still running are aborted.
   */
  async classify(
    inputs: readonly SentimentInput[],
    signal?: AbortSignal,
  ): Promise<SentimentOutput[]> {
    const abort = new AbortController();
    const combined = signal ? AbortSignal.any([signal, abort.signal]) : abort.signal;
    const limit = pLimit(this.options.concurrency ?? 4);
    try {
      return await Promise.all(
        inputs.map((input) => limit(() => this.classifyOne(input.text, combined))),
      );
    } catch (error) {
      abort.abort(error);
      throw error;
    }
  }

  private async classifyOne(text: string, signal: AbortSignal): Promise<SentimentOutput> {
    for (let attempt = 1; ; attempt += 1) {
      const record: ResponseRecord = {};
      let scores: ClassScore[];
      try {
        scores = await this.request(text, record, signal);
      } catch (error) {
        const delayMs = this.retryDelayFor(error, attempt, record);
        if (delayMs === undefined) {
          throw this.toProviderError(error, attempt, record, signal);
        }
        this.options.willRetry?.({ attempt, delayMs, status: record.status });
        await sleep(delayMs, signal);
        continue;
      }
      const read = readClassScores(scores);
      if ('unknownLabel' in read) {
        throw new ProviderError(
          ErrorCode.ProviderError,
          `Sentiment model "${this.model}" returned the class "${read.unknownLabel}", which is not positive, neutral, negative, a star rating or LABEL_0 to LABEL_2; choose a sentiment model.`,
          {
            provider: this.name,
            model: this.model,
            status: record.status,
            requestId: record.requestId,
            attempts: attempt,
          },
        );
      }
      return read;
    }
  }

  private async request(
    text: string,
    record: ResponseRecord,
    callerSignal: AbortSignal,
  ): Promise<ClassScore[]> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    const signal = AbortSignal.any([timeout, callerSignal]);

    // A custom fetch lets us read Retry-After and x-request-id, which the client's errors drop.
    const recordingFetch = async (input: string | URL | Request, init?: RequestInit) => {
      const response = await fetch(input, init);
      record.status = response.status;
      record.requestId = response.headers.get('x-request-id') ?? undefined;
      record.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return response;
    };
    return this.client.textClassification(
      {
        model: this.model,
        inputs: text,
        // The client rejects a provider next to endpointUrl; without one, hf-inference serves
        // text classification.
        ...(this.options.endpointUrl ? {} : { provider: 'hf-inference' as const }),
      },
      { signal, retry_on_error: false, fetch: recordingFetch as typeof fetch },
    );
  }

  /** Returns the delay before the next attempt, or `undefined` when the error is final. */
  private retryDelayFor(
    error: unknown,
    attempt: number,
    record: ResponseRecord,
  ): number | undefined {
    const status =
      error instanceof InferenceClientProviderApiError ? error.httpResponse.status : undefined;
    return retryDelayForStatus(
      this.retryPolicy,
      status,
      attempt,
      record.retryAfterMs,
      this.options.random,
    );
  }

  private toProviderError(
    error: unknown,
    attempts: number,
    record: ResponseRecord,
    signal: AbortSignal,
  ): unknown {
    if (error instanceof ProviderError) {
      return error;
    }
    if (signal.aborted) {
      return signal.reason;
    }
    const details = {
      provider: this.name,
      model: this.model,
      status: record.status,
      requestId: record.requestId,
      attempts,
    };
    if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
      return new ProviderError(
        ErrorCode.ProviderTimeout,
        `Sentiment model "${this.model}" timed out after ${this.options.timeoutMs ?? 30_000} ms, so raise SENTIMENT_TIMEOUT_MS or choose a faster model.`,
        details,
      );
    }
    const statusText = record.status === undefined ? '' : ` with HTTP status ${record.status}`;
    const requestId = record.requestId ? ` (request id "${record.requestId}")` : '';
    return new ProviderError(
      ErrorCode.ProviderError,
      `Sentiment model "${this.model}" failed${statusText} after ${attempts} attempt${attempts === 1 ? '' : 's'}${requestId}: ${this.redact(error instanceof Error ? error.message : String(error)).replace(/\.$/, '')}.`,
      details,
    );
  }

  /** Removes the access token from text that may echo it, and caps the text's length. */
  private redact(text: string): string {
    const token = this.options.accessToken;
    const redacted = token ? text.split(token).join('[redacted]') : text;
    return redacted.length > 300 ? `${redacted.slice(0, 300)}…` : redacted;
  }
}
