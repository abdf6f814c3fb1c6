import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

/** Debian's Chromium, which the browser test drives through playwright-core. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * Prepares the machine before any test file runs: the GraphiQL browser test needs Debian's
 * `chromium` package. When it is missing and the tests run as root on a Debian-like system, it
 * is installed with apt-get, the way `.ci/run` installs it; otherwise the run stops with the
 * command to run first.
 */
export default function globalSetup(): void {
  if (fs.existsSync(CHROMIUM)) {
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `The browser test needs Chromium at ${CHROMIUM}; install it with "sudo apt-get install -y chromium", then run npm test again.`,
    );
  }
  process.stdout.write(`\n${CHROMIUM} is missing; installing Debian's chromium package with apt-get.\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
}
