import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

import type { DataSource } from 'typeorm';

import { openDatabase } from '../../src/db/dataSource';
import { ApiKey } from '../../src/db/entities';
import { hashApiKey } from '../../src/graphql/apiKey/apiKeySecret';
import { ApiKeyStore } from '../../src/graphql/apiKey/apiKeyStore';
import { KEYS_USAGE, runKeysCommand } from '../../src/server/keys/keysCommand';

const ROOT = path.resolve(__dirname, '../..');

describe('runKeysCommand', () => {
  let folder: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-keys-'));
    ({ dataSource } = await openDatabase({ type: 'sqlite', path: path.join(folder, 'db.sqlite') }));
  });

  afterAll(async () => {
    await dataSource.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runKeysCommand(argv, dataSource, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    });
    return { code, stdout, stderr };
  }

  it('creates a key and prints its secret once', async () => {
    const result = await run('create', '--role', 'Analyst', '--name', 'Pricing dashboard');

    expect(result.code).toBe(0);
    const secret = result.stdout.trim().split('\n').at(-1)!;
    expect(secret).toMatch(/^mc_[A-Za-z0-9_-]{43}$/);
    expect(result.stdout).toMatch(
      /^Created API key \d+ "Pricing dashboard" with the analyst role\./,
    );
    const stored = await dataSource
      .getRepository(ApiKey)
      .findOneByOrFail({ name: 'Pricing dashboard' });
    expect(stored.secretHash).toBe(hashApiKey(secret));
    expect(stored.role).toBe('ANALYST');
    expect(await new ApiKeyStore(dataSource).authenticate(secret)).toMatchObject({ id: stored.id });
  });

  it('prints JSON with --json', async () => {
    const result = await run('create', '--role', 'reader', '--name', 'Feed', '--json');

    const created = JSON.parse(result.stdout);
    expect(created).toMatchObject({ name: 'Feed', role: 'reader', revokedAt: null });
    expect(created.secret.startsWith(created.prefix)).toBe(true);
  });

  it('lists keys without secrets', async () => {
    const created = JSON.parse(
      (await run('create', '--role', 'admin', '--name', 'Ops', '--json')).stdout,
    );

    const table = await run('list');
    const json = JSON.parse((await run('list', '--json')).stdout);

    expect(table.stdout.split('\n')[0]).toMatch(
      /^ID\s+ROLE\s+PREFIX\s+CREATED\s+LAST USED\s+STATUS\s+NAME$/,
    );
    expect(table.stdout).toContain(`${created.prefix}…`);
    expect(table.stdout).not.toContain(created.secret);
    expect(json.map((key: { name: string }) => key.name)).toEqual([
      'Pricing dashboard',
      'Feed',
      'Ops',
    ]);
    expect(JSON.stringify(json)).not.toContain(created.secret);
  });

  it('revokes a key', async () => {
    const created = JSON.parse(
      (await run('create', '--role', 'reader', '--name', 'Old', '--json')).stdout,
    );

    const result = await run('revoke', created.id);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Revoked API key ${created.id} "Old" (${created.prefix}…).\n`);
    expect(await new ApiKeyStore(dataSource).authenticate(created.secret)).toBeUndefined();
    expect((await run('list')).stdout).toMatch(/revoked \d{4}-\d\d-\d\d \d\d:\d\dZ\s+Old/);
  });

  it('reports an unknown id with exit code 1', async () => {
    const result = await run('revoke', '4242');

    expect(result.code).toBe(1);
    expect(result.stderr).toBe('No API key has id "4242"; list the keys to find one.\n');
  });

  it.each([
    [['create', '--name', 'x'], '--role must be reader, analyst or admin; received "".'],
    [
      ['create', '--role', 'owner', '--name', 'x'],
      '--role must be reader, analyst or admin; received "owner".',
    ],
    [['create', '--role', 'reader'], '--name is missing; name the key after what will use it.'],
    [['revoke', 'abc'], 'revoke takes one key id, a positive whole number; received "abc".'],
    [['rotate'], 'Unknown command "rotate"; use create, list or revoke.'],
  ])('rejects %j with exit code 2', async (argv, message) => {
    const result = await run(...argv);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${message}\n\n${KEYS_USAGE}`);
  });

  it('rejects an unknown option', async () => {
    const result = await run('list', '--all');

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--all'/);
  });

  it('prints usage for --help', async () => {
    expect(await run('--help')).toEqual({ code: 0, stdout: KEYS_USAGE, stderr: '' });
  });
});

describe('npm run keys', () => {
  it('creates a key in the configured database', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-keys-cli-'));
    const databasePath = path.join(folder, 'cli.sqlite');
    try {
      const { stdout } = await promisify(execFile)(
        'npm',
        [
          'run',
          '--silent',
          'keys',
          '--',
          'create',
          '--role',
          'reader',
          '--name',
          'From CLI',
          '--json',
        ],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: `sqlite:${databasePath}` } },
      );

      const created = JSON.parse(stdout);
      const { dataSource } = await openDatabase({ type: 'sqlite', path: databasePath });
      try {
        const store = new ApiKeyStore(dataSource);
        expect((await store.authenticate(created.secret))?.name).toBe('From CLI');
      } finally {
        await dataSource.destroy();
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
