import { registerEnumType } from 'type-graphql';

/** Where copy is published; mirrors the copywriting module's channels. */
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
