import * as path from 'node:path';

/** Files the GraphiQL page loads, relative to the assets folder. */
export const GRAPHIQL_FILES = [
  'graphiql.js',
  'graphiql.css',
  'editor.worker.js',
  'json.worker.js',
  'graphql.worker.js',
] as const;

/**
 * Bundles GraphiQL, React and the Monaco editor workers into `outDir` with esbuild, so that
 * the server serves the IDE with no request to any other host. Takes a few seconds; esbuild and
 * the browser packages are development dependencies, needed only here.
 */
export async function buildGraphiqlAssets(outDir: string): Promise<void> {
  // Loaded here only, so the server itself never needs the development dependencies.
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: {
      graphiql: path.join(__dirname, 'browser', 'graphiqlApp.jsx'),
      'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
    },
    outdir: outDir,
    entryNames: '[name]',
    assetNames: 'assets/[name]-[hash]',
    bundle: true,
    format: 'iife',
    minify: true,
    sourcemap: false,
    jsx: 'automatic',
    target: ['chrome110', 'firefox110', 'safari16'],
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
    legalComments: 'eof',
    logLevel: 'warning',
  });
}

/** Returns the folder where the server looks for the bundle: dist/graphiql under the project root. */
export function defaultGraphiqlFolder(): string {
  // Compiled code runs from dist/src/server/graphiql, sources from src/server/graphiql.
  const root = __dirname.includes(`${path.sep}dist${path.sep}`)
    ? path.resolve(__dirname, '../../../..')
    : path.resolve(__dirname, '../../..');
  return path.join(root, 'dist', 'graphiql');
}

if (require.main === module) {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : defaultGraphiqlFolder();
  const started = performance.now();
  buildGraphiqlAssets(outDir).then(
    () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`Wrote the GraphiQL bundle to ${outDir} in ${seconds} s.\n`);
    },
    (error: unknown) => {
      process.stderr.write(`GraphiQL bundle failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
