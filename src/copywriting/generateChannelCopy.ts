import { buildPrompt, buildShortenPrompt } from './buildPrompt';
import type { FieldPreset } from './channelPresets';
import { CHANNEL_PRESETS, lengthMeasure, measureField, smsEllipsis } from './channelPresets';
import type { BrandProfile } from './checkBrandProfile';
import { checkBrandProfile } from './checkBrandProfile';
import { findUnsupportedNumbers } from './findUnsupportedNumbers';
import { findPersonalData } from './personalData';
import { trimToLength } from './trimToLength';
import type {
  CopyBrief,
  CopyCompletion,
  CopyProvider,
  CopyViolation,
  FieldTarget,
  LengthUnit,
  TokenUsage,
} from './types';
import { validateBrief } from './validateBrief';
import { badInput } from '../shared/errors';

/** One written field with its counted length against the platform's limit. */
export interface CopyField {
  name: string;
  index: number;
  text: string;
  /** Length in `unit`; for `SMS`, septets (GSM-7) or UTF-16 code units (UCS-2). */
  length: number;
  limit: number;
  unit: LengthUnit;
  /** True when the text was still too long after the shorten rounds and was cut. */
  truncated: boolean;
  /** Shorten requests sent to the provider for this field. */
  shortenRounds: number;
  encoding?: 'GSM-7' | 'UCS-2';
  segments?: number;
}

/** One variant of a channel's copy: every field of the preset, checked. */
export interface ChannelCopy {
  channel: CopyBrief['channel'];
  variant: number;
  fields: CopyField[];
  /** Rules the final texts still break, each naming its field. */
  violations: CopyViolation[];
  truncated: boolean;
  provider: string;
  model: string;
  /** Every prompt sent for this variant, rendered, in order. */
  prompts: string[];
  /** Sum of the provider calls' latencies in milliseconds. */
  latencyMs: number;
  /** Sum of reported token counts; absent when the provider reported none. */
  usage?: TokenUsage;
}

export interface ChannelCopyOptions {
  brandProfile?: BrandProfile;
  /** Shorten requests per field before the text is cut. Default 2. */
  maxShortenRounds?: number;
  /** Regeneration rounds per field when a check finds an error. Default 1. */
  maxRegenerateRounds?: number;
  /** Number of fields to write per field name, within the preset's bounds. */
  fieldCounts?: Record<string, number>;
  /**
   * Zero-based indexes of the variants to write, e.g. `[2]` to write only the third of
   * `brief.variants`, as a bulk job does per item. All variants when absent.
   */
  variantIndexes?: number[];
  signal?: AbortSignal;
}

/**
 * Writes `brief.variants` variants of the channel's preset, field by field, in three steps.
 * First the provider writes the field. When a check finds an error (brand profile, forbidden
 * claim, number not in the data, personal data), the field is written again with the broken
 * rules named, up to `maxRegenerateRounds` times. When the text breaks its limit, the provider
 * is asked to shorten it, up to `maxShortenRounds` times, and a text still too long is cut at
 * a sentence, clause or word boundary and marked truncated. Every field except an SMS message
 * (limited in segments) is also held to `brief.maxLength`, counted in the field's own unit.
 * The brand profile's voice and word rules go into the prompt and into the checks. Throws
 * `BAD_USER_INPUT` for an invalid brief, field count or variant index before any provider
 * call, and passes on a provider's `ProviderError`.
 */
export async function generateChannelCopy(
  provider: CopyProvider,
  brief: CopyBrief,
  options: ChannelCopyOptions = {},
): Promise<ChannelCopy[]> {
  validateBrief(brief);
  const targets = listTargets(brief, options.fieldCounts);
  const indexes = options.variantIndexes ?? Array.from({ length: brief.variants }, (_v, i) => i);
  const invalid = indexes.find(
    (index) => !Number.isInteger(index) || index < 0 || index >= brief.variants,
  );
  if (invalid !== undefined) {
    throw badInput(
      'variantIndexes',
      `Invalid variant index ${invalid}, expected a whole number from 0 to ${brief.variants - 1}.`,
    );
  }

  const variants: ChannelCopy[] = [];
  for (const variant of indexes) {
    const calls: CopyCompletion[] = [];
    const fields: CopyField[] = [];
    const violations: CopyViolation[] = [];
    for (const target of targets) {
      const written = await writeField(provider, brief, target, variant, options, calls);
      fields.push(written.field);
      violations.push(...written.violations);
    }
    variants.push(summarize(brief, variant, fields, violations, calls, provider));
  }
  return variants;
}

/** Expands the preset into one target per field to write, checking requested counts. */
export function listTargets(
  brief: Pick<CopyBrief, 'channel' | 'maxLength'>,
  fieldCounts: Record<string, number> = {},
): FieldTarget[] {
  const preset = CHANNEL_PRESETS[brief.channel];
  for (const name of Object.keys(fieldCounts)) {
    if (!preset.fields.some((field) => field.name === name)) {
      throw badInput(
        `fieldCounts.${name}`,
        `Invalid field "${name}" for channel ${brief.channel}, expected one of ${preset.fields.map((field) => field.name).join(', ')}.`,
      );
    }
  }
  return preset.fields.flatMap((field) => {
    const count = fieldCounts[field.name] ?? field.count;
    if (!Number.isInteger(count) || count < field.minCount || count > field.maxCount) {
      throw badInput(
        `fieldCounts.${field.name}`,
        `Invalid count ${count} for field "${field.name}" of channel ${brief.channel}, expected a whole number from ${field.minCount} to ${field.maxCount}.`,
      );
    }
    return Array.from({ length: count }, (_unused, index) => toTarget(field, index, count, brief));
  });
}

function toTarget(
  field: FieldPreset,
  index: number,
  count: number,
  brief: Pick<CopyBrief, 'maxLength'>,
): FieldTarget {
  const limit = field.unit === 'SMS' ? field.limit : Math.min(field.limit, brief.maxLength);
  return { name: field.name, index, count, limit, unit: field.unit };
}

async function writeField(
  provider: CopyProvider,
  brief: CopyBrief,
  target: FieldTarget,
  variant: number,
  options: ChannelCopyOptions,
  calls: CopyCompletion[],
): Promise<{ field: CopyField; violations: CopyViolation[] }> {
  const ask = async (
    messages: ReturnType<typeof buildPrompt>['messages'],
    extra: { shorten?: { text: string }; exclude?: string[] } = {},
  ) => {
    const { shorten, exclude } = extra;
    const completion = await provider.generate({
      brief,
      variant,
      messages,
      field: target,
      shorten: shorten ? { text: shorten.text, limit: target.limit, unit: target.unit } : undefined,
      exclude,
      signal: options.signal,
    });
    calls.push(completion);
    return completion.text;
  };

  const { brandProfile } = options;
  let text = await ask(buildPrompt(brief, variant, { field: target, brandProfile }).messages);
  let violations = checkField(text, brief, target, brandProfile);
  const excluded: string[] = [];
  for (
    let round = 0;
    round < (options.maxRegenerateRounds ?? 1) && hasErrors(violations);
    round += 1
  ) {
    const errors = violations.filter((violation) => violation.severity === 'error');
    const corrections = errors.map((violation) => violation.message);
    excluded.push(...errors.map((violation) => violation.text).filter((found) => found !== ''));
    const prompt = buildPrompt(brief, variant, { field: target, corrections, brandProfile });
    text = await ask(prompt.messages, { exclude: [...excluded] });
    violations = checkField(text, brief, target, brandProfile);
  }

  let shortenRounds = 0;
  while (
    !measureField(text, target.limit, target.unit).fits &&
    shortenRounds < (options.maxShortenRounds ?? 2)
  ) {
    shortenRounds += 1;
    const shorten = { text, limit: target.limit, unit: target.unit };
    text = await ask(buildShortenPrompt(brief, shorten).messages, { shorten, exclude: excluded });
  }

  const cut = cutToLimit(text, target, brief);
  return {
    field: { name: target.name, index: target.index, shortenRounds, ...cut },
    violations: checkField(cut.text, brief, target, options.brandProfile),
  };
}

/** Cuts text to the target's limit in its unit; for SMS, to what the allowed segments carry. */
function cutToLimit(
  text: string,
  target: FieldTarget,
  brief: CopyBrief,
): Omit<CopyField, 'name' | 'index' | 'shortenRounds'> {
  const measured = measureField(text, target.limit, target.unit);
  let trimmed = { text: text.trim(), truncated: false };
  let final = measureField(trimmed.text, target.limit, target.unit);
  // Packing SMS segments can need a few units less than their capacity, so the cut may repeat.
  for (let limit = measured.limit; !final.fits && limit > 0; limit -= 1) {
    const ellipsis = target.unit === 'SMS' ? smsEllipsis(measured.encoding) : undefined;
    const measure = lengthMeasure(target.unit);
    trimmed = trimToLength(text, limit, { language: brief.language, measure, ellipsis });
    final = measureField(trimmed.text, target.limit, target.unit);
  }
  return {
    text: trimmed.text,
    length: final.length,
    limit: final.limit,
    unit: target.unit,
    truncated: trimmed.truncated,
    encoding: final.encoding,
    segments: final.segments,
  };
}

function checkField(
  text: string,
  brief: CopyBrief,
  target: FieldTarget,
  profile: BrandProfile | undefined,
): CopyViolation[] {
  const personal: CopyViolation[] = findPersonalData(text).map((match) => ({
    rule: 'PERSONAL_DATA',
    severity: 'error',
    text: match.text,
    index: match.index,
    message: `The text contains personal data (${match.kind}): "${match.text}".`,
  }));
  const found = [
    ...checkBrandProfile(text, profile),
    ...findUnsupportedNumbers(text, brief),
    ...personal,
  ];
  const field = target.count > 1 ? `${target.name}[${target.index}]` : target.name;
  return found.map((violation) => ({ ...violation, field }));
}

function hasErrors(violations: CopyViolation[]): boolean {
  return violations.some((violation) => violation.severity === 'error');
}

function summarize(
  brief: CopyBrief,
  variant: number,
  fields: CopyField[],
  violations: CopyViolation[],
  calls: CopyCompletion[],
  provider: CopyProvider,
): ChannelCopy {
  const reported = calls.filter((call) => call.usage !== undefined);
  const usage =
    reported.length === 0
      ? undefined
      : {
          promptTokens: reported.reduce((sum, call) => sum + (call.usage?.promptTokens ?? 0), 0),
          completionTokens: reported.reduce(
            (sum, call) => sum + (call.usage?.completionTokens ?? 0),
            0,
          ),
        };
  const last = calls[calls.length - 1];
  return {
    channel: brief.channel,
    variant,
    fields,
    violations,
    truncated: fields.some((field) => field.truncated),
    provider: last?.provider ?? provider.name,
    model: last?.model ?? provider.model,
    prompts: calls.map((call) => call.prompt),
    latencyMs: calls.reduce((sum, call) => sum + call.latencyMs, 0),
    usage,
  };
}
