import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { Client } from 'pg';

import type { DatabaseLocation } from '../../src/db/dataSource';

/** A database made for one test server, and how to remove it. */
export interface TestDatabase {
  location: DatabaseLocation;
  drop(): Promise<void>;
}

/**
 * Creates an empty database for one test server: a PostgreSQL database named
 * `marketcast_test_<random>` when `TEST_DATABASE_URL` points at a PostgreSQL server (its user
 * needs CREATEDB), else an SQLite file in a fresh temporary folder.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-test-'));
    return {
      location: { type: 'sqlite', path: path.join(folder, 'test.sqlite') },
      drop: async () => fs.rmSync(folder, { recursive: true, force: true }),
    };
  }

  const name = `marketcast_test_${randomBytes(6).toString('hex')}`;
  await runAdmin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    location: { type: 'postgres', url: url.toString() },
    drop: () => runAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
