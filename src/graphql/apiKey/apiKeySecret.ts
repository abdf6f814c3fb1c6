import { createHash, randomBytes } from 'node:crypto';

/** Marks Marketcast keys, so that secret scanners and people can recognise a leaked one. */
export const API_KEY_MARKER = 'mc_';

/** Random bytes in each key: 256 bits, written as 43 base64url characters. */
const SECRET_BYTES = 32;

/** Characters of the key kept in clear as its prefix: the marker and 8 random characters. */
const PREFIX_LENGTH = API_KEY_MARKER.length + 8;

const KEY_PATTERN = /^mc_[A-Za-z0-9_-]{43}$/;

/** A freshly generated key: the secret shown once, and what is stored about it. */
export interface GeneratedApiKey {
  secret: string;
  prefix: string;
  secretHash: string;
}

/** Generates a key from the operating system's cryptographic random source. */
export function generateApiKey(): GeneratedApiKey {
  const secret = API_KEY_MARKER + randomBytes(SECRET_BYTES).toString('base64url');
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), secretHash: hashApiKey(secret) };
}

/**
 * Hashes a key with SHA-256 into lower-case hex. A fast, unsalted hash is enough here, unlike
 * for passwords, because the secret has 256 random bits: no dictionary or brute-force search
 * can find a preimage. Being deterministic, the hash also lets the database find the key
 * through a unique index, instead of testing every stored hash with a slow function.
 */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Returns true when `text` has the shape of a Marketcast key, valid or not. */
export function isApiKeyShaped(text: string): boolean {
  return KEY_PATTERN.test(text);
}
