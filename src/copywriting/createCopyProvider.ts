import { BuiltinProvider } from './providers/builtinProvider';
import { FallbackProvider } from './providers/fallbackProvider';
import type { HuggingFaceProviderOptions } from './providers/huggingFaceProvider';
import { HuggingFaceProvider } from './providers/huggingFaceProvider';
import type { CopyProvider, ProviderHooks } from './types';

/** The provider settings the server writes copy with. */
export interface CopyProviderConfig {
  /** Settings of the `huggingface` provider; absent means the offline `builtin` provider. */
  huggingFace?: Omit<HuggingFaceProviderOptions, 'hooks'>;
  /** When true, `builtin` writes the copy when a `huggingface` call fails. Default false. */
  fallBackToBuiltin?: boolean;
  /** Receives `willRetry` and `willFallBack` events, e.g. to log them. */
  hooks?: ProviderHooks;
}

/**
 * Creates the configured provider: `builtin` when no Hugging Face settings are given, else
 * `huggingface`, wrapped in a `FallbackProvider` when `fallBackToBuiltin` is set. Throws a
 * `TypeError` for Hugging Face settings without an access token or endpoint URL.
 */
export function createCopyProvider(config: CopyProviderConfig = {}): CopyProvider {
  if (!config.huggingFace) {
    return new BuiltinProvider();
  }
  const huggingFace = new HuggingFaceProvider({ ...config.huggingFace, hooks: config.hooks });
  if (!config.fallBackToBuiltin) {
    return huggingFace;
  }
  return new FallbackProvider(huggingFace, new BuiltinProvider(), config.hooks);
}
