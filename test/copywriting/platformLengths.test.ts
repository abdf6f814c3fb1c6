import {
  analyzeSms,
  countGoogleAdsLength,
  countXWeightedLength,
  listChannelPresets,
  measureField,
} from '../../src/copywriting';

describe('countGoogleAdsLength', () => {
  it('counts Latin characters once', () => {
    expect(countGoogleAdsLength('Heart T-Light Holder')).toBe(20);
  });

  it('counts CJK characters twice', () => {
    expect(countGoogleAdsLength('爱心烛台')).toBe(8);
    expect(countGoogleAdsLength('ハート')).toBe(6);
    expect(countGoogleAdsLength('하트')).toBe(4);
  });

  it('counts full-width forms twice', () => {
    expect(countGoogleAdsLength('ＡＢ！')).toBe(6);
  });

  it('counts mixed text', () => {
    expect(countGoogleAdsLength('爱心烛台 £2.55')).toBe(14);
  });
});

describe('countXWeightedLength', () => {
  it('weighs Latin text one each', () => {
    expect(countXWeightedLength('Hello, world!')).toBe(13);
  });

  it('weighs CJK two each', () => {
    expect(countXWeightedLength('你好')).toBe(4);
  });

  it('weighs an emoji sequence two', () => {
    expect(countXWeightedLength('👨‍👩‍👧‍👦')).toBe(2);
    expect(countXWeightedLength('🇬🇧')).toBe(2);
  });

  it('normalises before counting', () => {
    expect(countXWeightedLength('e\u0301')).toBe(1);
  });
});

describe('analyzeSms', () => {
  it('fits 160 GSM-7 characters in one segment', () => {
    expect(analyzeSms('a'.repeat(160))).toEqual({
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
      unitsPerSegment: 160,
    });
  });

  it('splits 161 GSM-7 characters into two', () => {
    const sms = analyzeSms('a'.repeat(161));

    expect(sms.segments).toBe(2);
    expect(sms.unitsPerSegment).toBe(153);
  });

  it('counts extension characters as two', () => {
    const sms = analyzeSms('Price: 5€ [now]');

    expect(sms.encoding).toBe('GSM-7');
    expect(sms.units).toBe(18);
  });

  it('keeps an escape pair in one segment', () => {
    const sms = analyzeSms(`${'a'.repeat(152)}€${'a'.repeat(153)}`);

    expect(sms.units).toBe(307);
    expect(sms.segments).toBe(3);
  });

  it('switches to UCS-2 for Chinese', () => {
    expect(analyzeSms('你好'.repeat(35))).toMatchObject({
      encoding: 'UCS-2',
      units: 70,
      segments: 1,
    });
    expect(analyzeSms('你好'.repeat(35) + '!')).toMatchObject({ segments: 2, unitsPerSegment: 67 });
  });

  it('counts an emoji as two UCS-2 units', () => {
    expect(analyzeSms('🎁')).toMatchObject({ encoding: 'UCS-2', units: 2 });
  });

  it('switches to UCS-2 for a curly quote', () => {
    expect(analyzeSms('It’s here').encoding).toBe('UCS-2');
  });

  it('needs no segment when empty', () => {
    expect(analyzeSms('').segments).toBe(0);
  });
});

describe('channel presets', () => {
  it('lists every channel with its fields', () => {
    const presets = listChannelPresets();

    expect(presets.map((preset) => preset.channel).sort()).toEqual([
      'EMAIL',
      'EMAIL_SUBJECT',
      'PRODUCT_PAGE',
      'SEARCH_AD',
      'SMS',
      'SOCIAL_POST',
    ]);
    const searchAd = presets.find((preset) => preset.channel === 'SEARCH_AD');
    expect(searchAd?.fields.map((field) => [field.name, field.limit, field.unit])).toEqual([
      ['headline', 30, 'GOOGLE_ADS'],
      ['description', 90, 'GOOGLE_ADS'],
    ]);
    const subject = presets.find((preset) => preset.channel === 'EMAIL_SUBJECT');
    expect(subject?.fields.map((field) => field.name)).toEqual(['subject', 'preheader']);
  });

  it('measures an SMS field against its segments', () => {
    expect(measureField('你好', 1, 'SMS')).toEqual({
      length: 2,
      limit: 70,
      unit: 'SMS',
      fits: true,
      encoding: 'UCS-2',
      segments: 1,
    });
  });

  it('measures a headline in Google Ads units', () => {
    expect(measureField('白色爱心烛台 限时热卖中心', 30, 'GOOGLE_ADS')).toMatchObject({
      length: 25,
      fits: true,
    });
    expect(measureField('白色爱心烛台，冬季人气持续上升中！', 30, 'GOOGLE_ADS').fits).toBe(false);
  });
});
