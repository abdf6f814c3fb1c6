/**
 * Public surface of the ingest module: CSV parsers that validate a whole file and return plain
 * records for the database layer to write, or throw `ImportError` listing every bad line. All
 * are pure except `parseOnlineRetailFiles`, which reads the files first.
 */
export type { CampaignChannel, CampaignRecord } from './campaigns/campaignRecord';
export { CAMPAIGN_CHANNELS } from './campaigns/campaignRecord';
export { parseBankMarketingCsv } from './campaigns/parseBankMarketingCsv';
export { CAMPAIGN_COLUMNS, parseCampaignsCsv } from './campaigns/parseCampaignsCsv';
export type { ImportCommand } from './importCommand';
export { IMPORT_USAGE, parseImportArgs } from './importCommand';
export type { ImportProblem } from './importError';
export { formatProblem, ImportError } from './importError';
export { formatImportReport } from './onlineRetail/formatImportReport';
export type { ParseOnlineRetailOptions } from './onlineRetail/parseOnlineRetail';
export { parseOnlineRetail } from './onlineRetail/parseOnlineRetail';
export { parseOnlineRetailFiles } from './onlineRetail/parseOnlineRetailFiles';
export type {
  CaseVariantMerge,
  CatalogueFileReport,
  DailySalesRecord,
  ImportReport,
  LineTotals,
  NonProductCodeTotals,
  OnlineRetailImport,
  ProductRecord,
  SalesChannel,
  SkippedLines,
  SkipReason,
} from './onlineRetail/types';
export { ONLINE_RETAIL_CURRENCY, SKIP_REASONS } from './onlineRetail/types';
export { parseClothingReviewsCsv } from './reviews/parseClothingReviewsCsv';
export { parseReviewsCsv, REVIEW_COLUMNS } from './reviews/parseReviewsCsv';
export type { ReviewLanguage, ReviewRecord } from './reviews/reviewRecord';
export { REVIEW_LANGUAGES } from './reviews/reviewRecord';
