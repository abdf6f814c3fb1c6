import { ProviderError } from '../providerError';
import type { CopyCompletion, CopyProvider, CopyRequest, ProviderHooks } from '../types';

/**
 * A provider that sends each request to `primary` and, when that rejects with a
 * `ProviderError` (failure, timeout or empty output), runs `hooks.willFallBack` and hands the
 * same request to `fallback`. Other rejections, such as a caller's abort, pass through. The
 * completion names the provider that wrote it, so stored copy shows when the fallback was used.
 */
export class FallbackProvider implements CopyProvider {
  readonly name: string;
  readonly model: string;

  constructor(
    private readonly primary: CopyProvider,
    private readonly fallback: CopyProvider,
    private readonly hooks: ProviderHooks = {},
  ) {
    this.name = primary.name;
    this.model = primary.model;
  }

  /** Returns the primary's completion, or the fallback's after a `ProviderError`. */
  async generate(request: CopyRequest): Promise<CopyCompletion> {
    try {
      return await this.primary.generate(request);
    } catch (error) {
      if (!(error instanceof ProviderError)) {
        throw error;
      }
      this.hooks.willFallBack?.({ from: this.primary.name, to: this.fallback.name, error });
      return this.fallback.generate(request);
    }
  }
}
