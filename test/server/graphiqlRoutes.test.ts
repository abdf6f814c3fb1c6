import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { GRAPHIQL_FILES } from '../../src/server/graphiql/buildGraphiql';
import { EXAMPLE_QUERY } from '../../src/server/graphiql/graphiqlRoutes';
import { startHarness } from './harness';
import type { Harness } from './harness';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('GraphiQL routes', () => {
  let folder: string;
  let harness: Harness;

  beforeAll(async () => {
    // Placeholder files stand in for the bundle; the browser test builds the real one.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-graphiql-routes-'));
    for (const file of GRAPHIQL_FILES) {
      fs.writeFileSync(path.join(folder, file), `/* ${file} */`);
    }
    harness = await startHarness({ authMode: 'required', graphiqlFolder: folder });
  });

  afterAll(async () => {
    await harness.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('serves the page to browsers without a key', async () => {
    const response = await fetch(harness.url, { headers: { accept: BROWSER_ACCEPT } });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<script src="/graphiql/graphiql.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    const settings = JSON.parse(html.match(/type="application\/json">(.*)<\/script>/)![1]);
    expect(settings).toEqual({
      endpoint: '/graphql',
      assetsPath: '/graphiql/',
      authMode: 'required',
      exampleQuery: EXAMPLE_QUERY,
    });
  });

  it('serves the bundle files', async () => {
    const response = await fetch(`${harness.origin}/graphiql/graphiql.js`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toBe('/* graphiql.js */');
  });

  it('answers 404 for other files', async () => {
    const response = await fetch(`${harness.origin}/graphiql/other.js`);

    expect(response.status).toBe(404);
  });

  it('leaves JSON GET requests to GraphQL', async () => {
    const response = await fetch(`${harness.url}?query=%7B__typename%7D`, {
      headers: { accept: 'application/json' },
    });

    expect(response.status).toBe(401);
  });

  it('says how to build a missing bundle', async () => {
    const bare = await startHarness({ graphiqlFolder: path.join(folder, 'missing') });
    try {
      const response = await fetch(bare.url, { headers: { accept: BROWSER_ACCEPT } });

      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/Run `npm run build:graphiql` and reload\./);
      expect(bare.logs.some((line) => /^GraphiQL bundle missing/.test(line.msg))).toBe(true);
    } finally {
      await bare.stop();
    }
  });
});
