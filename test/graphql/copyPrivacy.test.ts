import { HuggingFaceProvider } from '../../src/copywriting';
import { GeneratedCopy, Product } from '../../src/db/entities';
import { ChatServer } from '../support/chatServer';
import { seedCatalogue } from '../support/fixtures';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';

const GENERATE = /* GraphQL */ `
  mutation Generate($productId: ID!, $audience: AudienceInput) {
    generateCopy(productId: $productId, channel: SOCIAL_POST, audience: $audience) {
      id
      text
    }
  }
`;

/** Audience descriptions that name a person rather than a group, with the kinds found. */
const PERSONAL_AUDIENCES = [
  { description: 'shoppers like jane.doe@example.com', kinds: 'EMAIL' },
  { description: 'call +44 20 7946 0958 buyers', kinds: 'PHONE' },
  { description: 'customer id 88231 and friends', kinds: 'CUSTOMER_ID' },
  { description: 'Dear Margaret and her family', kinds: 'NAME' },
];

describe('personal data in copy generation', () => {
  let chat: ChatServer;
  let server: TestServer;

  beforeAll(async () => {
    chat = await ChatServer.start();
    server = await startTestServer({
      copyProvider: new HuggingFaceProvider({
        model: 'test-model',
        endpointUrl: chat.url,
        timeoutMs: 2000,
        retry: { maxAttempts: 1 },
      }),
      seed: async (dataSource) => {
        await seedCatalogue(dataSource, { products: 2, days: 60 });
        await dataSource.getRepository(Product).update(
          { id: 2 },
          {
            description:
              'Returned by Mr John Smith (john.smith@example.com, 07700 900123), customer id 55102.',
          },
        );
      },
    });
  });

  afterAll(async () => {
    await server.stop();
    await chat.close();
  });

  it.each(PERSONAL_AUDIENCES)(
    'rejects an audience with $kinds before any prompt',
    async ({ description, kinds }) => {
      const requestsBefore = chat.requests.length;
      const copiesBefore = await server.dataSource.getRepository(GeneratedCopy).count();

      const result = await server.gql(GENERATE, { productId: '1', audience: { description } });

      expect(result.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'audience.description',
      });
      expect(result.errors![0].message).toContain(`it contains personal data (${kinds})`);
      expect(result.errors![0].message).not.toContain(description);
      expect(chat.requests.length).toBe(requestsBefore);
      expect(await server.dataSource.getRepository(GeneratedCopy).count()).toBe(copiesBefore);
    },
  );

  it('rejects personal data in a bulk job before queueing', async () => {
    const result = await server.gql(
      `mutation($input: GenerateCopyBulkInput!) { generateCopyBulk(input: $input) { id } }`,
      {
        input: {
          productIds: ['1', '2'],
          channel: 'SMS',
          audience: { description: 'members such as jane.doe@example.com' },
        },
      },
    );

    expect(result.errors![0].extensions!.field).toBe('audience.description');
    expect(await server.gql(`{ job(id: "1") { id } }`)).toMatchObject({ data: { job: null } });
  });

  it('redacts personal data in product text from the prompt', async () => {
    chat.enqueue({ content: 'A lantern for quiet evenings.' });

    const result = await server.gql(GENERATE, { productId: '2' });

    expect(result.errors).toBeUndefined();
    const sent = JSON.stringify(chat.requests.at(-1)!.body.messages);
    for (const secret of ['John Smith', 'john.smith@example.com', '07700 900123', '55102']) {
      expect(sent).not.toContain(secret);
    }
    expect(sent).toContain('[removed email]');
    expect(sent).toContain('[removed name]');
    expect(sent).toContain('[removed phone]');
    expect(sent).toContain('[removed customer id]');
  });

  it('flags personal data the model writes', async () => {
    chat.enqueue(
      { content: 'Ask Mr Brown at brown@example.com for yours.' },
      { content: 'Ask Mr Brown at brown@example.com for yours.' },
    );

    const result = await server.gql(
      `mutation { generateCopy(productId: "1", channel: SOCIAL_POST) { violations { rule text } } }`,
    );

    expect(result.data!.generateCopy[0].violations).toEqual([
      { rule: 'PERSONAL_DATA', text: 'Mr Brown' },
      { rule: 'PERSONAL_DATA', text: 'brown@example.com' },
    ]);
  });
});
