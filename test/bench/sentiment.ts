/**
 * Benchmark of the offline lexicon sentiment classifier on the labelled review samples in
 * data/sample/reviews/ (see the README there for sources and licences). Prints accuracy and
 * confusion matrices. Run: npx ts-node --transpile-only test/bench/sentiment.ts
 *
 * English labels come from star ratings: 1-2 negative, 3 neutral, 4-5 positive. Chinese labels
 * are binary, so a neutral prediction counts as an error there.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'fs';
import { join } from 'path';

import type { SentimentLabel } from '../../src/analytics';
import { classifySentiment } from '../../src/analytics';

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
const DATA_DIR = join(__dirname, '..', '..', 'data', 'sample', 'reviews');

interface LabelledText {
  text: string;
  truth: SentimentLabel;
}

type Confusion = Record<SentimentLabel, Record<SentimentLabel, number>>;

function readCsv(file: string): Array<Record<string, string>> {
  return parse(readFileSync(join(DATA_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  });
}

/** Maps a 1-5 star rating to a label: 1-2 negative, 3 neutral, 4-5 positive. */
function labelOfRating(rating: number): SentimentLabel {
  if (rating <= 2) {
    return 'negative';
  }
  return rating === 3 ? 'neutral' : 'positive';
}

function loadEnglish(): { items: LabelledText[]; skipped: number } {
  const rows = readCsv('reviews_en.csv');
  const items: LabelledText[] = [];
  for (const row of rows) {
    const text = [row['Title'], row['Review Text']]
      .filter((part) => part && part.trim())
      .join('. ');
    const rating = Number(row['Rating']);
    if (text) {
      items.push({ text, truth: labelOfRating(rating) });
    }
  }
  return { items, skipped: rows.length - items.length };
}

function loadChinese(): { items: LabelledText[]; skipped: number } {
  const rows = readCsv('reviews_zh.csv');
  const items = rows
    .filter((row) => row['text'].trim())
    .map((row) => ({
      text: row['text'],
      truth: (row['label'] === '1' ? 'positive' : 'negative') as SentimentLabel,
    }));
  return { items, skipped: rows.length - items.length };
}

function evaluate(items: readonly LabelledText[], language: 'en' | 'zh'): Confusion {
  const confusion = Object.fromEntries(
    LABELS.map((truth) => [truth, Object.fromEntries(LABELS.map((predicted) => [predicted, 0]))]),
  ) as Confusion;
  for (const item of items) {
    confusion[item.truth][classifySentiment(item.text, { language }).label] += 1;
  }
  return confusion;
}

function report(
  title: string,
  confusion: Confusion,
  truths: readonly SentimentLabel[],
  skipped: number,
): void {
  const total = truths.reduce(
    (sum, truth) => sum + LABELS.reduce((row, p) => row + confusion[truth][p], 0),
    0,
  );
  const correct = truths.reduce((sum, truth) => sum + confusion[truth][truth], 0);
  const recalls = truths.map(
    (truth) => confusion[truth][truth] / LABELS.reduce((row, p) => row + confusion[truth][p], 0),
  );
  const largest = Math.max(
    ...truths.map((truth) => LABELS.reduce((row, p) => row + confusion[truth][p], 0)),
  );

  console.log(`\n${title}: ${total} reviews (${skipped} without text skipped)`);
  console.log(`  accuracy          ${(correct / total).toFixed(4)}  (${correct}/${total})`);
  console.log(
    `  balanced accuracy ${(recalls.reduce((a, b) => a + b, 0) / recalls.length).toFixed(4)}  (mean recall per true class)`,
  );
  console.log(`  majority baseline ${(largest / total).toFixed(4)}`);
  console.log(`  confusion matrix (rows: true label, columns: predicted)`);
  console.log(
    `  ${'true \\ predicted'.padEnd(18)}${LABELS.map((label) => label.padStart(10)).join('')}`,
  );
  for (const truth of truths) {
    console.log(
      `  ${truth.padEnd(18)}${LABELS.map((predicted) => String(confusion[truth][predicted]).padStart(10)).join('')}`,
    );
  }
}

function main(): void {
  const english = loadEnglish();
  const englishConfusion = evaluate(english.items, 'en');
  report(
    'English (reviews_en.csv, 3 classes from ratings)',
    englishConfusion,
    LABELS,
    english.skipped,
  );

  // Ratings 1-2 against 4-5 only: the polar reviews a two-class label set would contain.
  const polar = english.items.filter((item) => item.truth !== 'neutral');
  report(
    'English, 3-star reviews left out (neutral predictions count as errors)',
    evaluate(polar, 'en'),
    ['negative', 'positive'],
    english.skipped,
  );

  const chinese = loadChinese();
  report(
    'Chinese (reviews_zh.csv, 2 classes; neutral predictions count as errors)',
    evaluate(chinese.items, 'zh'),
    ['negative', 'positive'],
    chinese.skipped,
  );
}

main();
