import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';

import { GeneratedCopy } from '../../src/db/entities';
import { requireApprovedCopies } from '../../src/graphql/copy/copyReview';
import { seedCatalogue } from '../support/fixtures';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';

const COPY_FIELDS =
  'id status isApproved reviewedBy reviewReason reviewedAt statusHistory { from to reviewer reason at }';

/** Stores one draft copy directly, as generateCopy would, with the given overrides. */
async function insertCopy(
  dataSource: DataSource,
  overrides: Partial<GeneratedCopy> = {},
): Promise<number> {
  const repository = dataSource.getRepository(GeneratedCopy);
  const row = await repository.save(
    repository.create({
      productId: 1,
      channel: 'SOCIAL_POST',
      tone: 'FRIENDLY',
      language: 'en',
      text: 'A warm light for long evenings.',
      fields: [
        {
          name: 'post',
          index: 0,
          text: 'A warm light for long evenings.',
          length: 31,
          limit: 280,
          unit: 'X_WEIGHTED',
          truncated: false,
          shortenRounds: 0,
        },
      ],
      violations: [],
      variant: 0,
      maxLength: 280,
      truncated: false,
      provider: 'builtin',
      model: 'builtin-template-v1',
      prompt: 'system:\n...',
      prompts: ['system:\n...'],
      providerCalls: 1,
      latencyMs: 1,
      promptTokens: null,
      completionTokens: null,
      ...overrides,
    }),
    { transaction: false },
  );
  return row.id;
}

describe('copy review workflow', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) => seedCatalogue(dataSource, { products: 1, days: 60 }),
    });
  });

  afterAll(() => server.stop());

  const approve = (id: number, extra = '') =>
    server.gql(`mutation { approveCopy(id: "${id}"${extra}) { ${COPY_FIELDS} } }`);
  const reject = (id: number, reason: string) =>
    server.gql(
      `mutation($reason: String!) { rejectCopy(id: "${id}", reason: $reason) { ${COPY_FIELDS} } }`,
      {
        reason,
      },
    );

  it('stores new copy as a draft', async () => {
    const result = await server.gql(
      `mutation { generateCopy(productId: "1", channel: SMS) { status isApproved reviewedAt } }`,
    );

    expect(result.data!.generateCopy[0]).toEqual({
      status: 'DRAFT',
      isApproved: false,
      reviewedAt: null,
    });
  });

  it('approves a draft with reviewer and time', async () => {
    const id = await insertCopy(server.dataSource);

    const result = await approve(id, ', note: "Ready for the spring mailing."');

    expect(result.errors).toBeUndefined();
    const copy = result.data!.approveCopy;
    expect(copy).toMatchObject({
      status: 'APPROVED',
      isApproved: true,
      reviewedBy: 'development',
      reviewReason: 'Ready for the spring mailing.',
    });
    expect(Date.parse(copy.reviewedAt)).not.toBeNaN();
    expect(copy.statusHistory).toEqual([
      expect.objectContaining({ from: 'DRAFT', to: 'APPROVED', reviewer: 'development' }),
    ]);
  });

  it('rejects approving an approved copy', async () => {
    const id = await insertCopy(server.dataSource);
    await approve(id);

    const result = await approve(id);

    expect(result.errors![0].extensions!.code).toBe('CONFLICT');
    expect(result.errors![0].message).toBe(`Copy ${id} is already approved.`);
  });

  it('withdraws an approved copy by rejecting it', async () => {
    const id = await insertCopy(server.dataSource);
    await approve(id);

    const result = await reject(id, 'The price changed.');

    expect(result.errors).toBeUndefined();
    expect(result.data!.rejectCopy.status).toBe('REJECTED');
    expect(result.data!.rejectCopy.reviewReason).toBe('The price changed.');
    expect(
      result.data!.rejectCopy.statusHistory.map((change: { to: string }) => change.to),
    ).toEqual(['APPROVED', 'REJECTED']);
  });

  it('keeps a rejected copy rejected', async () => {
    const id = await insertCopy(server.dataSource);
    await reject(id, 'Off brand.');

    const approved = await approve(id);
    const rejectedAgain = await reject(id, 'Still off brand.');

    expect(approved.errors![0].extensions!.code).toBe('CONFLICT');
    expect(approved.errors![0].message).toBe(
      `Copy ${id} is rejected, and only draft copy can be approved; generate new copy instead.`,
    );
    expect(rejectedAgain.errors![0].message).toBe(`Copy ${id} is already rejected.`);
  });

  it('requires a reason to reject', async () => {
    const id = await insertCopy(server.dataSource);

    const result = await reject(id, '   ');

    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(result.errors![0].message).toBe(
      'Missing reason, a rejection needs a reason the writer can act on.',
    );
  });

  it('reports an unknown copy', async () => {
    const result = await approve(9999);

    expect(result.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(result.errors![0].message).toBe('Copy 9999 was not found.');
  });

  it('approves copy with check errors only when accepted', async () => {
    const id = await insertCopy(server.dataSource, {
      violations: [
        {
          rule: 'FORBIDDEN_CLAIM',
          severity: 'error',
          text: 'cheapest',
          field: 'post',
          message: 'The text makes a forbidden claim: "cheapest".',
        },
      ],
    });

    const refused = await approve(id);
    const accepted = await approve(id, ', acceptViolations: true');

    expect(refused.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'acceptViolations',
    });
    expect(refused.errors![0].message).toBe(
      `Copy ${id} has 1 check error(s): FORBIDDEN_CLAIM "cheapest". Generate it again, or pass acceptViolations: true to approve it anyway.`,
    );
    expect(accepted.data!.approveCopy.status).toBe('APPROVED');
  });

  it('lets one of two concurrent decisions win', async () => {
    const id = await insertCopy(server.dataSource);

    const results = await Promise.all([approve(id), reject(id, 'No.')]);

    const stored = await server.dataSource.getRepository(GeneratedCopy).findOneByOrFail({ id });
    const history = await server.gql(`{ copy(id: "${id}") { statusHistory { to } } }`);
    // Either order is valid: approve then reject, or reject first and the approval refused.
    expect(['approved', 'rejected']).toContain(stored.status);
    expect(results.some((result) => result.errors === undefined)).toBe(true);
    expect(history.data!.copy.statusHistory.length).toBe(
      results.filter((result) => result.errors === undefined).length,
    );
  });

  it('lists drafts for review', async () => {
    const id = await insertCopy(server.dataSource);

    const result = await server.gql(`{
      generatedCopies(status: DRAFT, first: 100) { totalCount edges { node { id status } } }
    }`);

    const nodes = result.data!.generatedCopies.edges.map((edge: { node: object }) => edge.node);
    expect(nodes).toContainEqual({ id: String(id), status: 'DRAFT' });
    expect(nodes.every((node: { status: string }) => node.status === 'DRAFT')).toBe(true);
    expect(result.data!.generatedCopies.totalCount).toBe(nodes.length);
  });
});

describe('exportCopies', () => {
  let server: TestServer;
  let approvedIds: number[];
  let draftId: number;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) => seedCatalogue(dataSource, { products: 2, days: 30 }),
    });
    const formula = '=HYPERLINK("http://example.invalid","click")';
    approvedIds = [
      await insertCopy(server.dataSource),
      await insertCopy(server.dataSource, {
        productId: 2,
        channel: 'EMAIL_SUBJECT',
        text: `${formula}\nSee you soon, "friend"`,
        fields: [
          {
            name: 'subject',
            index: 0,
            text: formula,
            length: 44,
            limit: 60,
            unit: 'GRAPHEMES',
            truncated: false,
            shortenRounds: 0,
          },
          {
            name: 'preheader',
            index: 0,
            text: 'See you soon, "friend"',
            length: 22,
            limit: 100,
            unit: 'GRAPHEMES',
            truncated: false,
            shortenRounds: 0,
          },
        ],
      }),
    ];
    for (const id of approvedIds) {
      await server.gql(`mutation { approveCopy(id: "${id}") { id } }`);
    }
    draftId = await insertCopy(server.dataSource);
  });

  afterAll(() => server.stop());

  it('exports approved copy as JSON', async () => {
    const result = await server.gql(
      `{ exportCopies(format: JSON) { format contentType count content } }`,
    );

    const exported = result.data!.exportCopies;
    expect(exported).toMatchObject({ format: 'JSON', contentType: 'application/json', count: 2 });
    const copies = JSON.parse(exported.content);
    expect(copies.map((copy: { id: string }) => Number(copy.id))).toEqual(
      [...approvedIds].reverse(),
    );
    expect(copies[0]).toMatchObject({
      sku: 'SKU-002',
      channel: 'EMAIL_SUBJECT',
      status: 'approved',
    });
    expect(copies[0].fields.map((field: { name: string }) => field.name)).toEqual([
      'subject',
      'preheader',
    ]);
  });

  it('exports one CSV row per field, formulas escaped', async () => {
    const result = await server.gql(
      `{ exportCopies(format: CSV, productId: "2") { contentType count content } }`,
    );

    const exported = result.data!.exportCopies;
    expect(exported.contentType).toBe('text/csv; charset=utf-8');
    expect(exported.count).toBe(1);
    const rows = parse(exported.content, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      sku: 'SKU-002',
      field: 'subject',
      status: 'approved',
      unit: 'GRAPHEMES',
    });
    expect(rows[0].text).toBe(`'=HYPERLINK("http://example.invalid","click")`);
    expect(rows[1].text).toBe('See you soon, "friend"');
    expect(exported.content.split('\r\n')[0]).toBe(
      'copy_id,product_id,sku,channel,tone,language,variant,field,field_index,text,length,limit,unit,truncated,status,reviewed_by,reviewed_at,brand_profile_version_id,created_at',
    );
  });

  it('rejects exporting a draft by id', async () => {
    const result = await server.gql(
      `{ exportCopies(format: JSON, ids: ["${approvedIds[0]}", "${draftId}"]) { count } }`,
    );

    expect(result.errors![0].extensions!.code).toBe('CONFLICT');
    expect(result.errors![0].message).toBe(
      `Only approved copy can be used; copy ${draftId} (draft) is not approved. Approve it with approveCopy first.`,
    );
  });

  it('exports listed approved copies in order', async () => {
    const ids = [...approvedIds].reverse();
    const result = await server.gql(
      `{ exportCopies(format: JSON, ids: [${ids.map((id) => `"${id}"`).join(', ')}]) { count content } }`,
    );

    const copies = JSON.parse(result.data!.exportCopies.content);
    expect(copies.map((copy: { id: string }) => Number(copy.id))).toEqual(ids);
  });

  it('rejects a limit above the maximum', async () => {
    const result = await server.gql(`{ exportCopies(format: CSV, limit: 1001) { count } }`);

    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect(result.errors![0].message).toBe(
      'Invalid limit 1001, expected a whole number from 1 to 1000.',
    );
  });
});

describe('requireApprovedCopies', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) => seedCatalogue(dataSource, { products: 1 }),
    });
  });

  afterAll(() => server.stop());

  it('returns approved copies in the order asked', async () => {
    const first = await insertCopy(server.dataSource, { status: 'approved' });
    const second = await insertCopy(server.dataSource, { status: 'approved' });

    const copies = await requireApprovedCopies(server.dataSource, [second, first]);

    expect(copies.map((copy) => copy.id)).toEqual([second, first]);
  });

  it('names missing and unapproved copies', async () => {
    const draft = await insertCopy(server.dataSource);
    const rejected = await insertCopy(server.dataSource, { status: 'rejected' });

    await expect(requireApprovedCopies(server.dataSource, [draft, 12345])).rejects.toThrow(
      'Copy 12345 was not found.',
    );
    await expect(requireApprovedCopies(server.dataSource, [draft, rejected])).rejects.toThrow(
      `Only approved copy can be used; copy ${draft} (draft), ${rejected} (rejected) is not approved. Approve it with approveCopy first.`,
    );
  });
});
