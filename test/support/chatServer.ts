import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scripted response. `content` builds an OpenAI-style chat completion, and `body`, when
 * given, is sent as JSON instead. `delayMs` delays the response, to test timeouts.
 */
export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  content?: string;
  body?: unknown;
  usage?: { prompt_tokens: number; completion_tokens: number };
  delayMs?: number;
}

/** A request the server received, with its JSON body parsed. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: { model?: string; messages?: { role: string; content: string }[]; [key: string]: unknown };
}

const CHAT_COMPLETIONS_PATH = '/v1/chat/completions';

/**
 * A local HTTP server on 127.0.0.1 that speaks the chat-completions protocol the way
 * text-generation-inference and vLLM do: `POST /v1/chat/completions` with a JSON body, answered
 * from a queue of scripted replies, one per request. With the queue empty it responds with status 500.
 * Every response carries an `x-request-id` of the form `req-<n>`.
 */
export class ChatServer {
  readonly requests: RecordedRequest[] = [];
  private readonly replies: ScriptedReply[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(private readonly server: Server) {}

  /** Starts a server on an ephemeral port of 127.0.0.1. */
  static async start(): Promise<ChatServer> {
    let chatServer: ChatServer | undefined;
    const server = createServer((request, response) => {
      void chatServer?.handle(request, response);
    });
    chatServer = new ChatServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return chatServer;
  }

  /** Base URL to give a client as its endpoint, e.g. `http://127.0.0.1:40123`. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Queues replies, sent in order, one per request. */
  enqueue(...replies: ScriptedReply[]): void {
    this.replies.push(...replies);
  }

  /** Stops listening, cancels delayed responses and drops open connections. */
  async close(): Promise<void> {
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const requestId = `req-${this.requests.length + 1}`;
    this.requests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body: text === '' ? {} : JSON.parse(text),
    });

    if (request.method !== 'POST' || request.url !== CHAT_COMPLETIONS_PATH) {
      sendJson(
        response,
        404,
        { error: `No route for ${request.method} ${request.url}.` },
        { 'x-request-id': requestId },
      );
      return;
    }
    const reply = this.replies.shift() ?? {
      status: 500,
      body: { error: 'No scripted reply left.' },
    };
    const send = (): void => {
      const body = reply.body ?? chatCompletion(reply.content ?? '', reply.usage);
      sendJson(response, reply.status ?? 200, body, {
        'x-request-id': requestId,
        ...reply.headers,
      });
    };
    if (reply.delayMs === undefined) {
      send();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!response.destroyed) {
        send();
      }
    }, reply.delayMs);
    this.timers.add(timer);
  }
}

/** Builds a chat-completions response body with one choice. */
export function chatCompletion(
  content: string,
  usage = { prompt_tokens: 42, completion_tokens: 17 },
): Record<string, unknown> {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
