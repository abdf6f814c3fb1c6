import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';

/** Project root, where `src/server/main.ts` lives. */
export const ROOT = path.resolve(__dirname, '../..');

/** One pino log line of the server process, parsed. */
export type LogLine = { level: number; msg: string } & Record<string, unknown>;

/** The real server process, started as `node src/server/main.ts` through ts-node. */
export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** Every JSON line the process wrote to stdout so far. */
  logs: LogLine[];
  /** Everything the process wrote to stderr so far. */
  stderr: () => string;
  /** Resolves with the first log line matching `predicate`, waiting for it if needed. */
  waitForLog(predicate: (line: LogLine) => boolean): Promise<LogLine>;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Spawns the server with `env` added to this process's environment. Rejects pending
 * `waitForLog` calls when the process exits without writing the awaited line.
 */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(
    process.execPath,
    ['--require', 'ts-node/register/transpile-only', 'src/server/main.ts'],
    // NODE_ENV=production as in real runs: jest sets "test", which changes library defaults.
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: 'pipe' },
  );
  const logs: LogLine[] = [];
  let stderr = '';
  let pending = '';
  const waiters: { predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const text of lines.filter(Boolean)) {
      const line = JSON.parse(text) as LogLine;
      logs.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));

  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  return {
    child,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog(predicate) {
      const seen = logs.find(predicate);
      if (seen) {
        return Promise.resolve(seen);
      }
      return new Promise((resolve, reject) => {
        waiters.push({ predicate, resolve });
        void exited.then((code) =>
          reject(new Error(`server exited with ${code} before the log line; stderr: ${stderr}`)),
        );
      });
    },
  };
}

/** A server process that has logged 'server listening', with its address. */
export interface ListeningServer extends ServerProcess {
  url: string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the server (PORT=0 and HOST=127.0.0.1 unless `env` sets them) and resolves once it
 * logs 'server listening'. Rejects when the process exits first or after `timeoutMs`.
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<ListeningServer> {
  const server = spawnServer({ PORT: '0', HOST: '127.0.0.1', ...env });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      server.child.kill('SIGKILL');
      reject(
        new Error(`The server did not start within ${timeoutMs} ms; stderr: ${server.stderr()}`),
      );
    }, timeoutMs);
  });
  try {
    const listening = await Promise.race([
      server.waitForLog((line) => line.msg === 'server listening'),
      timedOut,
    ]);
    const port = new URL(String(listening.url)).port;
    return {
      ...server,
      url: `http://127.0.0.1:${port}/graphql`,
      stop: () => {
        server.child.kill('SIGTERM');
        return server.exited;
      },
    };
  } finally {
    clearTimeout(timer);
  }
}
