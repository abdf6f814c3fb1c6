import 'reflect-metadata';

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import pino from 'pino';
import type { DataSource } from 'typeorm';

import { Product, SalesObservation } from '../../src/db/entities';
import { openDatabase } from '../../src/db/dataSource';
import { parseOnlineRetailFiles } from '../../src/ingest';
import { writeImport } from '../../src/ingest/writeImport';
import { seedSampleIfEmpty } from '../../src/server/seed';

const SAMPLE = path.resolve(__dirname, '../../data/sample/online_retail');

describe('seedSampleIfEmpty', () => {
  let folder: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-seed-'));
    ({ dataSource } = await openDatabase({
      type: 'sqlite',
      path: path.join(folder, 'seed.sqlite'),
    }));
    await seedSampleIfEmpty(dataSource, pino({ level: 'silent' }));
  });

  afterAll(async () => {
    await dataSource.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('stores what the importer parsed', async () => {
    const parsed = await parseOnlineRetailFiles(
      path.join(SAMPLE, 'transactions.csv'),
      path.join(SAMPLE, 'products.csv'),
    );
    const parsedUnits = parsed.sales
      .filter((sale) => sale.sku === '85123A')
      .reduce((sum, sale) => sum + sale.units, 0);

    const product = await dataSource.getRepository(Product).findOneByOrFail({ sku: '85123A' });
    const stored = await dataSource
      .getRepository(SalesObservation)
      .createQueryBuilder('sale')
      .select('SUM(sale.units)', 'units')
      .addSelect('COUNT(*)', 'days')
      .where('sale.product_id = :id', { id: product.id })
      .getRawOne<{ units: number; days: number }>();

    expect(await dataSource.getRepository(Product).count()).toBe(parsed.products.length);
    expect(await dataSource.getRepository(SalesObservation).count()).toBe(parsed.sales.length);
    expect(Number(stored!.units)).toBe(parsedUnits);
    expect(Number(stored!.days)).toBe(parsed.sales.filter((sale) => sale.sku === '85123A').length);
    expect(product.currency).toBe('GBP');
  });

  it('leaves a non-empty catalogue alone', async () => {
    const before = await dataSource.getRepository(SalesObservation).count();

    await seedSampleIfEmpty(dataSource, pino({ level: 'silent' }));

    expect(await dataSource.getRepository(SalesObservation).count()).toBe(before);
  });
});

describe('writeImport', () => {
  it('writes nothing when any record fails', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-import-'));
    const { dataSource } = await openDatabase({
      type: 'sqlite',
      path: path.join(folder, 'x.sqlite'),
    });
    const product = {
      sku: 'A1',
      name: 'A',
      description: '',
      category: 'Gift ware',
      listPriceMinor: 100,
      currency: 'GBP' as const,
      tags: [],
    };
    const sale = {
      sku: 'A1',
      date: '2011-01-03',
      channel: 'all' as const,
      units: 1,
      revenueMinor: 100,
    };

    const failed = writeImport(dataSource, {
      products: [product],
      sales: [sale, { ...sale, sku: 'MISSING' }],
    });

    await expect(failed).rejects.toThrow(
      'Daily record for SKU "MISSING" has no product in the import.',
    );
    expect(await dataSource.getRepository(Product).count()).toBe(0);
    expect(await dataSource.getRepository(SalesObservation).count()).toBe(0);
    await dataSource.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
