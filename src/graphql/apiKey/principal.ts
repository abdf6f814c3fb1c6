import type { Context } from '../context';
import type { ApiKeyStore } from './apiKeyStore';
import type { Role } from './role';

/**
 * The sender of a request: the API key it carried, or no key when development mode let an
 * anonymous request through with the admin role.
 */
export interface Principal {
  role: Role;
  /** Null for an anonymous request in development mode. */
  apiKey: { id: number; name: string; prefix: string } | null;
}

/** The resolver context with the request's principal and the key store. */
export interface AuthContext extends Context {
  principal: Principal;
  apiKeys: ApiKeyStore;
}
