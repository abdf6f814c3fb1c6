// The GraphiQL page of the Marketcast API, bundled by esbuild (see ../buildGraphiql.ts).
// The server writes the settings into the page as JSON: the endpoint, the example query and
// the authentication mode.
import './monacoWorkers.js';
import 'graphiql/style.css';
import './graphiqlApp.css';

import { GraphiQL } from 'graphiql';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const settings = JSON.parse(document.getElementById('graphiql-settings').textContent);

// The key lives in sessionStorage: it survives a reload but not the closing of the tab.
const KEY_STORAGE = 'marketcast.apiKey';

function storedKey() {
  return sessionStorage.getItem(KEY_STORAGE) ?? '';
}

// Sends an operation as JSON over POST, with the stored key unless the headers editor sets
// its own Authorization header. Error responses (401, 429, ...) carry GraphQL error bodies,
// which GraphiQL shows as they are.
async function fetchGraphQL(params, options) {
  const key = storedKey();
  const response = await fetch(settings.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(options?.headers ?? {}),
    },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
}

function ApiKeyBar({ onChange }) {
  const [draft, setDraft] = useState('');
  const [saved, setSaved] = useState(storedKey());

  const save = (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, draft.trim());
    setSaved(draft.trim());
    setDraft('');
    onChange();
  };
  const forget = () => {
    sessionStorage.removeItem(KEY_STORAGE);
    setSaved('');
    onChange();
  };

  const status = saved
    ? `Using key ${saved.slice(0, 11)}…`
    : settings.authMode === 'development'
      ? 'No key: development mode, requests act as admin.'
      : 'No key: this server requires one.';
  return (
    <form className="mc-keybar" onSubmit={save}>
      <strong>Marketcast API</strong>
      <label htmlFor="mc-api-key">API key</label>
      <input
        id="mc-api-key"
        type="password"
        autoComplete="off"
        placeholder="mc_…"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" disabled={!draft.trim()}>
        Use key
      </button>
      <button type="button" onClick={forget} disabled={!saved}>
        Forget key
      </button>
      <span className="mc-keybar-status" role="status">
        {status}
      </span>
    </form>
  );
}

function App() {
  // Remounting GraphiQL after a key change makes it fetch the schema again with the new key.
  const [generation, setGeneration] = useState(0);
  return (
    <div className="mc-page">
      <ApiKeyBar onChange={() => setGeneration((value) => value + 1)} />
      <div className="mc-graphiql">
        <GraphiQL key={generation} fetcher={fetchGraphQL} defaultQuery={settings.exampleQuery} />
      </div>
    </div>
  );
}

createRoot(document.getElementById('graphiql')).render(<App />);
