/**
 * SMS length rules of the GSM 7-bit default alphabet (GSM 03.38). A message is sent in GSM-7 when every
 * character is in the GSM default alphabet or its extension table, else in UCS-2.
 * - GSM-7: one segment carries 160 septets, a segment of a longer (concatenated) message 153.
 *   Extension characters take two septets, an escape and the character.
 * - UCS-2: one segment carries 70 UTF-16 code units, a segment of a longer message 67.
 *   A character outside the Basic Multilingual Plane (most emoji) takes two.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** Encoding and segment count of an SMS text. */
export interface SmsAnalysis {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Units one segment carries at this message's segment count: 160 or 153, 70 or 67. */
  unitsPerSegment: number;
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const GSM_BASIC_SET = new Set(GSM_BASIC);
const GSM_EXTENSION_SET = new Set(GSM_EXTENSION);

const SINGLE_SEGMENT_UNITS: Readonly<Record<SmsEncoding, number>> = { 'GSM-7': 160, 'UCS-2': 70 };
const MULTI_SEGMENT_UNITS: Readonly<Record<SmsEncoding, number>> = { 'GSM-7': 153, 'UCS-2': 67 };

/** Tells whether every character of text can be sent in GSM-7. */
export function isGsm7(text: string): boolean {
  for (const character of text) {
    if (!GSM_BASIC_SET.has(character) && !GSM_EXTENSION_SET.has(character)) {
      return false;
    }
  }
  return true;
}

/**
 * Analyses an SMS text: its encoding, its length in that encoding's units and the segments it
 * needs. Segments of a long message are packed greedily without splitting an extension
 * character from its escape or a surrogate pair, as senders do, so the count can exceed
 * `ceil(units / 153)`. An empty text needs 0 segments.
 */
export function analyzeSms(text: string): SmsAnalysis {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const sizes = Array.from(text, (character) => characterUnits(character, encoding));
  const units = sizes.reduce((sum, size) => sum + size, 0);
  if (units <= SINGLE_SEGMENT_UNITS[encoding]) {
    return {
      encoding,
      units,
      segments: units === 0 ? 0 : 1,
      unitsPerSegment: SINGLE_SEGMENT_UNITS[encoding],
    };
  }

  const capacity = MULTI_SEGMENT_UNITS[encoding];
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > capacity) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments, unitsPerSegment: capacity };
}

/** Returns the units that `segments` segments carry in the encoding. */
export function smsCapacity(encoding: SmsEncoding, segments: number): number {
  return segments <= 1 ? SINGLE_SEGMENT_UNITS[encoding] : MULTI_SEGMENT_UNITS[encoding] * segments;
}

function characterUnits(character: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') {
    return character.length;
  }
  return GSM_EXTENSION_SET.has(character) ? 2 : 1;
}
