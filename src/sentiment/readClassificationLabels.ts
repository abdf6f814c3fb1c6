import type { SentimentLabel } from '../analytics';

/** One class and its probability, as a text-classification model returns it. */
export interface ClassScore {
  label: string;
  score: number;
}

/**
 * Maps a model's class name to a sentiment label. Understood names, in any letter case:
 * `positive`/`pos`, `neutral`/`neu`, `negative`/`neg` (and names that contain them, such as
 * `LABEL_POSITIVE`); star ratings `1 star` to `5 stars` (1-2 negative, 3 neutral, 4-5
 * positive); and the index labels `LABEL_0`, `LABEL_1`, `LABEL_2`, read as negative, neutral and
 * positive when the model has three classes, and as negative and positive when it has two.
 * Returns undefined for any other name.
 */
export function readSentimentLabel(label: string, classCount: number): SentimentLabel | undefined {
  const name = label.trim().toLowerCase();
  const stars = /^([1-5])\s*stars?$/.exec(name);
  if (stars) {
    const count = Number(stars[1]);
    if (count <= 2) {
      return 'negative';
    }
    return count === 3 ? 'neutral' : 'positive';
  }
  const index = /^label_(\d)$/.exec(name);
  if (index) {
    const order: readonly SentimentLabel[] =
      classCount === 2 ? ['negative', 'positive'] : ['negative', 'neutral', 'positive'];
    return order[Number(index[1])];
  }
  if (name.includes('neg')) {
    return 'negative';
  }
  if (name.includes('neu')) {
    return 'neutral';
  }
  if (name.includes('pos')) {
    return 'positive';
  }
  return undefined;
}

/**
 * Turns a model's class scores into a label and a score in [-1, 1]. The label is the class with
 * the highest probability; the score is the summed probability of the positive classes minus
 * that of the negative ones. Returns the first unknown class name instead when one occurs.
 */
export function readClassScores(
  scores: readonly ClassScore[],
): { label: SentimentLabel; score: number } | { unknownLabel: string } {
  let positive = 0;
  let negative = 0;
  let best: { label: SentimentLabel; probability: number } | undefined;
  for (const entry of scores) {
    const label = readSentimentLabel(entry.label, scores.length);
    if (label === undefined) {
      return { unknownLabel: entry.label };
    }
    if (label === 'positive') {
      positive += entry.score;
    } else if (label === 'negative') {
      negative += entry.score;
    }
    if (!best || entry.score > best.probability) {
      best = { label, probability: entry.score };
    }
  }
  if (!best) {
    return { unknownLabel: '(no classes)' };
  }
  return { label: best.label, score: Math.max(-1, Math.min(1, positive - negative)) };
}
