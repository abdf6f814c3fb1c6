/**
 * Measures the API under load: a dashboard query (20 products with 12 months of sales and
 * their latest forecast) and a runForecast AUTO call. Starts the server as its own process on
 * a fresh SQLite file loaded with the shipped sample, drives it with autocannon over
 * 127.0.0.1 and prints requests per second and p50/p95/p99 latency. No assertions.
 *
 * Usage: npm run bench [-- --seconds 10 --connections 10]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';

import { startServerProcess } from '../support/serverProcess';

/** The 20 busiest products of the sample, by number of invoice lines. */
const DENSE_SKUS = [
  '85123A',
  '22423',
  '85099B',
  '47566',
  '20725',
  '84879',
  '22720',
  '22197',
  '21212',
  '20727',
  '22383',
  '22457',
  '23203',
  '22386',
  '22469',
  '22960',
  '21931',
  '22086',
  '22411',
  '20728',
];

const DASHBOARD = `query Dashboard($skus: [String!]) {
  products(first: 20, skus: $skus) {
    edges { node {
      sku name listPrice { amount currency }
      sales(granularity: MONTH, from: "2010-12-01", to: "2011-11-30") { period units revenue { amount } }
      latestForecast { modelKind points { period value lower80 upper80 lower95 upper95 } }
    } }
  }
}`;

const RUN_AUTO = `mutation($id: ID!) {
  runForecast(productId: $id, granularity: MONTH, horizon: 6, model: { kind: AUTO }) { id modelKind }
}`;

interface Measured {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function post(url: string, query: string, variables: object): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Sends the measured request once and stops the benchmark when it does not succeed. */
async function assertSucceeds(url: string, body: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  if (response.status !== 200 || JSON.parse(text).errors) {
    throw new Error(`The measured request failed with status ${response.status}: ${text}`);
  }
}

async function measure(
  url: string,
  body: string,
  seconds: number,
  connections: number,
): Promise<Measured> {
  await assertSucceeds(url, body);
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duration: seconds,
        connections,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status !== 200) errors += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors,
  };
}

function report(name: string, measured: Measured): void {
  const f = (value: number) => value.toFixed(1);
  process.stdout.write(
    `${name.padEnd(22)} ${f(measured.perSecond).padStart(8)} req/s   p50 ${f(measured.p50)} ms   p95 ${f(measured.p95)} ms   p99 ${f(measured.p99)} ms   (${measured.requests} requests, ${measured.errors} errors)\n`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
    },
  });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-bench-'));
  // The benchmark measures throughput, not the rate limiter: the cost budget is set high
  // enough that no request is rejected, while every request is still priced.
  const server = await startServerProcess({
    DATABASE_URL: `sqlite:${path.join(folder, 'bench.sqlite')}`,
    AUTH_MODE: 'development',
    MAX_QUERY_COST: '100000',
    RATE_LIMIT_CAPACITY: '10000000',
    RATE_LIMIT_RESTORE_RATE: '1000000',
  });
  try {
    const listed = await post(
      server.url,
      'query($skus: [String!]) { products(first: 20, skus: $skus) { edges { node { id } } } }',
      { skus: DENSE_SKUS },
    );
    const productIds: string[] = listed.data.products.edges.map((edge: any) => edge.node.id);
    for (const id of productIds) {
      await post(server.url, RUN_AUTO, { id });
    }
    process.stdout.write(
      `Sample loaded; ${productIds.length} products forecast once so the dashboard has forecasts.\n` +
        `Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ${seconds} s per run.\n`,
    );

    const dashboard = JSON.stringify({ query: DASHBOARD, variables: { skus: DENSE_SKUS } });
    report(
      `dashboard (${connections} conn)`,
      await measure(server.url, dashboard, seconds, connections),
    );

    const forecast = JSON.stringify({ query: RUN_AUTO, variables: { id: productIds[0] } });
    report('runForecast AUTO (2 conn)', await measure(server.url, forecast, seconds, 2));
  } finally {
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
