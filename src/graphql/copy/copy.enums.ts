import { registerEnumType } from 'type-graphql';

/** Publishing channels of copy, mirroring the copywriting module's channels. */
export enum CopyChannelEnum {
  EMAIL = 'EMAIL',
  EMAIL_SUBJECT = 'EMAIL_SUBJECT',
  SOCIAL_POST = 'SOCIAL_POST',
  SEARCH_AD = 'SEARCH_AD',
  PRODUCT_PAGE = 'PRODUCT_PAGE',
  SMS = 'SMS',
}

export enum CopyToneEnum {
  FRIENDLY = 'FRIENDLY',
  PROFESSIONAL = 'PROFESSIONAL',
  PLAYFUL = 'PLAYFUL',
  URGENT = 'URGENT',
  LUXURY = 'LUXURY',
}

export enum LanguageEnum {
  ZH = 'zh',
  EN = 'en',
}

registerEnumType(CopyChannelEnum, { name: 'CopyChannel', description: 'Where copy is published.' });
registerEnumType(CopyToneEnum, { name: 'CopyTone', description: 'The voice copy is written in.' });
registerEnumType(LanguageEnum, {
  name: 'Language',
  description: 'Language of the copy: ZH for Chinese, EN for English.',
});

/** Review state of a copy, as stored. */
export enum CopyStatusEnum {
  DRAFT = 'draft',
  APPROVED = 'approved',
  REJECTED = 'rejected',
}

/** Unit a channel field's limit is counted in; mirrors the copywriting module's units. */
export enum LengthUnitEnum {
  GRAPHEMES = 'GRAPHEMES',
  GOOGLE_ADS = 'GOOGLE_ADS',
  X_WEIGHTED = 'X_WEIGHTED',
  SMS = 'SMS',
}

export enum CustomerTypeEnum {
  NEW = 'NEW',
  RETURNING = 'RETURNING',
  ALL = 'ALL',
}

export enum CopyExportFormatEnum {
  JSON = 'JSON',
  CSV = 'CSV',
}

registerEnumType(CopyStatusEnum, {
  name: 'CopyStatus',
  description:
    'Review state of a copy. Only APPROVED copy can be exported or attached to an A/B test.',
  valuesConfig: {
    DRAFT: { description: 'Written and waiting for review; the state of all new copy.' },
    APPROVED: { description: 'Cleared for use by a reviewer.' },
    REJECTED: { description: 'Turned down by a reviewer, with a reason; final.' },
  },
});
registerEnumType(LengthUnitEnum, {
  name: 'LengthUnit',
  description: 'How a field length is counted.',
  valuesConfig: {
    GRAPHEMES: { description: 'User-perceived characters (grapheme clusters).' },
    GOOGLE_ADS: {
      description: 'Characters as Google Ads counts them: full-width and CJK characters count two.',
    },
    X_WEIGHTED: {
      description: "X's weighted length: CJK characters and emoji count two, others one.",
    },
    SMS: {
      description:
        'Message segments: GSM-7 (160 septets, 153 per part of a longer message, extension characters two) or UCS-2 (70 UTF-16 units, 67 per part).',
    },
  },
});
registerEnumType(CustomerTypeEnum, {
  name: 'CustomerType',
  description: 'Customers by their purchase history.',
});
registerEnumType(CopyExportFormatEnum, {
  name: 'CopyExportFormat',
  description:
    'JSON: an array of copies with their fields. CSV: RFC 4180, one row per field, header first.',
});
