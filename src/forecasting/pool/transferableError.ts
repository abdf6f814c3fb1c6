/**
 * Carries errors across the worker-thread boundary. Structured cloning keeps an Error's
 * message but drops its class and own fields such as `code`, so the worker sends this plain
 * object and the main thread rebuilds the error from it.
 */
import { DomainError, ErrorCode } from '../../shared/errors';

/** A plain, cloneable description of an error thrown in a worker. */
export interface TransferableError {
  name: string;
  message: string;
  /** Set for a `DomainError`. */
  code?: ErrorCode;
  field?: string;
  stack?: string;
}

/** Describes `error` as a plain object that survives `postMessage`. */
export function toTransferableError(error: unknown): TransferableError {
  if (error instanceof DomainError) {
    return {
      name: error.name,
      message: error.message,
      code: error.code,
      field: error.field,
      stack: error.stack,
    };
  }
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack };
  }
  return { name: 'Error', message: String(error) };
}

/**
 * Rebuilds the error: a `DomainError` with its code and field when one was sent, otherwise a
 * plain `Error` with the original name and message. The worker's stack is kept.
 */
export function fromTransferableError(transferable: TransferableError): Error {
  const error =
    transferable.code !== undefined
      ? new DomainError(transferable.code, transferable.message, transferable.field)
      : Object.assign(new Error(transferable.message), { name: transferable.name });
  if (transferable.stack) {
    error.stack = transferable.stack;
  }
  return error;
}
