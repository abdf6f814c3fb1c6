import * as fs from 'node:fs';
import * as path from 'node:path';

import express, { Router } from 'express';
import type { Request } from 'express';

import type { AuthMode } from '../config';
import { GRAPHIQL_FILES } from './buildGraphiql';

/** URL path of the bundled GraphiQL files. */
export const GRAPHIQL_ASSETS_PATH = '/graphiql/';

/** The query GraphiQL opens with; it runs on the shipped sample data. */
export const EXAMPLE_QUERY = `# Press the run button (or Ctrl-Enter) to run this query.
# It lists five lunch bags from the sample data, with
# their price and the units sold each month.
# The book icon on the left opens the docs; the bar above
# takes an API key.
query LunchBags {
  products(first: 5, search: "LUNCH BAG") {
    edges {
      node {
        sku
        name
        listPrice {
          amount
          currency
        }
        sales(granularity: MONTH) {
          period
          units
        }
      }
    }
  }
}
`;

/**
 * Browsers may load scripts, styles, workers and data from this server only. Monaco sets
 * inline styles on its elements, hence 'unsafe-inline' for styles; scripts have no exception.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Settings of `graphiqlRoutes`. */
export interface GraphiqlOptions {
  /** Folder holding the esbuild bundle (`npm run build:graphiql`). */
  assetsFolder: string;
  /** Path of the GraphQL endpoint, e.g. "/graphql". */
  endpoint: string;
  authMode: AuthMode;
}

/** Returns true when the folder contains every file of the bundle. */
export function hasGraphiqlBundle(folder: string): boolean {
  return GRAPHIQL_FILES.every((file) => fs.existsSync(path.join(folder, file)));
}

/**
 * Serves GraphiQL: the page on `GET <endpoint>` when the client prefers HTML (a browser), and
 * the bundle under /graphiql/. Other GET requests to the endpoint pass on to the GraphQL
 * handler. Without a bundle the page is a 503 that tells how to build it.
 */
export function graphiqlRoutes(options: GraphiqlOptions): Router {
  const router = Router();
  router.use(
    GRAPHIQL_ASSETS_PATH,
    express.static(options.assetsFolder, { index: false, maxAge: '1h' }),
    (_req, res) => {
      res.status(404).type('text/plain').send('Not found: no such GraphiQL file.\n');
    },
  );

  const page = renderPage(options);
  router.get(options.endpoint, (req, res, next) => {
    if (!prefersHtml(req)) {
      next();
      return;
    }
    res.set({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    if (!hasGraphiqlBundle(options.assetsFolder)) {
      res
        .status(503)
        .type('text/plain')
        .send(
          `GraphiQL is not built: ${options.assetsFolder} lacks its files. Run \`npm run build:graphiql\` and reload.\n`,
        );
      return;
    }
    res.type('html').send(page);
  });
  return router;
}

/** Returns true when text/html is the client's preferred type, as browsers send it. */
function prefersHtml(req: Request): boolean {
  return (
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
    'text/html'
  );
}

function renderPage(options: GraphiqlOptions): string {
  const settings = {
    endpoint: options.endpoint,
    assetsPath: GRAPHIQL_ASSETS_PATH,
    authMode: options.authMode,
    exampleQuery: EXAMPLE_QUERY,
  };
  // "<" is escaped so that no value can close the script element early.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Marketcast API · GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}graphiql.css" />
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script id="graphiql-settings" type="application/json">${json}</script>
    <script src="${GRAPHIQL_ASSETS_PATH}graphiql.js"></script>
  </body>
</html>
`;
}
