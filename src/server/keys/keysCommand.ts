import { parseArgs } from 'node:util';

import type { DataSource } from 'typeorm';

import type { ApiKey } from '../../db/entities';
import { ApiKeyStore } from '../../graphql/apiKey/apiKeyStore';
import { parseRole, roleName } from '../../graphql/apiKey/role';
import type { Role } from '../../graphql/apiKey/role';
import { DomainError } from '../../shared/errors';

/** Usage text of `npm run keys`. */
export const KEYS_USAGE = `Usage: npm run keys -- <command> [options]

Commands:
  create --role <reader|analyst|admin> --name <text>
                Creates a key and prints its secret once; only its hash is stored.
  list          Lists every key without secrets: id, role, prefix, dates, name.
  revoke <id>   Revokes the key with that id; requests with it fail from then on.

Options:
  --json        Prints the result as JSON.
  --help        Prints this text.

The database is the one the server uses: DATABASE_URL, default sqlite:data/marketcast.sqlite.
`;

/** The command's output streams: standard output for results, standard error for problems. */
export interface CommandOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Thrown for an invalid command line; the message names what to change. */
class UsageError extends Error {}

/**
 * Runs one keys command (`create`, `list`, `revoke`) against the database and returns the
 * process exit code: 0 on success, 1 when the store rejects the request (an unknown id, an
 * invalid name), 2 for an invalid command line.
 */
export async function runKeysCommand(
  argv: string[],
  dataSource: DataSource,
  output: CommandOutput,
): Promise<number> {
  let parsed;
  try {
    parsed = parseKeysArgs(argv);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      output.stderr(`${(error as Error).message}\n\n${KEYS_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (parsed.command === 'help') {
    output.stdout(KEYS_USAGE);
    return 0;
  }

  const store = new ApiKeyStore(dataSource);
  try {
    switch (parsed.command) {
      case 'create': {
        const { apiKey, secret } = await store.create(parsed.name, parsed.role);
        output.stdout(
          parsed.json
            ? `${JSON.stringify({ ...describeKey(apiKey), secret })}\n`
            : `Created API key ${apiKey.id} "${apiKey.name}" with the ${roleName(parsed.role)} role.\nSecret, shown only now; send it as "Authorization: Bearer <secret>":\n${secret}\n`,
        );
        return 0;
      }
      case 'list': {
        const keys = await store.list();
        output.stdout(
          parsed.json ? `${JSON.stringify(keys.map(describeKey))}\n` : formatKeyTable(keys),
        );
        return 0;
      }
      case 'revoke': {
        const apiKey = await store.revoke(parsed.id);
        output.stdout(
          parsed.json
            ? `${JSON.stringify(describeKey(apiKey))}\n`
            : `Revoked API key ${apiKey.id} "${apiKey.name}" (${apiKey.prefix}…).\n`,
        );
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof DomainError) {
      output.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

type KeysArgs =
  | { command: 'help' }
  | { command: 'create'; role: Role; name: string; json: boolean }
  | { command: 'list'; json: boolean }
  | { command: 'revoke'; id: number; json: boolean };

function parseKeysArgs(argv: string[]): KeysArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    return { command: 'help' };
  }
  const json = values.json ?? false;

  switch (command) {
    case 'create': {
      const role = values.role === undefined ? undefined : parseRole(values.role);
      if (!role) {
        throw new UsageError(
          `--role must be reader, analyst or admin; received "${values.role ?? ''}".`,
        );
      }
      if (values.name === undefined) {
        throw new UsageError('--name is missing; name the key after what will use it.');
      }
      return { command, role, name: values.name, json };
    }
    case 'list':
      return { command, json };
    case 'revoke': {
      const id = Number(rest[0]);
      if (rest.length !== 1 || !/^\d+$/.test(rest[0]) || !Number.isSafeInteger(id) || id < 1) {
        throw new UsageError(
          `revoke takes one key id, a positive whole number; received "${rest.join(' ')}".`,
        );
      }
      return { command, id, json };
    }
  }
  throw new UsageError(`Unknown command "${command}"; use create, list or revoke.`);
}

function describeKey(apiKey: ApiKey) {
  return {
    id: String(apiKey.id),
    name: apiKey.name,
    role: roleName(apiKey.role as Role),
    prefix: apiKey.prefix,
    createdAt: apiKey.createdAt.toISOString(),
    lastUsedAt: apiKey.lastUsedAt?.toISOString() ?? null,
    revokedAt: apiKey.revokedAt?.toISOString() ?? null,
  };
}

function formatKeyTable(keys: ApiKey[]): string {
  if (keys.length === 0) {
    return 'No API keys. Create one with: npm run keys -- create --role reader --name "..."\n';
  }
  const rows = [
    ['ID', 'ROLE', 'PREFIX', 'CREATED', 'LAST USED', 'STATUS', 'NAME'],
    ...keys.map((key) => [
      String(key.id),
      roleName(key.role as Role),
      `${key.prefix}…`,
      minute(key.createdAt),
      key.lastUsedAt ? minute(key.lastUsedAt) : 'never',
      key.revokedAt ? `revoked ${minute(key.revokedAt)}` : 'active',
      key.name,
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

function minute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}Z`;
}
