import { InferenceClient, InferenceClientProviderApiError } from '@huggingface/inference';

import { ErrorCode } from '../../shared/errors';
import { renderPrompt } from '../buildPrompt';
import { ProviderError } from '../providerError';
import type { RetryPolicy } from '../retryPolicy';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayForStatus, sleep } from '../retryPolicy';
import type {
  CopyCompletion,
  CopyProvider,
  CopyRequest,
  ProviderHooks,
  TokenUsage,
} from '../types';

export const HUGGING_FACE_PROVIDER_NAME = 'huggingface';

type ChatCompletionOutput = Awaited<ReturnType<InferenceClient['chatCompletion']>>;

/**
 * Settings of the `huggingface` provider. Give `endpointUrl` for a self-hosted server that
 * speaks the OpenAI chat-completions protocol (text-generation-inference, vLLM, llama.cpp's
 * server). Leave it out to use Hugging Face's hosted inference providers, which need
 * `accessToken`.
 */
export interface HuggingFaceProviderOptions {
  /** Hub model id such as `meta-llama/Llama-3.1-8B-Instruct`, or the name a self-hosted server serves. */
  model: string;
  /** A Hugging Face token (`hf_…`) or a provider key; sent as a bearer token, never logged. */
  accessToken?: string;
  /** Base URL of a self-hosted server, e.g. `http://127.0.0.1:8080`; `/v1/chat/completions` is appended. */
  endpointUrl?: string;
  /** Hosted inference provider such as `together`, or `auto` (the default) to let Hugging Face route. */
  inferenceProvider?: string;
  /** Time allowed for each attempt, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Upper bound on completion tokens per call (`max_tokens`). Default 512. */
  maxTokens?: number;
  /** Sampling temperature. Default 0.8, so variants differ. */
  temperature?: number;
  hooks?: ProviderHooks;
  /** Source of jitter in [0, 1). Defaults to `Math.random`. */
  random?: () => number;
}

/** Status and headers of the last response, as the recording `fetch` saw them. */
interface ResponseRecord {
  status?: number;
  requestId?: string;
  retryAfterMs?: number;
}

/**
 * Writes copy with a language model through `@huggingface/inference`'s `chatCompletion`. Each
 * attempt has its own timeout. A response whose status is in the retry policy (429 and 503 by
 * default) is retried after the server's `Retry-After`, or else after exponential backoff
 * with jitter, up to `maxAttempts` in all. `hooks.willRetry` runs before each wait.
 */
export class HuggingFaceProvider implements CopyProvider {
  readonly name = HUGGING_FACE_PROVIDER_NAME;
  readonly model: string;
  private readonly client: InferenceClient;
  private readonly options: HuggingFaceProviderOptions;
  private readonly retryPolicy: RetryPolicy;
  private readonly timeoutMs: number;

  /** Throws a `TypeError` when neither an endpoint URL nor an access token is given. */
  constructor(options: HuggingFaceProviderOptions) {
    if (options.model.trim() === '') {
      throw new TypeError('HuggingFaceProvider needs a non-empty model id.');
    }
    if (!options.endpointUrl && !options.accessToken) {
      throw new TypeError(
        'HuggingFaceProvider needs an access token for hosted inference providers, or an endpointUrl for a self-hosted server.',
      );
    }
    this.model = options.model;
    this.options = options;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.client = new InferenceClient(options.accessToken ?? '', {
      endpointUrl: options.endpointUrl,
    });
  }

  /**
   * Sends the request's messages and returns the first choice's text, trimmed. Rejects with a
   * `ProviderError`: `PROVIDER_TIMEOUT` when an attempt runs past `timeoutMs`, `PROVIDER_ERROR`
   * when the provider fails with a status that is not retried, keeps failing after the last
   * attempt, or returns empty output. A caller's abort rejects with the signal's reason.
   */
  async generate(request: CopyRequest): Promise<CopyCompletion> {
    const started = performance.now();
    for (let attempt = 1; ; attempt += 1) {
      const record: ResponseRecord = {};
      let output: ChatCompletionOutput;
      try {
        output = await this.requestCompletion(request, record);
      } catch (error) {
        const delayMs = this.retryDelayFor(error, attempt, record);
        if (delayMs === undefined) {
          throw this.toProviderError(error, attempt, record, request.signal);
        }
        this.options.hooks?.willRetry?.({
          provider: this.name,
          model: this.model,
          attempt,
          maxAttempts: this.retryPolicy.maxAttempts,
          delayMs,
          status: record.status,
          requestId: record.requestId,
        });
        await sleep(delayMs, request.signal);
        continue;
      }
      return this.toCompletion(output, request, record, attempt, started);
    }
  }

  private async requestCompletion(
    request: CopyRequest,
    record: ResponseRecord,
  ): Promise<ChatCompletionOutput> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;

    // A custom fetch lets us read Retry-After and x-request-id, which the client's errors drop.
    const recordingFetch = async (input: string | URL | Request, init?: RequestInit) => {
      const response = await fetch(input, init);
      record.status = response.status;
      record.requestId = response.headers.get('x-request-id') ?? undefined;
      record.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return response;
    };

    return this.client.chatCompletion(
      {
        model: this.model,
        messages: request.messages.map(({ role, content }) => ({ role, content })),
        max_tokens: this.options.maxTokens ?? 512,
        temperature: this.options.temperature ?? 0.8,
        // The client rejects `provider` next to `endpointUrl`, which always goes to hf-inference routes.
        ...(this.options.endpointUrl
          ? {}
          : { provider: (this.options.inferenceProvider ?? 'auto') as 'auto' }),
      },
      // NOTE: the client's own retry_on_error resends on 503 forever with no delay; ours is bounded.
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

  private toCompletion(
    output: ChatCompletionOutput,
    request: CopyRequest,
    record: ResponseRecord,
    attempts: number,
    started: number,
  ): CopyCompletion {
    const text = output.choices?.[0]?.message?.content?.trim() ?? '';
    if (text === '') {
      throw new ProviderError(
        ErrorCode.ProviderError,
        `Provider ${this.name} returned empty output for model "${this.model}"${formatRequestId(record.requestId)}.`,
        { ...this.details(record, attempts) },
      );
    }
    return {
      text,
      provider: this.name,
      model: this.model,
      prompt: renderPrompt(request.messages),
      latencyMs: Math.round(performance.now() - started),
      usage: toTokenUsage(output),
      requestId: record.requestId,
    };
  }

  private toProviderError(
    error: unknown,
    attempts: number,
    record: ResponseRecord,
    callerSignal: AbortSignal | undefined,
  ): unknown {
    if (callerSignal?.aborted) {
      return callerSignal.reason;
    }
    if (error instanceof ProviderError) {
      return error;
    }
    // fetch rejects with the abort reason, a DOMException named TimeoutError for AbortSignal.timeout.
    if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
      return new ProviderError(
        ErrorCode.ProviderTimeout,
        `Provider ${this.name} timed out after ${this.timeoutMs} ms waiting for model "${this.model}", so raise timeoutMs or choose a faster model.`,
        this.details({}, attempts),
      );
    }

    const status =
      error instanceof InferenceClientProviderApiError ? error.httpResponse.status : undefined;
    const requestId =
      error instanceof InferenceClientProviderApiError && error.httpResponse.requestId !== ''
        ? error.httpResponse.requestId
        : record.requestId;
    const statusText = status === undefined ? '' : ` with HTTP status ${status}`;
    const detail = this.redact(error instanceof Error ? error.message : String(error));
    return new ProviderError(
      ErrorCode.ProviderError,
      `Provider ${this.name} failed for model "${this.model}"${statusText} after ${attempts} attempt${attempts === 1 ? '' : 's'}${formatRequestId(requestId)}: ${detail.replace(/\.$/, '')}.`,
      this.details({ status, requestId }, attempts),
    );
  }

  private details(record: ResponseRecord, attempts: number) {
    return {
      provider: this.name,
      model: this.model,
      status: record.status,
      requestId: record.requestId,
      attempts,
    };
  }

  /** Removes the access token from text that may echo it, and caps the text's length. */
  private redact(text: string): string {
    const token = this.options.accessToken;
    const redacted = token ? text.split(token).join('[redacted]') : text;
    const codePoints = Array.from(redacted);
    return codePoints.length > 300 ? `${codePoints.slice(0, 300).join('')}…` : redacted;
  }
}

function formatRequestId(requestId: string | undefined): string {
  return requestId ? ` (request id "${requestId}")` : '';
}

function toTokenUsage(output: ChatCompletionOutput): TokenUsage | undefined {
  const usage = output.usage;
  if (
    !usage ||
    !Number.isFinite(usage.prompt_tokens) ||
    !Number.isFinite(usage.completion_tokens)
  ) {
    return undefined;
  }
  return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens };
}
