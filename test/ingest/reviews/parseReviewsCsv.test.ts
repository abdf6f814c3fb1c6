import { parseReviewsCsv } from '../../../src/ingest/reviews/parseReviewsCsv';
import { catchImportError } from '../harness';

describe('parseReviewsCsv', () => {
  it('parses English and Chinese reviews', () => {
    const csv = [
      'sku,rating,text,language,date,review_id',
      '85123A,5,"Lovely, and arrived quickly.",en,2011-12-01,r1',
      '85123A,1,"包装破损，灯座裂了",ZH,,r2',
    ].join('\n');

    expect(parseReviewsCsv(csv)).toEqual([
      {
        sku: '85123A',
        rating: 5,
        text: 'Lovely, and arrived quickly.',
        language: 'en',
        date: '2011-12-01',
        reviewId: 'r1',
      },
      {
        sku: '85123A',
        rating: 1,
        text: '包装破损，灯座裂了',
        language: 'zh',
        date: null,
        reviewId: 'r2',
      },
    ]);
  });

  it('keeps multi-line text as written', () => {
    const csv = 'sku,rating,text,language,date\n22423,4,"Sturdy.\r\nSays ""3 tier"" and is.",en,\n';

    expect(parseReviewsCsv(csv)[0]).toMatchObject({
      text: 'Sturdy.\r\nSays "3 tier" and is.',
      reviewId: null,
    });
  });

  it('accepts an empty text', () => {
    expect(parseReviewsCsv('sku,rating,text,language,date\n22423,3,,en,\n')[0].text).toBe('');
  });

  it('lists every malformed line', () => {
    const csv = [
      'sku,rating,text,language,date,review_id',
      '85123A,"first line',
      'second line",en,2011-12-01,r1',
      '85123A,0,Bad,en,,r2',
      '85123A,4.5,Bad,en,,r3',
      '85123A,4,Bad,fr,,r4',
      ',4,Bad,en,2011-02-30,r5',
      '85123A,4,Fine,en,,r6',
      '85123A,4,Again,en,,r6',
    ].join('\n');

    const error = catchImportError(() => parseReviewsCsv(csv));

    expect(error.problems.map(({ line, message }) => [line, message])).toEqual([
      [2, 'The row has 5 fields but the header has 6; quote any field that contains a comma.'],
      [4, 'rating "0" is out of range; expected a whole number from 1 to 5.'],
      [5, 'rating "4.5" is not a whole number.'],
      [6, 'language "fr" is invalid; expected one of zh, en.'],
      [7, 'sku is missing.'],
      [7, 'date "2011-02-30" is not a valid date; expected YYYY-MM-DD.'],
      [9, 'review_id "r6" is listed again; it was first listed on line 8.'],
    ]);
  });
});
