import { analyzeSms, smsCapacity } from './analyzeSms';
import type { SmsEncoding } from './analyzeSms';
import { countGraphemes } from './graphemes';
import { countGoogleAdsLength, countXWeightedLength } from './platformLengths';
import type { LengthMeasure } from './trimToLength';
import type { CopyChannel, LengthUnit } from './types';

/** One field a channel needs, with its limit in the platform's own unit. */
export interface FieldPreset {
  /** Field name, e.g. `headline`. */
  name: string;
  description: string;
  /** How many fields of this name are written by default. */
  count: number;
  /** Minimum and maximum counts the platform accepts. */
  minCount: number;
  maxCount: number;
  /** Maximum length per field, in `unit`; for `SMS`, in segments. */
  limit: number;
  unit: LengthUnit;
  /** True when the platform rejects longer text; false when the limit is a display convention. */
  enforcedByPlatform: boolean;
}

/** The fields and limits of one channel. */
export interface ChannelPreset {
  channel: CopyChannel;
  description: string;
  fields: FieldPreset[];
}

/** The counted length of one field text against its limit. */
export interface FieldLength {
  /** Length in `unit`; for `SMS`, in septets (GSM-7) or UTF-16 code units (UCS-2). */
  length: number;
  /** Limit in the same unit as `length`; for `SMS`, what the allowed segments carry. */
  limit: number;
  unit: LengthUnit;
  fits: boolean;
  /** For `SMS`: the encoding and the segments the text needs. */
  encoding?: SmsEncoding;
  segments?: number;
}

function field(
  preset: Omit<FieldPreset, 'minCount' | 'maxCount'> & Partial<FieldPreset>,
): FieldPreset {
  return { minCount: preset.count, maxCount: preset.count, ...preset };
}

/**
 * Channel presets. Search ad limits are those of Google Ads responsive search ads, the social
 * post limit is X's 280 weighted characters, and an SMS is held to one segment.
 * NOTE: the email subject (60), preheader (100), email body (2000) and product description
 * (2000) limits are common display and marketplace conventions, not limits a platform enforces.
 */
export const CHANNEL_PRESETS: Readonly<Record<CopyChannel, ChannelPreset>> = {
  SEARCH_AD: {
    channel: 'SEARCH_AD',
    description: 'Google Ads responsive search ad',
    fields: [
      field({
        name: 'headline',
        description: 'Headline',
        count: 3,
        minCount: 3,
        maxCount: 15,
        limit: 30,
        unit: 'GOOGLE_ADS',
        enforcedByPlatform: true,
      }),
      field({
        name: 'description',
        description: 'Description line',
        count: 2,
        minCount: 2,
        maxCount: 4,
        limit: 90,
        unit: 'GOOGLE_ADS',
        enforcedByPlatform: true,
      }),
    ],
  },
  SOCIAL_POST: {
    channel: 'SOCIAL_POST',
    description: 'Social media post, counted as X (Twitter) counts it',
    fields: [
      field({
        name: 'post',
        description: 'Post text',
        count: 1,
        limit: 280,
        unit: 'X_WEIGHTED',
        enforcedByPlatform: true,
      }),
    ],
  },
  EMAIL_SUBJECT: {
    channel: 'EMAIL_SUBJECT',
    description: 'Email subject line with preheader',
    fields: [
      field({
        name: 'subject',
        description: 'Subject line',
        count: 1,
        limit: 60,
        unit: 'GRAPHEMES',
        enforcedByPlatform: false,
      }),
      field({
        name: 'preheader',
        description: 'Preheader shown after the subject in the inbox',
        count: 1,
        limit: 100,
        unit: 'GRAPHEMES',
        enforcedByPlatform: false,
      }),
    ],
  },
  EMAIL: {
    channel: 'EMAIL',
    description: 'Marketing email body',
    fields: [
      field({
        name: 'body',
        description: 'Email body',
        count: 1,
        limit: 2000,
        unit: 'GRAPHEMES',
        enforcedByPlatform: false,
      }),
    ],
  },
  PRODUCT_PAGE: {
    channel: 'PRODUCT_PAGE',
    description: 'Product page description',
    fields: [
      field({
        name: 'description',
        description: 'Product description',
        count: 1,
        limit: 2000,
        unit: 'GRAPHEMES',
        enforcedByPlatform: false,
      }),
    ],
  },
  SMS: {
    channel: 'SMS',
    description: 'Text message (SMS) in one segment',
    fields: [
      field({
        name: 'message',
        description: 'Message text',
        count: 1,
        limit: 1,
        unit: 'SMS',
        enforcedByPlatform: true,
      }),
    ],
  },
};

/** Lists every channel preset, in the order of `COPY_CHANNELS`, e.g. for a `channels` query. */
export function listChannelPresets(): ChannelPreset[] {
  return Object.values(CHANNEL_PRESETS);
}

/** Counts a field text in the unit of its limit and checks whether it fits. */
export function measureField(text: string, limit: number, unit: LengthUnit): FieldLength {
  if (unit === 'SMS') {
    const sms = analyzeSms(text);
    const capacity = smsCapacity(sms.encoding, limit);
    return {
      length: sms.units,
      limit: capacity,
      unit,
      fits: sms.segments <= limit,
      encoding: sms.encoding,
      segments: sms.segments,
    };
  }
  const length = lengthMeasure(unit)(text);
  return { length, limit, unit, fits: length <= limit };
}

/**
 * Returns the function that counts text in a unit. For `SMS` it counts the text's own encoding
 * units (septets or UTF-16 code units), the scale `smsCapacity` states limits in.
 */
export function lengthMeasure(unit: LengthUnit): LengthMeasure {
  switch (unit) {
    case 'GRAPHEMES':
      return countGraphemes;
    case 'GOOGLE_ADS':
      return countGoogleAdsLength;
    case 'X_WEIGHTED':
      return countXWeightedLength;
    case 'SMS':
      return (text) => analyzeSms(text).units;
  }
}

/** Describes a limit in words a language model understands, e.g. "30 characters (…)". */
export function describeLimit(limit: number, unit: LengthUnit): string {
  switch (unit) {
    case 'GRAPHEMES':
      return `${limit} characters`;
    case 'GOOGLE_ADS':
      return `${limit} characters, where each Chinese, Japanese or Korean character counts as two`;
    case 'X_WEIGHTED':
      return `${limit} characters, where each Chinese, Japanese or Korean character and each emoji counts as two`;
    case 'SMS':
      return `${smsCapacity('GSM-7', limit)} plain Latin characters, or ${smsCapacity('UCS-2', limit)} characters if it contains Chinese characters, emoji or other symbols`;
  }
}

/** Returns the truncation mark for an SMS: `...` keeps GSM-7 text in GSM-7, where `…` is not. */
export function smsEllipsis(encoding: SmsEncoding | undefined): string {
  return encoding === 'GSM-7' ? '...' : '…';
}
