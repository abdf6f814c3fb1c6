import { seedCatalogue } from '../support/fixtures';
import { startTestServer } from '../support/testServer';
import type { GraphQLResponse, TestServer } from '../support/testServer';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      sku
      name
      listPrice {
        amount
        currency
      }
      tags
    }
  }
`;

describe('product queries and mutations', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) => seedCatalogue(dataSource, { products: 7 }),
    });
  });

  afterAll(() => server.stop());

  it('finds a product by id and by SKU', async () => {
    const byId = await server.gql('{ product(id: "2") { sku name category } }');
    const bySku = await server.gql('{ product(sku: "SKU-002") { id } }');

    expect(byId.data!.product).toEqual({ sku: 'SKU-002', name: 'Product 2', category: 'Cat B' });
    expect(bySku.data!.product).toEqual({ id: '2' });
  });

  it('returns null for an unknown product', async () => {
    const result = await server.gql('{ product(sku: "NOPE") { id } }');

    expect(result.errors).toBeUndefined();
    expect(result.data!.product).toBeNull();
  });

  it('rejects both id and sku', async () => {
    const result = await server.gql('{ product(id: "1", sku: "SKU-001") { id } }');

    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toBe(
      'product takes exactly one of id or sku; pass one of them.',
    );
  });

  it('pages through products with cursors', async () => {
    const query =
      'query($after: String) { products(first: 3, after: $after) { totalCount edges { cursor node { sku } } pageInfo { hasNextPage hasPreviousPage endCursor } } }';
    const pages: string[][] = [];
    let after: string | null = null;
    let hasNextPage = true;

    while (hasNextPage) {
      const result: GraphQLResponse = await server.gql(query, { after });
      const connection: any = result.data!.products;
      expect(connection.totalCount).toBe(7);
      pages.push(connection.edges.map((edge: { node: { sku: string } }) => edge.node.sku));
      hasNextPage = connection.pageInfo.hasNextPage;
      after = connection.pageInfo.endCursor;
    }

    expect(pages).toEqual([
      ['SKU-001', 'SKU-002', 'SKU-003'],
      ['SKU-004', 'SKU-005', 'SKU-006'],
      ['SKU-007'],
    ]);
  });

  it('filters by category and text', async () => {
    const byCategory = await server.gql(
      '{ products(first: 10, category: "Cat B") { totalCount } }',
    );
    const bySearch = await server.gql(
      '{ products(first: 10, search: "number 7") { edges { node { sku } } } }',
    );
    const byPercent = await server.gql('{ products(first: 10, search: "%") { totalCount } }');

    expect(byCategory.data!.products.totalCount).toBe(3);
    expect(bySearch.data!.products.edges).toEqual([{ node: { sku: 'SKU-007' } }]);
    expect(byPercent.data!.products.totalCount).toBe(0);
  });

  it('rejects a page size over the maximum', async () => {
    const result = await server.gql('{ products(first: 101) { totalCount } }');

    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toBe('first must be between 1 and 100; received 101.');
  });

  it.each(['product:0', 'product:1e3', 'product:3:extra'])(
    'rejects the cursor %s',
    async (text) => {
      const cursor = Buffer.from(text).toString('base64url');

      const result = await server.gql(`{ products(first: 2, after: "${cursor}") { totalCount } }`);

      expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    },
  );

  it('rejects a forged cursor', async () => {
    const forged = Buffer.from('forecast:3').toString('base64url');

    const result = await server.gql(`{ products(first: 2, after: "${forged}") { totalCount } }`);

    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('creates, updates and deletes a product', async () => {
    const input = {
      sku: 'NEW-1',
      name: ' Lamp ',
      listPrice: '12.5',
      currency: 'GBP',
      tags: ['home'],
    };

    const created = await server.gql(CREATE, { input });
    const id = created.data!.createProduct.id;
    const updated = await server.gql(
      'mutation($id: ID!) { updateProduct(id: $id, input: { listPrice: "0.001", name: "Desk lamp" }) { name listPrice { amount } } }',
      { id },
    );
    const deleted = await server.gql('mutation($id: ID!) { deleteProduct(id: $id) { sku } }', {
      id,
    });
    const after = await server.gql('{ product(sku: "NEW-1") { id } }');

    expect(created.data!.createProduct).toMatchObject({
      sku: 'NEW-1',
      name: 'Lamp',
      listPrice: { amount: '12.50', currency: 'GBP' },
      tags: ['home'],
    });
    expect(updated.data!.updateProduct).toEqual({
      name: 'Desk lamp',
      listPrice: { amount: '0.001' },
    });
    expect(deleted.data!.deleteProduct).toEqual({ sku: 'NEW-1' });
    expect(after.data!.product).toBeNull();
  });

  it('rejects a duplicate SKU without writing', async () => {
    const input = { sku: 'SKU-001', name: 'Other', listPrice: '1.00', currency: 'GBP' };

    const result = await server.gql(CREATE, { input });
    const original = await server.gql('{ product(sku: "SKU-001") { name } }');

    expect(result.errors![0].extensions).toEqual({ code: 'CONFLICT', field: 'sku' });
    expect(result.errors![0].message).toBe(
      'A product with SKU "SKU-001" already exists; choose another SKU or update that product.',
    );
    expect(original.data!.product.name).toBe('Product 1');
  });

  it.each([
    [
      { listPrice: '1.23456' },
      'listPrice',
      'listPrice must be a non-negative decimal string with at most 4 decimals, e.g. "2.55"; received "1.23456".',
    ],
    [
      { listPrice: '-1' },
      'listPrice',
      'listPrice must be a non-negative decimal string with at most 4 decimals, e.g. "2.55"; received "-1".',
    ],
    [
      { currency: 'gbp' },
      'currency',
      'currency must be an ISO 4217 code of three capital letters, e.g. "GBP"; received "gbp".',
    ],
    [
      { sku: 'has space' },
      'sku',
      'sku must be 1 to 64 letters, digits or . _ - / and start with a letter or digit; received "has space".',
    ],
    [{ name: '   ' }, 'name', 'name must be 1 to 255 characters; received "   ".'],
  ])('rejects invalid input %j', async (override, field, message) => {
    const input = { sku: 'OK-1', name: 'Ok', listPrice: '1.00', currency: 'GBP', ...override };

    const result = await server.gql(CREATE, { input });

    expect(result.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(result.errors![0].message).toBe(message);
  });

  it('reports a missing product on update', async () => {
    const result = await server.gql(
      'mutation { updateProduct(id: "999", input: { name: "x" }) { id } }',
    );

    expect(result.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(result.errors![0].message).toBe('Product 999 was not found.');
  });
});
