import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/** Creates the structured JSON logger; tokens and authorization headers are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    name: 'marketcast',
    level,
    redact: ['req.headers.authorization', 'config.copy.hfToken', '*.hfToken', '*.token'],
  });
}
