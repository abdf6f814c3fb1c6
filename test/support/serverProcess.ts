import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';

/** A server started as its own process, as `npm start` starts it, and its log lines. */
export interface ServerProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Every pino line printed so far, parsed. */
  logs: Record<string, unknown>[];
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * Starts `src/server/main.ts` through ts-node with the given environment (PORT=0 unless set)
 * and resolves once it logs 'server listening'. Rejects when the process exits first or when
 * `timeoutMs` passes.
 */
export function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--require', 'ts-node/register/transpile-only', path.join(ROOT, 'src/server/main.ts')],
    { cwd: ROOT, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env } },
  );
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within ${timeoutMs} ms. stderr: ${stderr}`));
    }, timeoutMs);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code} before listening. stderr: ${stderr}`));
    });

    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'server listening') {
        clearTimeout(timer);
        const port = new URL(String(entry.url)).port;
        resolve({
          url: `http://127.0.0.1:${port}/graphql`,
          child,
          logs,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
  });
}
