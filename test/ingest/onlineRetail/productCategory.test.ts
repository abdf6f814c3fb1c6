import { categorizeProduct, tagProduct } from '../../../src/ingest/onlineRetail/productCategory';

describe('categorizeProduct', () => {
  it.each([
    ['WHITE HANGING HEART T-LIGHT HOLDER', 'Candles and lighting'],
    ['PORCELAIN BUTTERFLY OIL BURNER', 'Candles and lighting'],
    ["PAPER CHAIN KIT 50'S CHRISTMAS", 'Christmas and seasonal'],
    ['JUMBO BAG RED RETROSPOT', 'Bags'],
    ['LUNCH BAG RED RETROSPOT', 'Bags'],
    ['REGENCY CAKESTAND 3 TIER', 'Kitchen and dining'],
    ['PACK OF 72 RETROSPOT CAKE CASES', 'Kitchen and dining'],
    ['PARTY BUNTING', 'Party'],
    ['ASSORTED COLOUR BIRD ORNAMENT', 'Home decor and storage'],
    ['HAND WARMER RED POLKA DOT', 'Warmers and bath'],
    ['DIAMANTE NECKLACE', 'Jewellery and accessories'],
    ['SPACEBOY BIRTHDAY CARD', 'Party'],
    ['WOODEN PICTURE FRAME WHITE FINISH', 'Home decor and storage'],
    ['VICTORIAN GLASS HANGING T-LIGHT', 'Candles and lighting'],
    ['PAPER CRAFT , LITTLE BIRDIE', 'Gift ware'],
    ['MEDIUM CERAMIC TOP STORAGE JAR', 'Kitchen and dining'],
  ])('puts %j in %s', (name, category) => {
    expect(categorizeProduct(name)).toBe(category);
  });

  it('matches whole words only', () => {
    // BAGUETTE contains BAG, and TEAPOTS is not in the table.
    expect(categorizeProduct('BAGUETTE TEAPOTS')).toBe('Gift ware');
  });

  it('ignores letter case', () => {
    expect(categorizeProduct('Jumbo Bag Red')).toBe('Bags');
  });
});

describe('tagProduct', () => {
  it('tags colours, patterns and materials in table order', () => {
    expect(tagProduct('RED RETROSPOT WOODEN HEART')).toEqual(['red', 'heart', 'polka dot', 'wood']);
  });

  it('lists a tag once', () => {
    expect(tagProduct('HEART OF HEARTS')).toEqual(['heart']);
  });

  it('returns no tags for an unknown name', () => {
    expect(tagProduct('INFLATABLE POLITICAL GLOBE')).toEqual([]);
  });
});
