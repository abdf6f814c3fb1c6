import { ErrorCode } from '../../src/shared/errors';
import {
  BuiltinProvider,
  buildPrompt,
  FallbackProvider,
  generateCopy,
  HuggingFaceProvider,
  ProviderError,
} from '../../src/copywriting';
import type { FallbackEvent, HuggingFaceProviderOptions, RetryEvent } from '../../src/copywriting';
import { ChatServer } from '../support/chatServer';
import { makeBrief } from './fixtures';

const TOKEN = 'hf_testTokenThatMustNeverLeak123';

describe('HuggingFaceProvider', () => {
  let server: ChatServer;
  let retries: RetryEvent[];

  beforeEach(async () => {
    server = await ChatServer.start();
    retries = [];
  });

  afterEach(async () => {
    await server.close();
  });

  function makeProvider(options: Partial<HuggingFaceProviderOptions> = {}): HuggingFaceProvider {
    return new HuggingFaceProvider({
      model: 'test-org/test-model',
      accessToken: TOKEN,
      endpointUrl: server.url,
      timeoutMs: 5000,
      retry: { initialDelayMs: 10, maxDelayMs: 2000 },
      random: () => 0.5,
      hooks: { willRetry: (event) => retries.push(event) },
      ...options,
    });
  }

  function makeRequest() {
    const brief = makeBrief();
    return { brief, variant: 0, messages: buildPrompt(brief, 0).messages };
  }

  async function catchError(promise: Promise<unknown>): Promise<ProviderError> {
    const error = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }

  it('returns the completion and its usage', async () => {
    server.enqueue({ content: '  Light up your window for £2.55.  ' });

    const completion = await makeProvider().generate(makeRequest());

    expect(completion.text).toBe('Light up your window for £2.55.');
    expect(completion.provider).toBe('huggingface');
    expect(completion.model).toBe('test-org/test-model');
    expect(completion.usage).toEqual({ promptTokens: 42, completionTokens: 17 });
    expect(completion.requestId).toBe('req-1');
    expect(completion.prompt).toContain('<product_data>');
    expect(completion.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('sends an OpenAI-style chat request', async () => {
    server.enqueue({ content: 'Hello.' });
    const request = makeRequest();

    await makeProvider({ maxTokens: 100, temperature: 0.3 }).generate(request);

    const [sent] = server.requests;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent.body.model).toBe('test-org/test-model');
    expect(sent.body.messages).toEqual(request.messages);
    expect(sent.body.max_tokens).toBe(100);
    expect(sent.body.temperature).toBe(0.3);
  });

  it('retries after a 503', async () => {
    server.enqueue(
      { status: 503, body: { error: 'Model is loading' } },
      { content: 'Back again.' },
    );

    const completion = await makeProvider().generate(makeRequest());

    expect(completion.text).toBe('Back again.');
    expect(server.requests).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({
      attempt: 1,
      maxAttempts: 3,
      status: 503,
      requestId: 'req-1',
    });
  });

  it('retries a 429 after its Retry-After', async () => {
    server.enqueue(
      { status: 429, headers: { 'retry-after': '1' }, body: { error: 'Rate limit reached' } },
      { content: 'Worth the wait.' },
    );

    const completion = await makeProvider({ random: () => 0 }).generate(makeRequest());

    expect(completion.text).toBe('Worth the wait.');
    expect(retries).toHaveLength(1);
    expect(retries[0].status).toBe(429);
    expect(retries[0].delayMs).toBe(1000);
  });

  it('backs off exponentially with jitter', async () => {
    server.enqueue(
      { status: 503, body: { error: 'busy' } },
      { status: 503, body: { error: 'busy' } },
    );
    server.enqueue({ content: 'Third time lucky.' });

    await makeProvider({ random: () => 0.5 }).generate(makeRequest());

    expect(retries.map((event) => event.delayMs)).toEqual([5, 10]);
  });

  it('fails after the last 429 attempt', async () => {
    for (let i = 0; i < 3; i += 1) {
      server.enqueue({ status: 429, body: { error: 'Rate limit reached' } });
    }

    const error = await catchError(makeProvider().generate(makeRequest()));

    expect(error.code).toBe(ErrorCode.ProviderError);
    expect(error.status).toBe(429);
    expect(error.requestId).toBe('req-3');
    expect(error.attempts).toBe(3);
    expect(error.message).toBe(
      'Provider huggingface failed for model "test-org/test-model" with HTTP status 429 after 3 attempts (request id "req-3"): Failed to perform inference: Rate limit reached.',
    );
    expect(server.requests).toHaveLength(3);
    expect(retries).toHaveLength(2);
  });

  it('does not retry a 500', async () => {
    server.enqueue({ status: 500, body: { error: 'internal failure' } }, { content: 'unused' });

    const error = await catchError(makeProvider().generate(makeRequest()));

    expect(error.status).toBe(500);
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the token out of error messages', async () => {
    server.enqueue({ status: 401, body: { error: `Invalid credentials in Bearer ${TOKEN}` } });

    const error = await catchError(makeProvider().generate(makeRequest()));

    expect(error.status).toBe(401);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).toContain('[redacted]');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('times out a slow answer', async () => {
    server.enqueue({ content: 'Too late.', delayMs: 3000 });

    const error = await catchError(makeProvider({ timeoutMs: 200 }).generate(makeRequest()));

    expect(error.code).toBe(ErrorCode.ProviderTimeout);
    expect(error.message).toBe(
      'Provider huggingface timed out after 200 ms waiting for model "test-org/test-model", so raise timeoutMs or choose a faster model.',
    );
    expect(retries).toHaveLength(0);
  });

  it('rejects empty output', async () => {
    server.enqueue({ content: '   \n ' });

    const error = await catchError(makeProvider().generate(makeRequest()));

    expect(error.code).toBe(ErrorCode.ProviderError);
    expect(error.message).toBe(
      'Provider huggingface returned empty output for model "test-org/test-model" (request id "req-1").',
    );
  });

  it('passes a caller abort through', async () => {
    server.enqueue({ content: 'Never read.', delayMs: 3000 });
    const controller = new AbortController();
    const reason = new Error('request cancelled');

    const pending = makeProvider().generate({ ...makeRequest(), signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);

    await expect(pending).rejects.toBe(reason);
  });

  it('reports an unreachable server', async () => {
    const closedUrl = server.url;
    await server.close();
    server = await ChatServer.start();

    const error = await catchError(
      makeProvider({ endpointUrl: closedUrl }).generate(makeRequest()),
    );

    expect(error.code).toBe(ErrorCode.ProviderError);
    expect(error.status).toBeUndefined();
  });

  it('requires a token or an endpoint', () => {
    expect(() => new HuggingFaceProvider({ model: 'some/model' })).toThrow(
      'HuggingFaceProvider needs an access token for hosted inference providers, or an endpointUrl for a self-hosted server.',
    );
  });
});

describe('generateCopy with HuggingFaceProvider', () => {
  let server: ChatServer;

  beforeEach(async () => {
    server = await ChatServer.start();
  });

  afterEach(async () => {
    await server.close();
  });

  it('trims an answer over the length limit', async () => {
    const long =
      'Light up every window this winter with our white hanging heart. It holds a single tea light and hangs anywhere you like. Order yours today.';
    server.enqueue({ content: long });
    const provider = new HuggingFaceProvider({ model: 'tgi', endpointUrl: server.url });

    const [variant] = await generateCopy(provider, makeBrief({ maxLength: 80 }));

    expect(variant.truncated).toBe(true);
    expect(variant.length).toBeLessThanOrEqual(80);
    expect(variant.text).toBe('Light up every window this winter with our white hanging heart.');
    expect(variant.maxLength).toBe(80);
  });

  it('writes one request per variant', async () => {
    server.enqueue({ content: 'One.' }, { content: 'Two.' }, { content: 'Three.' });
    const provider = new HuggingFaceProvider({ model: 'tgi', endpointUrl: server.url });

    const variants = await generateCopy(provider, makeBrief({ variants: 3 }));

    expect(variants.map((variant) => variant.text)).toEqual(['One.', 'Two.', 'Three.']);
    expect(server.requests[2].body.messages?.[1].content).toContain('variant 3 of 3');
  });

  it('falls back to builtin when the model fails', async () => {
    server.enqueue({ status: 500, body: { error: 'down' } });
    const fallbacks: FallbackEvent[] = [];
    const primary = new HuggingFaceProvider({ model: 'tgi', endpointUrl: server.url });
    const provider = new FallbackProvider(primary, new BuiltinProvider(), {
      willFallBack: (event) => fallbacks.push(event),
    });

    const [variant] = await generateCopy(provider, makeBrief());

    expect(variant.provider).toBe('builtin');
    expect(variant.model).toBe('builtin-template-v1');
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0].from).toBe('huggingface');
    expect(fallbacks[0].error).toBeInstanceOf(ProviderError);
  });
});
