import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted response: class scores for one text, or a status and body to send instead. */
export interface ClassificationReply {
  scores?: Array<{ label: string; score: number }>;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request the server received, with its JSON body parsed. */
export interface ClassificationRequest {
  path: string;
  authorization?: string;
  body: { inputs?: string; [key: string]: unknown };
}

/**
 * A local HTTP server on 127.0.0.1 that speaks Hugging Face's text-classification protocol:
 * `POST /` with `{"inputs": "<text>"}`, and the response `[[{"label": ..., "score": ...}, ...]]`.
 * Replies come from a queue, one per request. When the queue is empty, `fallback` builds the
 * reply, and without it the server responds with status 500. Every response carries an
 * `x-request-id` of the form `cls-<n>`.
 */
export class TextClassificationServer {
  readonly requests: ClassificationRequest[] = [];
  private readonly replies: ClassificationReply[] = [];

  private constructor(
    private readonly server: Server,
    private readonly fallback?: (text: string) => ClassificationReply,
  ) {}

  /** Starts a server on an ephemeral port of 127.0.0.1. */
  static async start(
    fallback?: (text: string) => ClassificationReply,
  ): Promise<TextClassificationServer> {
    let instance: TextClassificationServer | undefined;
    const server = createServer((request, response) => {
      void instance?.handle(request, response);
    });
    instance = new TextClassificationServer(server, fallback);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  /** The URL to give the classifier as its endpoint. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Queues replies, sent in order, one per request. */
  enqueue(...replies: ClassificationReply[]): void {
    this.replies.push(...replies);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text === '' ? {} : (JSON.parse(text) as ClassificationRequest['body']);
    this.requests.push({
      path: request.url ?? '',
      authorization: request.headers.authorization,
      body,
    });

    const reply = this.replies.shift() ??
      this.fallback?.(String(body.inputs ?? '')) ?? {
        status: 500,
        body: { error: 'No scripted reply left.' },
      };
    response.writeHead(reply.status ?? 200, {
      'content-type': 'application/json',
      'x-request-id': `cls-${this.requests.length}`,
      ...reply.headers,
    });
    response.end(JSON.stringify(reply.body ?? [reply.scores ?? []]));
  }
}
