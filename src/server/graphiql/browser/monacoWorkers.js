// Monaco, GraphiQL's editor, runs language services in web workers. Each worker is bundled
// into its own file next to graphiql.js, so the page loads them from this server only.
// This module must be imported before graphiql, which reads MonacoEnvironment when it loads.
const WORKER_FILES = {
  graphql: 'graphql.worker.js',
  json: 'json.worker.js',
};

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
    const file = WORKER_FILES[label] ?? 'editor.worker.js';
    return new Worker(settings.assetsPath + file);
  },
};
