import 'reflect-metadata';

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { openDatabase } from '../db/dataSource';
import { Product } from '../db/entities';
import { importCampaigns } from '../graphql/campaign/importCampaigns';
import type { CampaignFileFormat } from '../graphql/campaign/importCampaigns';
import { importReviews } from '../graphql/review/importReviews';
import type { ReviewFileFormat } from '../graphql/review/importReviews';
import { ImportError } from '../ingest';
import { createSentimentClassifier } from '../sentiment';
import { DomainError, badInput } from '../shared/errors';
import { ConfigError, loadConfig } from './config';

/** Help text of the data import command. */
export const IMPORT_DATA_USAGE = `Usage:
  npm run import:data -- campaigns FILE.csv [--format campaigns|bank-marketing] [--product SKU] [--currency GBP] [--dry-run]
  npm run import:data -- reviews FILE.csv [--format reviews|clothing-reviews] [--create-products] [--currency GBP] [--dry-run]

Imports marketing campaigns or customer reviews into the configured database (DATABASE_URL).
The whole file is checked first; if any line is malformed, nothing is imported and every bad
line is listed. Reviews are classified with the configured sentiment classifier
(SENTIMENT_PROVIDER, the offline lexicon by default).

Options:
  --format FORMAT     column layout: campaigns (default) or bank-marketing for campaigns,
                      reviews (default) or clothing-reviews for reviews
  --product SKU       the product every imported campaign promotes, for lift
  --create-products   create a product (name = sku, list price 0) for each unknown review sku
  --currency CODE     ISO 4217 code of the campaign money or of created products (default GBP)
  --dry-run           check the file without writing to the database
  --help              print this help
`;

const CAMPAIGN_FORMATS: readonly CampaignFileFormat[] = ['campaigns', 'bank-marketing'];
const REVIEW_FORMATS: readonly ReviewFileFormat[] = ['reviews', 'clothing-reviews'];

/** A parsed data import command. */
type DataImportCommand =
  | { kind: 'help' }
  | {
      kind: 'campaigns' | 'reviews';
      file: string;
      format: string;
      productSku?: string;
      createProducts: boolean;
      currency: string;
      dryRun: boolean;
    };

/**
 * Parses the command's arguments. Throws BAD_USER_INPUT for an unknown option, a missing file, an
 * unknown kind or a format that does not fit the kind.
 */
export function parseImportDataArgs(argv: readonly string[]): DataImportCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        product: { type: 'string' },
        'create-products': { type: 'boolean', default: false },
        currency: { type: 'string', default: 'GBP' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw badInput('argv', `${(error as Error).message} Run with --help for usage.`);
    }
    throw error;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return { kind: 'help' };
  }
  const [kind, file, ...rest] = positionals;
  if ((kind !== 'campaigns' && kind !== 'reviews') || file === undefined || rest.length > 0) {
    throw badInput(
      'argv',
      `Expected "campaigns FILE" or "reviews FILE"; received ${positionals.map((p) => JSON.stringify(p)).join(' ') || 'nothing'}. Run with --help for usage.`,
    );
  }
  const formats: readonly string[] = kind === 'campaigns' ? CAMPAIGN_FORMATS : REVIEW_FORMATS;
  const format = values.format ?? formats[0];
  if (!formats.includes(format)) {
    throw badInput(
      'format',
      `--format for ${kind} must be ${formats.join(' or ')}; received "${format}". Run with --help for usage.`,
    );
  }
  return {
    kind,
    file,
    format,
    productSku: values.product,
    createProducts: values['create-products'],
    currency: values.currency,
    dryRun: values['dry-run'],
  };
}

/**
 * `npm run import:data -- campaigns|reviews FILE.csv [...]`. Exit codes: 0 imported (or checked
 * on a dry run), 1 failed, 2 invalid arguments, configuration or file contents (nothing written).
 */
async function runImportData(argv: string[]): Promise<number> {
  const command = parseImportDataArgs(argv);
  if (command.kind === 'help') {
    process.stdout.write(IMPORT_DATA_USAGE);
    return 0;
  }
  const config = loadConfig();
  const text = fs.readFileSync(command.file, 'utf8');
  const label = path.basename(command.file);
  const { dataSource } = await openDatabase(config.database);
  try {
    if (command.kind === 'campaigns') {
      let productId: number | undefined;
      if (command.productSku !== undefined) {
        const product = await dataSource
          .getRepository(Product)
          .findOneBy({ sku: command.productSku });
        if (!product) {
          throw badInput('product', `No product has the sku "${command.productSku}".`);
        }
        productId = product.id;
      }
      const result = await importCampaigns(dataSource, text, {
        format: command.format as CampaignFileFormat,
        productId,
        currency: command.currency,
        dryRun: command.dryRun,
        file: label,
      });
      process.stdout.write(
        `${result.campaigns.length} campaigns read; ${result.inserted} inserted, ${result.updated} replaced.${command.dryRun ? ' Dry run: nothing was written.' : ''}\n`,
      );
      return 0;
    }

    const classifier = createSentimentClassifier(
      config.sentiment.provider === 'huggingface'
        ? {
            model: config.sentiment.hfModel,
            accessToken: config.copy.hfToken,
            endpointUrl: config.sentiment.hfEndpointUrl,
            timeoutMs: config.sentiment.timeoutMs,
            retry: { maxAttempts: config.copy.maxRetries + 1 },
          }
        : undefined,
    );
    const result = await importReviews(dataSource, classifier, text, {
      format: command.format as ReviewFileFormat,
      createMissingProducts: command.createProducts,
      currency: command.currency,
      dryRun: command.dryRun,
      file: label,
    });
    process.stdout.write(
      `${result.reviews} reviews read and classified by ${result.classifier.name} (${result.labels.positive} positive, ${result.labels.neutral} neutral, ${result.labels.negative} negative); ${result.inserted} inserted, ${result.updated} replaced, ${result.productsCreated} products created.${command.dryRun ? ' Dry run: nothing was written.' : ''}\n`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  runImportData(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (
        error instanceof ImportError ||
        error instanceof ConfigError ||
        error instanceof DomainError
      ) {
        process.stderr.write(`${error.message}\nNothing was written.\n`);
        process.exit(2);
      }
      process.stderr.write(`Import failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
