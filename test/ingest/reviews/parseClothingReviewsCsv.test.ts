import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseClothingReviewsCsv } from '../../../src/ingest/reviews/parseClothingReviewsCsv';
import { catchImportError, SAMPLE_DIR } from '../harness';

const HEADER = ',Clothing ID,Age,Title,Review Text,Rating,Recommended IND';

describe('parseClothingReviewsCsv', () => {
  it('maps the source columns', () => {
    const csv = `${HEADER}\n3,1049,50,My favorite buy!,"I love, love, love this jumpsuit.",5,1\n0,767,33,,Absolutely wonderful,4,1\n`;

    expect(parseClothingReviewsCsv(csv)).toEqual([
      {
        sku: 'CLOTHING-1049',
        rating: 5,
        text: 'My favorite buy!\nI love, love, love this jumpsuit.',
        language: 'en',
        date: null,
        reviewId: 'clothing-3',
      },
      {
        sku: 'CLOTHING-767',
        rating: 4,
        text: 'Absolutely wonderful',
        language: 'en',
        date: null,
        reviewId: 'clothing-0',
      },
    ]);
  });

  it('reports bad rows by line', () => {
    const csv = `${HEADER}\n1,767,33,"Two\r\nlines",Fine,5,1\n2,767,33,,Fine,5,0\n2,767,33,,Again,5,0\n3,767,33,,Bad,6,0\n`;

    const error = catchImportError(() => parseClothingReviewsCsv(csv));

    expect(error.problems.map(({ line, message }) => [line, message])).toEqual([
      [5, 'Row number "2" is listed again; it was first listed on line 4.'],
      [6, 'Rating "6" is out of range; expected a whole number from 1 to 5.'],
    ]);
  });

  it('names the unnamed column in messages', () => {
    const error = catchImportError(() => parseClothingReviewsCsv(`${HEADER}\n,767,33,,Text,5,1\n`));

    expect(error.problems[0].message).toBe('The unnamed column is missing.');
  });

  it('reads the shipped sample', () => {
    const reviews = parseClothingReviewsCsv(
      readFileSync(join(SAMPLE_DIR, 'reviews', 'reviews_en.csv'), 'utf8'),
    );
    const ratings = [1, 2, 3, 4, 5].map(
      (stars) => reviews.filter((review) => review.rating === stars).length,
    );

    // Rating mix of the sample as published with it: 171, 364, 638, 1176 and 2912 reviews.
    expect(reviews).toHaveLength(5261);
    expect(ratings).toEqual([171, 364, 638, 1176, 2912]);
    expect(new Set(reviews.map((review) => review.sku)).size).toBe(241);
  });
});
