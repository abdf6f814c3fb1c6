/** Kinds of personal data the check looks for. */
export type PersonalDataKind = 'EMAIL' | 'PHONE' | 'CUSTOMER_ID' | 'NAME' | 'CARD_NUMBER';

/** One piece of personal data found in a text. */
export interface PersonalDataMatch {
  kind: PersonalDataKind;
  text: string;
  /** UTF-16 offset of the match in the text. */
  index: number;
}

const PATTERNS: readonly { kind: PersonalDataKind; pattern: RegExp }[] = [
  // Bounded repetitions (the longest local part and domain RFC 5321 allows) keep the scan
  // linear in the text's length; unbounded ones backtrack quadratically on long words.
  { kind: 'EMAIL', pattern: /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,253}\.\p{L}{2,24}/gu },
  {
    kind: 'CUSTOMER_ID',
    pattern:
      /\b(?:customer|cust|client|user|member|account|order)[\s_-]*(?:id|no\.?|number|#)?[\s:#=-]*[A-Z]{0,3}\d{4,}\b|(?:客户|会员|用户|顾客)(?:编号|号|ID|id)[\s:：#]*[A-Z]{0,3}\d{4,}/giu,
  },
  { kind: 'CARD_NUMBER', pattern: /\b(?:\d[ -]?){13,19}\b/g },
  { kind: 'PHONE', pattern: /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{6,16}\d/g },
  {
    kind: 'NAME',
    pattern:
      /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?|\bDear\s+\p{Lu}[\p{L}'-]+|\p{Script=Han}(?:先生|女士|小姐)/gu,
  },
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MIN_PHONE_DIGITS = 9;
const MAX_PHONE_DIGITS = 15;

/**
 * Finds personal data in a text: email addresses, phone numbers, customer or order ids,
 * payment card numbers (by the Luhn checksum) and personal names after an honorific ("Mr",
 * "Dear", "先生"). Matches are returned in text order and do not overlap.
 * NOTE: this is pattern matching, so a bare name without an honorific is not found. A Chinese
 * name before 先生/女士/小姐 is matched by its last character only. A long product number with
 * phone-like grouping (9-15 digits) is reported as a phone number.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const { kind, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const candidate = { kind, text: match[0].trim(), index: match.index ?? 0 };
      if (isPlausible(candidate) && !overlapsAny(candidate, matches)) {
        matches.push(candidate);
      }
    }
  }
  return matches.sort((a, b) => a.index - b.index);
}

/** Replaces each piece of personal data in text with a placeholder such as `[removed email]`. */
export function redactPersonalData(text: string): string {
  let redacted = text;
  for (const match of findPersonalData(text).reverse()) {
    const placeholder = `[removed ${match.kind.toLowerCase().replace('_', ' ')}]`;
    redacted =
      redacted.slice(0, match.index) +
      placeholder +
      redacted.slice(match.index + match.text.length);
  }
  return redacted;
}

function isPlausible(match: PersonalDataMatch): boolean {
  const digits = match.text.replace(/\D/g, '');
  switch (match.kind) {
    case 'CARD_NUMBER':
      return passesLuhn(digits);
    case 'PHONE':
      return (
        digits.length >= MIN_PHONE_DIGITS &&
        digits.length <= MAX_PHONE_DIGITS &&
        !ISO_DATE.test(match.text)
      );
    default:
      return true;
  }
}

function overlapsAny(candidate: PersonalDataMatch, matches: PersonalDataMatch[]): boolean {
  const end = candidate.index + candidate.text.length;
  return matches.some(
    (match) => candidate.index < match.index + match.text.length && match.index < end,
  );
}

/** Checks a digit string with the Luhn mod-10 checksum that payment card numbers carry. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}
