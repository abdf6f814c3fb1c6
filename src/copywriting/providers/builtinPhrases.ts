/**
 * Phrase banks of the builtin provider, per language. Placeholders in braces are filled from
 * the brief: `{name}` product label, `{category}`, `{price}`, `{change}` percent change of
 * sales, `{peak}` the forecast's peak period. Every phrase states only facts from the brief.
 */
import type { CopyChannel, CopyTone, Language, TrendDirection } from '../types';

export interface PhraseBank {
  openings: Readonly<Record<CopyTone, readonly string[]>>;
  trend: Readonly<Record<TrendDirection, readonly string[]>>;
  /** Short forms for subject lines, headlines and SMS. */
  trendShort: Readonly<Record<TrendDirection, readonly string[]>>;
  peak: readonly string[];
  price: readonly string[];
  calls: Readonly<Record<CopyChannel, readonly string[]>>;
  /** Label for a product whose own name cannot be used. */
  fallbackName: string;
  /** Label for a category that cannot be used. */
  fallbackCategory: string;
  /** Separator between sentences. */
  space: string;
  /** Separator after a label, as in "Name: text". */
  colon: string;
  /** Sentence-ending punctuation. */
  stop: string;
  range: string;
}

const ENGLISH: PhraseBank = {
  openings: {
    FRIENDLY: [
      'Meet the {name}.',
      'Say hello to the {name}.',
      'Looking for something new? Try the {name}.',
      'Here is one we love: the {name}.',
    ],
    PROFESSIONAL: [
      'Introducing the {name}.',
      'Discover the {name}.',
      'The {name}, from our {category} range.',
      'The {name}: well made and ready for everyday use.',
    ],
    PLAYFUL: [
      'Psst, the {name} is calling.',
      'Plot twist: you need the {name}.',
      'Warning: the {name} may cause smiles.',
      'Guess who just stole the show? The {name}.',
    ],
    URGENT: [
      'Do not miss the {name}.',
      'Now is the time for the {name}.',
      'Get the {name} today.',
      'Treat yourself to the {name} today.',
    ],
    LUXURY: [
      'The {name}. Quietly exceptional.',
      'Refined by design: the {name}.',
      'An understated classic: the {name}.',
      'For those who notice the details: the {name}.',
    ],
  },
  trend: {
    rising: [
      'Demand is rising, with sales up {change}% lately.',
      'Shoppers are noticing: sales rose {change}% recently.',
      'Its popularity is growing, up {change}% in recent sales.',
    ],
    falling: [
      'A good moment to take a fresh look at it.',
      'Rediscover a favourite from our {category} range.',
      'Worth a second look this season.',
    ],
    flat: [
      'A dependable favourite that shoppers keep coming back to.',
      'A steady favourite in our {category} range.',
      'Consistently chosen by our shoppers.',
    ],
  },
  trendShort: {
    rising: ['Demand is rising', 'Popularity is growing', 'Sales up {change}%'],
    falling: ['Take a fresh look', 'Worth a second look', 'Rediscover it'],
    flat: ['A steady favourite', 'Always popular', 'A shop favourite'],
  },
  peak: [
    'Demand is expected to peak in {peak}, so get ahead of the rush.',
    'Our forecast points to {peak} as its busiest time.',
    'Plan ahead: interest should peak in {peak}.',
  ],
  price: ['Just {price}.', 'Yours for {price}.', 'Priced at {price}.'],
  calls: {
    EMAIL: ['Shop now.', 'Find yours in our shop today.', 'See it in our shop.'],
    EMAIL_SUBJECT: [''],
    SOCIAL_POST: ['Tap to shop.', 'Shop the link in our profile.', 'Find it in our shop.'],
    SEARCH_AD: ['Order online today.', 'Shop online now.', 'Buy online today.'],
    PRODUCT_PAGE: ['Add it to your basket today.', 'Order yours today.', 'Add it to your basket.'],
    SMS: ['Shop now.', 'Order today.', 'Find it in our shop.'],
  },
  fallbackName: 'our latest find',
  fallbackCategory: 'featured',
  space: ' ',
  colon: ': ',
  stop: '.',
  range: 'Part of our {category} range.',
};

const CHINESE: PhraseBank = {
  openings: {
    FRIENDLY: [
      '来认识一下{name}吧。',
      '向你推荐{name}。',
      '想找点新东西？试试{name}。',
      '我们很喜欢的一款：{name}。',
    ],
    PROFESSIONAL: [
      '隆重推出{name}。',
      '了解{name}。',
      '{name}，来自我们的{category}系列。',
      '{name}：做工扎实，适合日常使用。',
    ],
    PLAYFUL: [
      '嘘，{name}在召唤你。',
      '剧情反转：你需要{name}。',
      '注意：{name}可能让你笑出声。',
      '猜猜谁抢了风头？{name}。',
    ],
    URGENT: [
      '别错过{name}。',
      '现在就入手{name}。',
      '今天就带走{name}。',
      '今天就犒劳自己一件{name}。',
    ],
    LUXURY: [
      '{name}，低调而出众。',
      '匠心之作：{name}。',
      '经典之选：{name}。',
      '致懂得细节的你：{name}。',
    ],
  },
  trend: {
    rising: [
      '需求持续上升，近期销量增长{change}%。',
      '越来越多顾客选择它，近期销量增长{change}%。',
      '人气走高，近期销量增长{change}%。',
    ],
    falling: [
      '现在正是重新认识它的好时机。',
      '重新发现{category}系列中的这款好物。',
      '这个季节值得再看一眼。',
    ],
    flat: ['顾客一再回购的可靠之选。', '{category}系列中的常青款。', '一直深受顾客喜爱。'],
  },
  trendShort: {
    rising: ['需求上升', '人气上涨', '销量增长{change}%'],
    falling: ['值得再看一眼', '重新发现它', '再次推荐'],
    flat: ['常青好物', '一直畅销', '店铺人气款'],
  },
  peak: [
    '预计需求将在{peak}达到高峰，建议提前准备。',
    '我们的预测显示，{peak}将是它最受欢迎的时候。',
    '提前计划：{peak}关注度预计最高。',
  ],
  price: ['仅需{price}。', '售价{price}。', '只要{price}。'],
  calls: {
    EMAIL: ['立即选购。', '今天就到店里看看吧。', '欢迎到店选购。'],
    EMAIL_SUBJECT: [''],
    SOCIAL_POST: ['点击选购。', '主页链接即可购买。', '来店里找它吧。'],
    SEARCH_AD: ['立即在线订购。', '现在在线选购。', '今天在线购买。'],
    PRODUCT_PAGE: ['今天就加入购物车吧。', '立即下单。', '加入购物车。'],
    SMS: ['立即选购。', '今天下单。', '来店里找它吧。'],
  },
  fallbackName: '这款新品',
  fallbackCategory: '精选',
  space: '',
  colon: '：',
  stop: '。',
  range: '属于我们的{category}系列。',
};

export const PHRASE_BANKS: Readonly<Record<Language, PhraseBank>> = { en: ENGLISH, zh: CHINESE };
