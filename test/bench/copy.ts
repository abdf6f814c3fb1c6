/**
 * Measures copy generation against a local chat-completions server that replies to every call
 * after a fixed delay: `generateCopy` (one SOCIAL_POST variant, one provider call) from
 * concurrent clients, then one `generateCopyBulk` job. Starts the API as its own process on a
 * fresh SQLite file with the shipped sample and the `huggingface` provider pointed at the local
 * server, all on 127.0.0.1. Prints copies per second, p50/p95 end-to-end latency and the
 * server's own added latency per call: end-to-end time minus the provider time the copy
 * records (`latencyMs`). No assertions.
 *
 * Usage: npm run bench:copy [-- --requests 300 --clients 8 --delay-ms 50 --products 20 --variants 5]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { ChatServer } from '../support/chatServer';
import { startServerProcess } from '../support/serverProcess';

const GENERATE = `mutation($id: ID!) {
  generateCopy(productId: $id, channel: SOCIAL_POST) { id latencyMs providerCalls }
}`;

const SUBMIT = `mutation($input: GenerateCopyBulkInput!) { generateCopyBulk(input: $input) { id total } }`;

const JOB = `query($id: ID!) { job(id: $id) { status succeeded failed total } }`;

/** The reply every provider call gets: on task, within limits, no numbers or claims. */
const REPLY = 'A warm light for quiet evenings, made to hang in any window.';

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

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '300' },
      clients: { type: 'string', default: '8' },
      'delay-ms': { type: 'string', default: '50' },
      products: { type: 'string', default: '20' },
      variants: { type: 'string', default: '5' },
    },
  });
  const requests = Number(values.requests);
  const clients = Number(values.clients);
  const delayMs = Number(values['delay-ms']);
  const bulkProducts = Number(values.products);
  const bulkVariants = Number(values.variants);

  const chat = await ChatServer.start();
  const calls = requests + bulkProducts * bulkVariants + 10;
  chat.enqueue(
    ...Array.from({ length: calls }, () => ({
      content: REPLY,
      delayMs,
      usage: { prompt_tokens: 300, completion_tokens: 14 },
    })),
  );
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-bench-copy-'));
  const server = await startServerProcess({
    DATABASE_URL: `sqlite:${path.join(folder, 'bench.sqlite')}`,
    COPY_PROVIDER: 'huggingface',
    HF_ENDPOINT_URL: chat.url,
    HF_MODEL: 'bench-model',
    FORECAST_THREADS: '4',
    AUTH_MODE: 'development',
    RATE_LIMIT_CAPACITY: '10000000',
    RATE_LIMIT_RESTORE_RATE: '1000000',
  });

  try {
    const listed = await post(server.url, '{ products(first: 50) { edges { node { id } } } }', {});
    if (!listed.data) {
      throw new Error(`Listing products failed: ${JSON.stringify(listed.errors)}`);
    }
    const productIds: string[] = listed.data.products.edges.map((edge: any) => edge.node.id);

    // Warm-up: the first requests load code paths and prepare statements.
    for (const id of productIds.slice(0, 3)) {
      await post(server.url, GENERATE, { id });
    }

    const endToEnd: number[] = [];
    const added: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    const client = async () => {
      for (let index = next++; index < requests; index = next++) {
        const sent = performance.now();
        const result = await post(server.url, GENERATE, {
          id: productIds[index % productIds.length],
        });
        const elapsed = performance.now() - sent;
        if (result.errors) {
          errors += 1;
          continue;
        }
        const [copy] = result.data.generateCopy;
        endToEnd.push(elapsed);
        added.push(elapsed - copy.latencyMs);
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    const seconds = (performance.now() - started) / 1000;
    endToEnd.sort((a, b) => a - b);
    added.sort((a, b) => a - b);

    const bulkStarted = performance.now();
    const submitted = await post(server.url, SUBMIT, {
      input: {
        productIds: productIds.slice(0, bulkProducts),
        channel: 'SOCIAL_POST',
        variants: bulkVariants,
      },
    });
    const jobId = submitted.data.generateCopyBulk.id;
    let job: any;
    do {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await post(server.url, JOB, { id: jobId })).data.job;
    } while (job.status === 'QUEUED' || job.status === 'RUNNING');
    const bulkSeconds = (performance.now() - bulkStarted) / 1000;

    const mean = added.reduce((sum, value) => sum + value, 0) / added.length;
    console.log(
      JSON.stringify(
        {
          machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
          providerDelayMs: delayMs,
          generateCopy: {
            requests,
            clients,
            errors,
            copiesPerSecond: round(endToEnd.length / seconds),
            p50Ms: round(percentile(endToEnd, 50)),
            p95Ms: round(percentile(endToEnd, 95)),
            addedMeanMs: round(mean),
            addedP50Ms: round(percentile(added, 50)),
            addedP95Ms: round(percentile(added, 95)),
          },
          generateCopyBulk: {
            products: bulkProducts,
            variants: bulkVariants,
            status: job.status,
            succeeded: job.succeeded,
            failed: job.failed,
            seconds: round(bulkSeconds),
            copiesPerSecond: round(job.succeeded / bulkSeconds),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
    await chat.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
