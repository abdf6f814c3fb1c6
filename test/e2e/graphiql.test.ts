import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import pino from 'pino';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

import { buildGraphiqlAssets } from '../../src/server/graphiql/buildGraphiql';
import { EXAMPLE_QUERY } from '../../src/server/graphiql/graphiqlRoutes';
import { seedSampleIfEmpty } from '../../src/server/seed';
import { Role, startHarness } from '../server/harness';
import type { Harness } from '../server/harness';

/** Debian's chromium package; CI installs it with apt-get. */
const CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium from contacting any Google service or other outside host. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Returns the URLs that leave this machine: anything but loopback, data: and blob:. */
function nonLocalUrls(urls: string[]): string[] {
  return urls.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') {
      return false;
    }
    return !LOCAL_HOSTS.has(parsed.hostname);
  });
}

/** Returns the visible text of an element, with Monaco's non-breaking spaces made plain. */
async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');
}

describe('GraphiQL in headless Chromium', () => {
  let folder: string;
  let harness: Harness;
  let context: BrowserContext;
  let key: string;
  let firstSku: string;
  const requestedUrls: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-graphiql-'));
    const assets = path.join(folder, 'assets');
    await buildGraphiqlAssets(assets);
    harness = await startHarness({
      authMode: 'required',
      graphiqlFolder: assets,
      seed: (dataSource) => seedSampleIfEmpty(dataSource, pino({ level: 'silent' })),
    });
    key = await harness.createKey(Role.READER, 'browser test');
    const expected = await harness.gql(EXAMPLE_QUERY, {}, { key });
    const products = expected.body.data.products.edges.map(
      (edge: { node: { sku: string; sales: unknown[] } }) => edge.node,
    );
    expect(products).toHaveLength(5);
    expect(products.some((product: { sales: unknown[] }) => product.sales.length > 0)).toBe(true);
    firstSku = products[0].sku;

    context = await chromium.launchPersistentContext(path.join(folder, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    context.on('request', (request) => {
      requestedUrls.push(request.url());
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await harness?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('runs the example query with a key', async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // Before a key is entered, GraphiQL's schema request gets the expected 401.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) {
        pageErrors.push(message.text());
      }
    });

    await page.goto(harness.url);
    await page.locator('#mc-api-key').fill(key);
    await page.getByRole('button', { name: 'Use key' }).click();
    await page.getByRole('status').filter({ hasText: 'Using key mc_' }).waitFor();
    await page.locator('.graphiql-query-editor').getByText('LunchBags').waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText(firstSku).waitFor({ timeout: 30_000 });

    const response = await textOf(page, '.graphiql-response');
    expect(response).toContain('"products"');
    expect(response).toContain(`"sku": "${firstSku}"`);
    expect(response).toContain('"period": "2011-');
    expect(response).toContain('"units"');
    const logged = harness.logs.find(
      (line) => line.msg === 'graphql request' && line.operation === 'LunchBags',
    );
    expect(logged?.apiKeyId).toEqual(expect.any(Number));
  }, 90_000);

  it('shows the schema docs', async () => {
    const page = context.pages().at(-1)!;

    await page
      .locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]')
      .click();
    await page
      .locator('.graphiql-doc-explorer')
      .getByText('Query', { exact: true })
      .first()
      .waitFor();
    await page
      .locator('.graphiql-doc-explorer')
      .getByText('Query', { exact: true })
      .first()
      .click();

    await page.locator('.graphiql-doc-explorer').getByText('products').first().waitFor();
    expect(await textOf(page, '.graphiql-doc-explorer')).toContain('Products ordered by id');
  }, 60_000);

  it('sends no request to a non-local host', () => {
    expect(requestedUrls.length).toBeGreaterThan(3);
    expect(requestedUrls.some((url) => url.endsWith('/graphiql/graphiql.js'))).toBe(true);
    expect(nonLocalUrls(requestedUrls)).toEqual([]);
  });

  it('raises no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
