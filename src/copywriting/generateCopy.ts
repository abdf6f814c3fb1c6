import { buildPrompt } from './buildPrompt';
import { trimToLength } from './trimToLength';
import type { CopyBrief, CopyCompletion, CopyProvider } from './types';
import { validateBrief } from './validateBrief';

/** One variant as returned to the caller and stored: the provider's completion, trimmed. */
export interface CopyVariant extends CopyCompletion {
  /** Zero-based index of the variant. */
  variant: number;
  /** Length of `text` in grapheme clusters. */
  length: number;
  maxLength: number;
  /** True when the provider's text was longer than `maxLength` and was cut. */
  truncated: boolean;
}

export interface GenerateCopyOptions {
  signal?: AbortSignal;
}

/**
 * Writes `brief.variants` variants with the provider, one call per variant in order, and trims
 * each to `brief.maxLength` grapheme clusters at a sentence, clause or word boundary. Throws a
 * `BAD_USER_INPUT` `DomainError` for an invalid brief before any provider call, and passes on
 * the provider's `ProviderError` when a call fails, so no partial list is returned.
 */
export async function generateCopy(
  provider: CopyProvider,
  brief: CopyBrief,
  options: GenerateCopyOptions = {},
): Promise<CopyVariant[]> {
  validateBrief(brief);

  const variants: CopyVariant[] = [];
  for (let variant = 0; variant < brief.variants; variant += 1) {
    variants.push(await generateVariant(provider, brief, variant, options));
  }
  return variants;
}

/**
 * Writes one variant of a brief that `validateBrief` accepted, trimmed like `generateCopy`'s.
 * Rejects with the provider's `ProviderError` when the call fails.
 */
export async function generateVariant(
  provider: CopyProvider,
  brief: CopyBrief,
  variant: number,
  options: GenerateCopyOptions = {},
): Promise<CopyVariant> {
  const prompt = buildPrompt(brief, variant);
  const completion = await provider.generate({
    brief,
    variant,
    messages: prompt.messages,
    signal: options.signal,
  });
  const trimmed = trimToLength(completion.text, brief.maxLength, { language: brief.language });
  return {
    ...completion,
    text: trimmed.text,
    variant,
    length: trimmed.length,
    maxLength: brief.maxLength,
    truncated: trimmed.truncated,
  };
}
