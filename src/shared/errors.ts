/**
 * Public error codes. Each reaches GraphQL clients as `extensions.code`; the README's error
 * table lists them. Codes are stable: clients branch on them.
 */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  ForecastFailed = 'FORECAST_FAILED',
  ProviderError = 'PROVIDER_ERROR',
  ProviderTimeout = 'PROVIDER_TIMEOUT',
  ImportFailed = 'IMPORT_FAILED',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
}

/**
 * An error a user can act on: the message names the value received and what is allowed.
 * `code` reaches clients as `extensions.code`; `field` names the argument or input field.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

/** Creates a `BAD_USER_INPUT` error for the named argument or input field. */
export function badInput(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.BadUserInput, message, field);
}

/** Creates a `NOT_FOUND` error. */
export function notFound(message: string): DomainError {
  return new DomainError(ErrorCode.NotFound, message);
}

/** Throws when a switch that should cover every case reaches a value it does not know. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}.`);
  }
}
