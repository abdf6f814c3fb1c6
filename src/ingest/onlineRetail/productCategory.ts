/**
 * Category and tags of a gift-ware product from the words of its name. The source has no
 * category column, so both come from fixed keyword tables. A keyword matches a whole word or
 * phrase of the upper-cased name, reading punctuation other than `-` and `'` as a space.
 */

/** Category of a product whose name matches no keyword. */
export const DEFAULT_CATEGORY = 'Gift ware';

/**
 * Categories in checking order with their keywords; the first category with a matching keyword
 * wins. Seasonal words come first so a `CHRISTMAS CANDLE` is seasonal, and bags before kitchen so
 * a `LUNCH BAG` is a bag.
 */
// prettier-ignore
export const CATEGORY_KEYWORDS: readonly { category: string; keywords: readonly string[] }[] = [
  {
    category: 'Christmas and seasonal',
    keywords: ['CHRISTMAS', 'XMAS', 'ADVENT', 'SANTA', 'REINDEER', 'SNOWFLAKE', 'EASTER', 'HALLOWEEN', 'VALENTINE'],
  },
  {
    category: 'Candles and lighting',
    keywords: ['CANDLE', 'CANDLES', 'T-LIGHT', 'T-LIGHTS', 'TEALIGHT', 'INCENSE', 'OIL BURNER', 'LANTERN', 'LAMP', 'LIGHT', 'LIGHTS'],
  },
  {
    category: 'Jewellery and accessories',
    keywords: ['NECKLACE', 'BRACELET', 'EARRINGS', 'BROOCH', 'PENDANT', 'DIAMANTE', 'HAIR', 'HAIRCLIP', 'UMBRELLA', 'SCARF'],
  },
  { category: 'Bags', keywords: ['BAG', 'BAGS', 'HANDBAG', 'PURSE', 'SHOPPER', 'TOTE', 'BACKPACK'] },
  {
    category: 'Party',
    keywords: ['PARTY', 'BUNTING', 'BIRTHDAY', 'BALLOONS', 'NAPKINS', 'CONFETTI', 'PAPER CHAIN'],
  },
  {
    category: 'Kitchen and dining',
    keywords: [
      'MUG', 'MUGS', 'CUP', 'CUPS', 'SAUCER', 'PLATE', 'PLATES', 'BOWL', 'BOWLS', 'CUTLERY',
      'TEAPOT', 'TEA', 'COFFEE', 'CAKESTAND', 'CAKE', 'BAKING', 'JAM', 'LUNCH', 'DINNER', 'APRON',
      'TRAY', 'JAR', 'JARS', 'PANTRY', 'KITCHEN', 'COASTER', 'COASTERS', 'CUTTERS', 'RECIPE',
    ],
  },
  {
    category: 'Stationery and gift wrap',
    keywords: [
      'CARD', 'CARDS', 'NOTEBOOK', 'NOTEBOOKS', 'PENCIL', 'PENCILS', 'PEN', 'PENS', 'STICKER',
      'STICKERS', 'WRAP', 'ENVELOPES', 'TAPE', 'RIBBON', 'RIBBONS', 'TAGS', 'ERASER', 'CALENDAR',
    ],
  },
  {
    category: 'Toys and games',
    keywords: ['TOY', 'TOYS', 'JIGSAW', 'GAME', 'GAMES', 'PUZZLE', 'MARBLES', 'DOMINOES', 'SKIPPING', 'PLAYHOUSE', 'DOLL', 'SOLDIERS'],
  },
  { category: 'Garden', keywords: ['GARDEN', 'PARASOL', 'WATERING', 'PLANTER', 'BIRD FEEDER'] },
  {
    category: 'Home decor and storage',
    keywords: [
      'FRAME', 'MIRROR', 'CLOCK', 'CUSHION', 'SIGN', 'DOORMAT', 'DOORSTOP', 'HOOK', 'HOOKS',
      'HANGER', 'DECORATION', 'ORNAMENT', 'VASE', 'GARLAND', 'WREATH', 'CABINET', 'DRAWER',
      'STORAGE', 'BASKET', 'KNOB', 'TILE', 'SHELF', 'THROW', 'QUILT', 'BOX', 'BOXES', 'TIN', 'TINS', 'HOLDER',
    ],
  },
  {
    category: 'Warmers and bath',
    keywords: ['WARMER', 'WARMERS', 'HOT WATER BOTTLE', 'BATH', 'BATHROOM', 'SOAP', 'TOWEL', 'SPONGE'],
  },
];

/** Tags in output order with the name words that give them, e.g. `HEARTS` gives `heart`. */
export const TAG_KEYWORDS: readonly { tag: string; keywords: readonly string[] }[] = [
  ...[
    'red',
    'pink',
    'blue',
    'green',
    'white',
    'black',
    'ivory',
    'cream',
    'silver',
    'gold',
    'purple',
    'yellow',
    'orange',
    'brown',
  ].map((colour) => ({ tag: colour, keywords: [colour.toUpperCase()] })),
  { tag: 'heart', keywords: ['HEART', 'HEARTS'] },
  { tag: 'vintage', keywords: ['VINTAGE', 'RETRO', 'ANTIQUE'] },
  { tag: 'polka dot', keywords: ['RETROSPOT', 'POLKADOT', 'SPOTTY', 'SPOT', 'SPOTS'] },
  { tag: 'floral', keywords: ['FLOWER', 'FLOWERS', 'FLORAL', 'ROSE', 'ROSES', 'DAISY', 'BLOSSOM'] },
  { tag: 'christmas', keywords: ['CHRISTMAS', 'XMAS'] },
  { tag: 'easter', keywords: ['EASTER'] },
  { tag: 'children', keywords: ['CHILDRENS', "CHILDREN'S", 'KIDS', 'BABY'] },
  { tag: 'glass', keywords: ['GLASS'] },
  { tag: 'metal', keywords: ['METAL', 'ZINC', 'ENAMEL', 'TIN'] },
  { tag: 'wood', keywords: ['WOOD', 'WOODEN'] },
  { tag: 'ceramic', keywords: ['CERAMIC', 'PORCELAIN'] },
  { tag: 'paper', keywords: ['PAPER'] },
  { tag: 'felt', keywords: ['FELT', 'FELTCRAFT'] },
];

/** Returns the category of the first keyword table entry matching the name, else `Gift ware`. */
export function categorizeProduct(name: string): string {
  const words = wordsOf(name);
  const entry = CATEGORY_KEYWORDS.find(({ keywords }) =>
    keywords.some((keyword) => words.includes(` ${keyword} `)),
  );
  return entry?.category ?? DEFAULT_CATEGORY;
}

/** Returns the tags whose keywords occur in the name, in `TAG_KEYWORDS` order. */
export function tagProduct(name: string): string[] {
  const words = wordsOf(name);
  return TAG_KEYWORDS.filter(({ keywords }) =>
    keywords.some((keyword) => words.includes(` ${keyword} `)),
  ).map(({ tag }) => tag);
}

/** Returns the upper-cased name with punctuation other than `-` and `'` read as spaces, padded with spaces. */
function wordsOf(name: string): string {
  return ` ${name.toUpperCase().replace(/[^A-Z0-9'-]+/g, ' ')} `;
}
