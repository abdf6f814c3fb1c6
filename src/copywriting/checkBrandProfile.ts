import { badInput } from '../shared/errors';
import { countGraphemes } from './graphemes';
import { findPersonalData } from './personalData';
import type { CopyViolation } from './types';

/** A brand's voice and the words and claims its copy must or must not use. */
export interface BrandProfile {
  name: string;
  /** Free-text description of the voice, e.g. "warm, plain-spoken, no exclamation marks". */
  voice?: string;
  /** Words the brand likes to see; a text with none of them gets a warning. */
  preferWords?: string[];
  /** Words the brand never uses; each occurrence is an error. */
  avoidWords?: string[];
  /** Claims the brand never makes, in addition to the default forbidden claims. */
  forbiddenClaims?: string[];
}

/** Bounds of a brand profile's texts, in grapheme clusters, and of its word lists. */
export const BRAND_PROFILE_LIMITS = {
  nameLength: 100,
  voiceLength: 500,
  wordLength: 60,
  words: 50,
} as const;

/**
 * Checks a brand profile before it is stored: a name of 1 to 100 characters, a voice of at
 * most 500, at most 50 entries per list, each 1 to 60 characters, no entry twice in a list
 * (ignoring case), and no personal data anywhere, because every text goes into prompts.
 * Throws `BAD_USER_INPUT` naming the first invalid field, e.g. `avoidWords[2]`.
 */
export function validateBrandProfile(profile: BrandProfile): void {
  checkText('name', profile.name, 1, BRAND_PROFILE_LIMITS.nameLength);
  if (profile.voice !== undefined) {
    checkText('voice', profile.voice, 0, BRAND_PROFILE_LIMITS.voiceLength);
  }
  const lists = {
    preferWords: profile.preferWords,
    avoidWords: profile.avoidWords,
    forbiddenClaims: profile.forbiddenClaims,
  };
  for (const [field, words] of Object.entries(lists)) {
    if (words === undefined) {
      continue;
    }
    if (words.length > BRAND_PROFILE_LIMITS.words) {
      throw badInput(
        field,
        `Invalid ${field} with ${words.length} entries, expected at most ${BRAND_PROFILE_LIMITS.words}.`,
      );
    }
    const seen = new Set<string>();
    words.forEach((word, index) => {
      checkText(`${field}[${index}]`, word, 1, BRAND_PROFILE_LIMITS.wordLength);
      const key = word.trim().toLowerCase();
      if (seen.has(key)) {
        throw badInput(`${field}[${index}]`, `Invalid ${field}: "${word}" is listed twice.`);
      }
      seen.add(key);
    });
  }
}

function checkText(field: string, text: string, minLength: number, maxLength: number): void {
  const length = countGraphemes(text.trim());
  if (length < minLength || length > maxLength) {
    throw badInput(
      field,
      `Invalid ${field} of ${length} characters, expected ${minLength} to ${maxLength} characters.`,
    );
  }
  const found = findPersonalData(text);
  if (found.length > 0) {
    throw badInput(
      field,
      `Invalid ${field}, it contains personal data (${found.map((match) => match.kind).join(', ')}); brand profiles go into prompts, so remove it.`,
    );
  }
}

/**
 * Claims no copy may make, whatever the profile contains: superlative price claims, guarantees and
 * medical claims, in English and Chinese. Each pattern matches whole words in English.
 */
const DEFAULT_CLAIMS: readonly { rule: CopyViolation['rule']; pattern: RegExp }[] = [
  {
    rule: 'FORBIDDEN_CLAIM',
    pattern: /\b(cheapest|lowest[- ]priced?|best[- ]price|unbeatable price)\b/giu,
  },
  { rule: 'FORBIDDEN_CLAIM', pattern: /\b(guaranteed?|risk[- ]free|100% (?:safe|effective))\b/giu },
  { rule: 'FORBIDDEN_CLAIM', pattern: /(最便宜|最低价|全网最低|保证|包退|百分之百|100%有效)/gu },
  {
    rule: 'MEDICAL_CLAIM',
    pattern:
      /\b(cures?|heals?|clinically (?:proven|tested)|FDA[- ]approved|medical[- ]grade|relieves? pain|(?:treats?|prevents?) (?:\w+ ){0,2}(?:disease|illness|infection|cancer|anxiety|depression|insomnia|arthritis))\b/giu,
  },
  { rule: 'MEDICAL_CLAIM', pattern: /(治疗|治愈|根治|疗效|药用|包治|医用级|临床证明)/gu },
];

/**
 * Checks a text against a brand profile and the default forbidden claims. Returns one
 * violation per match, in text order. `AVOID_WORD`, `FORBIDDEN_CLAIM` and `MEDICAL_CLAIM` are
 * errors. `MISSING_PREFERRED_WORD` is a warning, given once when the profile has preferred
 * words and the text uses none. English words match whole words, ignoring case; Chinese words
 * match as substrings, because Chinese has no spaces between words.
 */
export function checkBrandProfile(
  text: string,
  profile: BrandProfile | undefined,
): CopyViolation[] {
  const violations: CopyViolation[] = [];
  for (const { rule, pattern } of DEFAULT_CLAIMS) {
    for (const match of text.matchAll(pattern)) {
      violations.push(claimViolation(rule, match[0], match.index ?? 0));
    }
  }
  for (const claim of profile?.forbiddenClaims ?? []) {
    for (const match of text.matchAll(wordPattern(claim))) {
      violations.push(claimViolation('FORBIDDEN_CLAIM', match[0], match.index ?? 0));
    }
  }
  const brand = profile?.name ?? '';
  for (const word of profile?.avoidWords ?? []) {
    for (const match of text.matchAll(wordPattern(word))) {
      violations.push({
        rule: 'AVOID_WORD',
        severity: 'error',
        text: match[0],
        index: match.index ?? 0,
        message: `The text uses "${match[0]}", a word the brand profile "${brand}" avoids.`,
      });
    }
  }

  const preferred = profile?.preferWords ?? [];
  if (preferred.length > 0 && !preferred.some((word) => wordPattern(word).test(text))) {
    violations.push({
      rule: 'MISSING_PREFERRED_WORD',
      severity: 'warning',
      text: '',
      index: 0,
      message: `The text uses none of the preferred words of the brand profile "${brand}": ${preferred.join(', ')}.`,
    });
  }
  return dedupe(violations).sort((a, b) => a.index - b.index);
}

function claimViolation(rule: CopyViolation['rule'], text: string, index: number): CopyViolation {
  const kind = rule === 'MEDICAL_CLAIM' ? 'a medical claim' : 'a forbidden claim';
  return { rule, severity: 'error', text, index, message: `The text makes ${kind}: "${text}".` };
}

/** Builds a case-insensitive pattern for a word or phrase: whole words unless it contains CJK. */
function wordPattern(word: string): RegExp {
  const escaped = word.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const boundary = /\p{Script=Han}/u.test(word) ? '' : '(?<![\\p{L}\\p{N}])';
  const end = boundary === '' ? '' : '(?![\\p{L}\\p{N}])';
  return new RegExp(`${boundary}${escaped}${end}`, 'giu');
}

/** Drops a violation that repeats the rule, text and position of an earlier one. */
function dedupe(violations: CopyViolation[]): CopyViolation[] {
  const seen = new Set<string>();
  return violations.filter((violation) => {
    const key = `${violation.rule}:${violation.index}:${violation.text}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
