import { renderPrompt } from '../buildPrompt';
import { describePeriod, formatPrice } from '../describeFacts';
import { findInjectionSignals } from '../findInjectionSignals';
import { countGraphemes, splitGraphemes } from '../graphemes';
import { measureField } from '../channelPresets';
import type {
  CopyBrief,
  CopyChannel,
  CopyCompletion,
  CopyProvider,
  CopyRequest,
  FieldTarget,
} from '../types';
import type { PhraseBank } from './builtinPhrases';
import { PHRASE_BANKS } from './builtinPhrases';

export const BUILTIN_PROVIDER_NAME = 'builtin';
export const BUILTIN_MODEL = 'builtin-template-v1';

const MAX_NAME_LENGTH = 80;
const MAX_DESCRIPTION_SENTENCE_LENGTH = 200;
const MAX_HASHTAGS = 3;
const HAN_CHARACTER = /\p{Script=Han}/u;

/**
 * Writes copy offline from phrase templates filled with the product's attributes, its sales
 * trend and its latest forecast, in Chinese or English, per channel and tone. Output depends
 * only on the request: the same brief and variant always give the same text, and variants of
 * one brief differ in their opening and phrasing. Product text that reads like instructions to
 * a model (see `findInjectionSignals`) is left out of the copy. A shorten request composes the
 * same variant again within the shorter limit. A request with `exclude` texts (a regeneration
 * after a check failed) picks other phrases, leaves out optional sentences and replaces a
 * product name or category that contain any of them.
 */
export class BuiltinProvider implements CopyProvider {
  readonly name = BUILTIN_PROVIDER_NAME;
  readonly model = BUILTIN_MODEL;

  /** Composes the text; never rejects for a brief that `validateBrief` accepts. */
  async generate(request: CopyRequest): Promise<CopyCompletion> {
    const started = performance.now();
    const { brief, variant, field, shorten, exclude = [] } = request;
    let text: string;
    if (field) {
      const target = shorten ? { ...field, limit: shorten.limit, unit: shorten.unit } : field;
      text = composeField(brief, target, variant, exclude);
    } else {
      const maxLength = shorten?.limit ?? brief.maxLength;
      text = composeCopy({ ...brief, maxLength }, variant, exclude);
    }
    return {
      text,
      provider: this.name,
      model: this.model,
      prompt: renderPrompt(request.messages),
      latencyMs: Math.round(performance.now() - started),
    };
  }
}

/** The brief's values as they appear in copy, checked and shortened. */
interface Facts {
  name: string;
  category: string;
  price: string;
  change: string;
  peak: string;
  description?: string;
  hashtags: string[];
}

/** The sentences one variant is composed from, filled in. */
interface Phrases {
  bank: PhraseBank;
  facts: Facts;
  opening: string;
  trend?: string;
  trendShort?: string;
  peak?: string;
  price: string;
  call: string;
  range: string;
}

type Fits = (text: string) => boolean;

/**
 * Composes one variant of the copy a brief describes. Sentences after the first are added in
 * order of importance while the text stays within `brief.maxLength` grapheme clusters. The
 * first sentence is kept even when it alone is longer, so callers still trim the result.
 * NOTE: variants differ first by their opening (four per tone). When a tight limit leaves room
 * for little more than the opening, as in a subject line with a long product name, variants
 * past the fourth can repeat earlier ones.
 */
export function composeCopy(
  brief: CopyBrief,
  variant: number,
  exclude: readonly string[] = [],
): string {
  const fits: Fits = (text) => countGraphemes(text) <= brief.maxLength;
  return composeChannel(brief.channel, choosePhrases(brief, variant, exclude), fits);
}

/**
 * Composes one field of a channel preset, such as the second search ad headline, within the
 * field's limit counted in its own unit. Like `composeCopy`, the result can still be too long
 * when even its shortest phrase does not fit.
 */
export function composeField(
  brief: CopyBrief,
  field: FieldTarget,
  variant: number,
  exclude: readonly string[] = [],
): string {
  const phrases = choosePhrases(brief, variant, exclude);
  const fits: Fits = (text) => measureField(text, field.limit, field.unit).fits;
  const { bank, facts } = phrases;
  const sentences = (parts: (string | undefined)[]): string =>
    joinWhileFits(parts, bank.space, fits);

  switch (field.name) {
    case 'headline': {
      const candidates = [
        facts.name,
        phrases.trendShort,
        stripEnd(phrases.price),
        stripEnd(phrases.call),
        facts.category,
      ];
      return pickFitting(candidates, variant + field.index, fits);
    }
    case 'description':
      if (brief.channel !== 'SEARCH_AD') {
        return composeChannel(brief.channel, phrases, fits);
      }
      if (field.index % 2 === 1) {
        return sentences([
          phrases.trend ?? phrases.peak,
          phrases.price,
          phrases.call,
          phrases.opening,
        ]);
      }
      return sentences([phrases.opening, phrases.trend, phrases.price, phrases.call]);
    case 'preheader':
      return sentences([phrases.trend, phrases.peak, phrases.price, phrases.call]);
    default:
      return composeChannel(brief.channel, phrases, fits);
  }
}

function choosePhrases(brief: CopyBrief, variant: number, exclude: readonly string[]): Phrases {
  const bank = PHRASE_BANKS[brief.language];
  const isClean = makeCleanCheck(exclude);
  const facts = collectFacts(brief, bank, isClean);
  const openings = bank.openings[brief.tone];
  const pick = makePicker(brief.product.sku, variant, openings);
  const fill = (template: string): string => fillTemplate(template, facts);

  // The variant's own phrase when it is clean, else the next clean one in the list.
  const choose = (list: readonly string[]): string | undefined => {
    const start = list.indexOf(pick(list));
    const rotated = list.map((_unused, offset) => fill(list[(start + offset) % list.length]));
    return rotated.find(isClean);
  };
  const required = (list: readonly string[]): string => choose(list) ?? fill(pick(list));
  return {
    bank,
    facts,
    opening: required(openings),
    trend: brief.sales ? choose(bank.trend[brief.sales.trend]) : undefined,
    trendShort: brief.sales ? choose(bank.trendShort[brief.sales.trend]) : undefined,
    peak: brief.forecast ? choose(bank.peak) : undefined,
    price: required(bank.price),
    call: required(bank.calls[brief.channel]),
    range: fill(bank.range),
  };
}

/** Returns a check that a text contains none of the excluded texts, ignoring case. */
function makeCleanCheck(exclude: readonly string[]): Fits {
  const lowered = exclude.map((text) => text.trim().toLowerCase()).filter((text) => text !== '');
  return (text) => {
    const candidate = text.toLowerCase();
    return lowered.every((excluded) => !candidate.includes(excluded));
  };
}

function composeChannel(channel: CopyChannel, phrases: Phrases, fits: Fits): string {
  const { bank, facts, opening, trend, trendShort, peak, price, call } = phrases;
  const sentences = (parts: (string | undefined)[], partFits: Fits = fits): string =>
    joinWhileFits(parts, bank.space, partFits);

  switch (channel) {
    case 'EMAIL_SUBJECT':
      return joinWhileFits([stripEnd(opening), trendShort], ' | ', fits);
    case 'SMS':
      return sentences([
        opening,
        trendShort ? `${trendShort}${bank.stop}` : undefined,
        price,
        call,
      ]);
    case 'SEARCH_AD': {
      const headline = trendShort ? `${facts.name} | ${trendShort}` : facts.name;
      const lineFits: Fits = (line) => fits(`${headline}\n${line}`);
      return joinWhileFits(
        [headline, sentences([opening, trend, price, call], lineFits)],
        '\n',
        fits,
      );
    }
    case 'SOCIAL_POST': {
      const hashtags = facts.hashtags.length > 0 ? facts.hashtags.join(' ') : undefined;
      return joinWhileFits([sentences([opening, trend, price, call]), hashtags], '\n', fits);
    }
    case 'EMAIL':
      return joinWhileFits(
        [
          sentences([opening, facts.description]),
          sentences([trend, peak]),
          sentences([price, call]),
        ],
        '\n\n',
        fits,
      );
    case 'PRODUCT_PAGE':
      return sentences([opening, facts.description, phrases.range, trend, peak, price, call]);
  }
}

/**
 * Returns the candidate at `start` among those that fit, wrapping around, so consecutive
 * starts give distinct texts while enough fit. When none fits, returns the shortest.
 */
function pickFitting(candidates: (string | undefined)[], start: number, fits: Fits): string {
  const defined = candidates.filter((candidate): candidate is string => !!candidate);
  const fitting = defined.filter(fits);
  if (fitting.length > 0) {
    return fitting[start % fitting.length];
  }
  return defined.reduce((shortest, candidate) =>
    candidate.length < shortest.length ? candidate : shortest,
  );
}

function collectFacts(brief: CopyBrief, bank: PhraseBank, isClean: Fits): Facts {
  const { product, sales, forecast, language } = brief;
  const usable = (text: string) => isUsable(text, MAX_NAME_LENGTH) && isClean(text);
  const name = usable(product.name) ? product.name.trim() : bank.fallbackName;
  const category = usable(product.category) ? product.category.trim() : bank.fallbackCategory;
  const description = firstSentence(product.description, language);
  return {
    name,
    category,
    price: formatPrice(product.price, language),
    change: sales ? String(Math.abs(Math.round(sales.changePercent))) : '',
    peak: forecast ? describePeriod(forecast.nextPeak.period, forecast.granularity, language) : '',
    description: description !== undefined && isClean(description) ? description : undefined,
    hashtags: product.tags
      .map(toHashtag)
      .filter((tag) => tag !== '' && isClean(tag))
      .slice(0, MAX_HASHTAGS),
  };
}

function isUsable(text: string, maxLength: number): boolean {
  const trimmed = text.trim();
  return (
    trimmed !== '' &&
    countGraphemes(trimmed) <= maxLength &&
    findInjectionSignals(trimmed).length === 0
  );
}

/**
 * Returns the description's first sentence when it is short, reads as plain text and is in
 * the copy's language (Chinese copy takes only a sentence with Han characters, English copy
 * only one without), else `undefined`.
 */
function firstSentence(description: string, language: CopyBrief['language']): string | undefined {
  if (HAN_CHARACTER.test(description) !== (language === 'zh')) {
    return undefined;
  }
  const flattened = description.replace(/\s+/g, ' ').trim();
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const first = segmenter.segment(flattened)[Symbol.iterator]().next().value?.segment.trim();
  if (!first || !isUsable(first, MAX_DESCRIPTION_SENTENCE_LENGTH)) {
    return undefined;
  }
  // A sentence without its own terminal punctuation gets one, so the next sentence reads apart.
  return /[.!?。！？]$/u.test(first) ? first : `${first}${language === 'zh' ? '。' : '.'}`;
}

function toHashtag(tag: string): string {
  if (findInjectionSignals(tag).length > 0) {
    return '';
  }
  const word = tag.replace(/[^\p{L}\p{N}]+/gu, '');
  return word === '' ? '' : `#${splitGraphemes(word).slice(0, 30).join('')}`;
}

/**
 * Returns a function that picks this variant's entry from a list. Indexes advance by one per
 * variant and, in lists other than the openings, by one more per full cycle of openings, so a
 * variant past the last opening still differs from the one that shares its opening. A hash of
 * the SKU offsets every pick, so products with alike data open differently.
 */
function makePicker(sku: string, variant: number, openings: readonly string[]) {
  const seed = hashString(sku);
  const cycle = Math.floor(variant / openings.length);
  return (list: readonly string[]): string => {
    const shift = list === openings ? 0 : cycle;
    return list[(seed + variant + shift) % list.length];
  };
}

/** Hashes a string with 32-bit FNV-1a. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function fillTemplate(template: string, facts: Facts): string {
  return template.replace(/\{(name|category|price|change|peak)\}/g, (_match, key: string) =>
    String(facts[key as 'name' | 'category' | 'price' | 'change' | 'peak']),
  );
}

/** Joins the defined parts, adding each after the first only while the result still fits. */
function joinWhileFits(
  parts: (string | undefined)[],
  separator: string,
  fits: (text: string) => boolean,
): string {
  let text = '';
  for (const part of parts) {
    if (part === undefined || part === '') {
      continue;
    }
    if (text === '') {
      text = part;
    } else if (fits(text + separator + part)) {
      text = text + separator + part;
    }
  }
  return text;
}

function stripEnd(sentence: string): string {
  return sentence.replace(/[.。]$/u, '');
}
