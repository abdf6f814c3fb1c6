import { DomainError, ErrorCode } from '../shared/errors';

/** What is known about a failed provider call. */
export interface ProviderErrorDetails {
  provider: string;
  model: string;
  /** HTTP status of the last response, absent when none arrived (timeout, network error). */
  status?: number;
  /** The provider's request id, from the `x-request-id` response header. */
  requestId?: string;
  /** Number of attempts made, retries included. */
  attempts: number;
}

/**
 * A provider that failed, timed out or returned unusable output. `code` is `PROVIDER_TIMEOUT`
 * for a timeout and `PROVIDER_ERROR` otherwise. The message and fields never contain the
 * access token.
 */
export class ProviderError extends DomainError {
  readonly provider: string;
  readonly model: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly attempts: number;

  constructor(
    code: ErrorCode.ProviderError | ErrorCode.ProviderTimeout,
    message: string,
    details: ProviderErrorDetails,
  ) {
    super(code, message);
    this.name = 'ProviderError';
    this.provider = details.provider;
    this.model = details.model;
    this.status = details.status;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
  }
}
