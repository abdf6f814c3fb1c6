import type { DataSource } from 'typeorm';

import { ApiKey } from '../../db/entities';
import { badInput, notFound } from '../../shared/errors';
import { generateApiKey, hashApiKey, isApiKeyShaped } from './apiKeySecret';
import { Role, parseRole } from './role';

/** Maximum length of a key name, in UTF-16 code units, as the column allows. */
export const MAX_KEY_NAME_LENGTH = 100;

/** Minimum time between two writes of a key's `lastUsedAt`, in milliseconds. */
const TOUCH_INTERVAL_MS = 60_000;

/** Options of an `ApiKeyStore`. */
export interface ApiKeyStoreOptions {
  /** Called when recording a key's last use fails; the request goes on regardless. */
  onTouchFailed?: (error: unknown, keyId: number) => void;
}

/**
 * Creates, lists, revokes and checks API keys in the database. Checks read the database on
 * every call, so a revocation made by another process (the keys CLI) applies to the next
 * request.
 */
export class ApiKeyStore {
  private readonly lastTouched = new Map<number, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: ApiKeyStoreOptions = {},
  ) {}

  /**
   * Creates a key with a name (1 to 100 characters, for people) and a role. Returns the stored
   * row and the secret, which exists nowhere else afterwards. Throws BAD_USER_INPUT for an
   * invalid name.
   */
  async create(name: string, role: Role): Promise<{ apiKey: ApiKey; secret: string }> {
    const trimmed = checkKeyName(name);
    if (!parseRole(role)) {
      throw badInput('role', `role must be reader, analyst or admin; received "${role}".`);
    }
    const generated = generateApiKey();
    const apiKey = await this.dataSource.transaction((manager) => {
      const repository = manager.getRepository(ApiKey);
      return repository.save(
        repository.create({
          name: trimmed,
          role,
          prefix: generated.prefix,
          secretHash: generated.secretHash,
          lastUsedAt: null,
          revokedAt: null,
        }),
      );
    });
    return { apiKey, secret: generated.secret };
  }

  /** Returns every key, revoked ones included, by id. */
  list(): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ order: { id: 'ASC' } });
  }

  /** Returns the key with the id, or null. */
  get(id: number): Promise<ApiKey | null> {
    return this.dataSource.getRepository(ApiKey).findOneBy({ id });
  }

  /**
   * Revokes a key so that it stops working at once. Revoking a revoked key changes nothing.
   * Returns the row; throws NOT_FOUND when no key has the id.
   */
  async revoke(id: number): Promise<ApiKey> {
    const apiKey = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ApiKey);
      const row = await repository.findOneBy({ id });
      if (!row) {
        throw notFound(`No API key has id "${id}"; list the keys to find one.`);
      }
      if (row.revokedAt === null) {
        row.revokedAt = new Date();
        await repository.update({ id }, { revokedAt: row.revokedAt });
      }
      return row;
    });
    this.lastTouched.delete(id);
    return apiKey;
  }

  /**
   * Returns the active key whose secret is `secret`, or undefined when the text is not a key,
   * no key has that secret, or the key was revoked. Records the use at most once a minute per
   * key and store instance (one per server process), without waiting for the write.
   */
  async authenticate(secret: string): Promise<ApiKey | undefined> {
    if (!isApiKeyShaped(secret)) {
      return undefined;
    }
    const apiKey = await this.dataSource
      .getRepository(ApiKey)
      .findOneBy({ secretHash: hashApiKey(secret) });
    if (!apiKey || apiKey.revokedAt !== null) {
      return undefined;
    }
    this.touch(apiKey);
    return apiKey;
  }

  private touch(apiKey: ApiKey): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(apiKey.id) ?? 0) < TOUCH_INTERVAL_MS) {
      return;
    }
    this.lastTouched.set(apiKey.id, now);
    this.dataSource
      .transaction((manager) =>
        manager.getRepository(ApiKey).update({ id: apiKey.id }, { lastUsedAt: new Date(now) }),
      )
      .catch((error: unknown) => this.options.onTouchFailed?.(error, apiKey.id));
  }
}

/** Trims a key name and checks it; throws BAD_USER_INPUT naming the problem. */
function checkKeyName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_KEY_NAME_LENGTH) {
    throw badInput(
      'name',
      `name must be 1 to ${MAX_KEY_NAME_LENGTH} characters after trimming; received ${trimmed.length}.`,
    );
  }
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw badInput(
      'name',
      `name must not contain control characters; received "${JSON.stringify(trimmed).slice(1, -1)}".`,
    );
  }
  return trimmed;
}
