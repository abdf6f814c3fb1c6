import { HuggingFaceProvider } from '../../src/copywriting';
import { GeneratedCopy } from '../../src/db/entities';
import { ChatServer } from '../support/chatServer';
import { seedCatalogue } from '../support/fixtures';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';

const CREATE = /* GraphQL */ `
  mutation Create($input: BrandProfileInput!) {
    createBrandProfile(input: $input) {
      id
      brandProfileId
      version
      name
      voice
      preferWords
      avoidWords
      forbiddenClaims
      createdBy
    }
  }
`;

const GENERATE = /* GraphQL */ `
  mutation Generate($profile: ID) {
    generateCopy(productId: "1", channel: SOCIAL_POST, brandProfileId: $profile) {
      id
      text
      providerCalls
      prompts
      violations {
        rule
        severity
        text
        field
        message
      }
      brandProfile {
        id
        version
      }
    }
  }
`;

describe('brand profiles', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) => seedCatalogue(dataSource, { products: 1, days: 60 }),
    });
  });

  afterAll(() => server.stop());

  it('creates version 1', async () => {
    const result = await server.gql(CREATE, {
      input: { name: 'Lumen', voice: 'warm and plain', avoidWords: ['cheap'] },
    });

    expect(result.errors).toBeUndefined();
    expect(result.data!.createBrandProfile).toMatchObject({
      version: 1,
      name: 'Lumen',
      voice: 'warm and plain',
      preferWords: [],
      avoidWords: ['cheap'],
      forbiddenClaims: [],
      createdBy: null,
    });
  });

  it('stores an update as a new version', async () => {
    const created = await server.gql(CREATE, { input: { name: 'Harbour', voice: 'calm' } });
    const profileId = created.data!.createBrandProfile.brandProfileId;

    const updated = await server.gql(
      `mutation($id: ID!) { updateBrandProfile(id: $id, input: { avoidWords: ["bargain"] }) { version voice avoidWords } }`,
      { id: profileId },
    );
    const profile = await server.gql(
      `query($id: ID!) { brandProfile(id: $id) { currentVersion current { version } versions { version voice avoidWords } } }`,
      { id: profileId },
    );

    expect(updated.data!.updateBrandProfile).toEqual({
      version: 2,
      voice: 'calm',
      avoidWords: ['bargain'],
    });
    expect(profile.data!.brandProfile).toEqual({
      currentVersion: 2,
      current: { version: 2 },
      versions: [
        { version: 1, voice: 'calm', avoidWords: [] },
        { version: 2, voice: 'calm', avoidWords: ['bargain'] },
      ],
    });
  });

  it('rejects a taken name', async () => {
    await server.gql(CREATE, { input: { name: 'Copper' } });

    const result = await server.gql(CREATE, { input: { name: 'Copper' } });

    expect(result.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(result.errors![0].message).toMatch(
      /^The brand profile name "Copper" is taken by brand profile \d+; choose another name or update that profile\.$/,
    );
  });

  it('rejects personal data in a profile', async () => {
    const result = await server.gql(CREATE, {
      input: { name: 'Quill', voice: 'Write like Mrs Alice Hart, alice.hart@example.com' },
    });

    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'voice' });
    expect(result.errors![0].message).toBe(
      'Invalid voice, it contains personal data (NAME, EMAIL); brand profiles go into prompts, so remove it.',
    );
  });

  it('rejects a word listed twice', async () => {
    const result = await server.gql(CREATE, {
      input: { name: 'Dune', avoidWords: ['cheap', 'Cheap'] },
    });

    expect(result.errors![0].extensions).toMatchObject({ field: 'avoidWords[1]' });
    expect(result.errors![0].message).toBe('Invalid avoidWords: "Cheap" is listed twice.');
  });

  it('reports an unknown profile to generateCopy', async () => {
    const result = await server.gql(GENERATE, { profile: '999' });

    expect(result.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'brandProfileId',
    });
  });

  it('keeps the version a copy used after an update', async () => {
    const created = await server.gql(CREATE, { input: { name: 'Willow' } });
    const { id: versionId, brandProfileId } = created.data!.createBrandProfile;
    const written = await server.gql(GENERATE, { profile: brandProfileId });

    await server.gql(
      `mutation($id: ID!) { updateBrandProfile(id: $id, input: { voice: "bolder" }) { version } }`,
      { id: brandProfileId },
    );
    const copy = await server.gql(
      `query($id: ID!) { copy(id: $id) { brandProfile { id version } } }`,
      { id: written.data!.generateCopy[0].id },
    );

    expect(copy.data!.copy.brandProfile).toEqual({ id: versionId, version: 1 });
  });

  it('makes the builtin provider avoid a word on regeneration', async () => {
    // "Product" is in the product's name, so the first builtin text uses it.
    const created = await server.gql(CREATE, {
      input: { name: 'Nameless', avoidWords: ['Product'] },
    });

    const result = await server.gql(GENERATE, {
      profile: created.data!.createBrandProfile.brandProfileId,
    });

    const [copy] = result.data!.generateCopy;
    expect(copy.providerCalls).toBe(2);
    expect(copy.prompts[1]).toContain('a word the brand profile "Nameless" avoids');
    expect(copy.text).not.toMatch(/product/i);
    expect(copy.violations).toEqual([]);
  });
});

describe('brand profile rules with a language model', () => {
  let chat: ChatServer;
  let server: TestServer;
  let profileId: string;

  beforeAll(async () => {
    chat = await ChatServer.start();
    server = await startTestServer({
      copyProvider: new HuggingFaceProvider({
        model: 'test-model',
        endpointUrl: chat.url,
        timeoutMs: 2000,
        retry: { maxAttempts: 1 },
      }),
      seed: (dataSource) => seedCatalogue(dataSource, { products: 1, days: 60 }),
    });
    const created = await server.gql(CREATE, {
      input: {
        name: 'Lantern Co',
        voice: 'quiet confidence, no exclamation marks',
        preferWords: ['glow'],
        avoidWords: ['cheap'],
        forbiddenClaims: ['lasts forever'],
      },
    });
    profileId = created.data!.createBrandProfile.brandProfileId;
  });

  afterAll(async () => {
    await server.stop();
    await chat.close();
  });

  it('states the profile in the prompt', async () => {
    chat.enqueue({ content: 'A soft glow for quiet evenings.' });

    await server.gql(GENERATE, { profile: profileId });

    const user = chat.requests.at(-1)!.body.messages![1].content;
    expect(user).toContain('Brand: "Lantern Co".');
    expect(user).toContain('Brand voice: "quiet confidence, no exclamation marks".');
    expect(user).toContain('Prefer these words where they fit: "glow".');
    expect(user).toContain('Never use these words: "cheap".');
    expect(user).toContain('Never make these claims: "lasts forever".');
  });

  it('writes again after a violation', async () => {
    chat.enqueue(
      { content: 'The cheapest glow in town, and it lasts forever.' },
      { content: 'A soft glow for quiet evenings.' },
    );

    const result = await server.gql(GENERATE, { profile: profileId });

    const [copy] = result.data!.generateCopy;
    expect(copy.text).toBe('A soft glow for quiet evenings.');
    expect(copy.providerCalls).toBe(2);
    expect(copy.violations).toEqual([]);
    const retry = chat.requests.at(-1)!.body.messages![1].content;
    expect(retry).toContain('An earlier text broke these rules, so avoid them:');
    expect(retry).toContain('The text makes a forbidden claim: "cheapest".');
    expect(retry).toContain('The text makes a forbidden claim: "lasts forever".');
  });

  it('reports violations left after the regeneration round', async () => {
    chat.enqueue(
      { content: 'Cheap and cheerful, rated 4.9 by 2,000 buyers.' },
      { content: 'Still cheap, rated 4.9.' },
    );

    const result = await server.gql(GENERATE, { profile: profileId });

    const [copy] = result.data!.generateCopy;
    // Sorted by position in the text; a missing word has position 0.
    expect(copy.violations).toEqual([
      expect.objectContaining({ rule: 'MISSING_PREFERRED_WORD', severity: 'warning' }),
      expect.objectContaining({
        rule: 'AVOID_WORD',
        severity: 'error',
        text: 'cheap',
        field: 'post',
      }),
      expect.objectContaining({ rule: 'UNSUPPORTED_NUMBER', severity: 'error', text: '4.9' }),
    ]);
    const stored = await server.dataSource
      .getRepository(GeneratedCopy)
      .findOneByOrFail({ id: Number(copy.id) });
    expect(stored.violations).toHaveLength(3);
  });
});
