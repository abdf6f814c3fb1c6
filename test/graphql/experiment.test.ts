import type { DataSource } from 'typeorm';

import { GeneratedCopy } from '../../src/db/entities';
import type { CopyStatus } from '../../src/db/entities/GeneratedCopy';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';
import { seedProduct } from './analysisFixtures';

/** Stores a copy of product 1 written for `channel` with `status`. */
async function seedCopy(
  dataSource: DataSource,
  text: string,
  status: CopyStatus,
  channel = 'EMAIL_SUBJECT',
): Promise<void> {
  await dataSource.getRepository(GeneratedCopy).save(
    {
      productId: 1,
      channel,
      tone: 'FRIENDLY',
      language: 'en',
      text,
      maxLength: 80,
      truncated: false,
      provider: 'builtin',
      model: 'builtin-template-v1',
      prompt: 'test prompt',
      latencyMs: 1,
      status,
    },
    { transaction: false },
  );
}

async function seedCatalogue(dataSource: DataSource): Promise<void> {
  await seedProduct(dataSource, 'AB-1', 7, () => ({ units: 1, priceMinor: 10_000 }));
  await seedCopy(dataSource, 'Control subject', 'approved');
  await seedCopy(dataSource, 'Challenger subject', 'approved');
  await seedCopy(dataSource, 'Draft subject', 'draft');
  await seedCopy(dataSource, 'Approved SMS', 'approved', 'SMS');
}

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateExperimentInput!) {
    createExperiment(input: $input) {
      id
      name
      channel
      status
      plannedSampleSize
      variants {
        copyId
        isControl
        copy {
          text
        }
      }
    }
  }
`;

const RECORD = /* GraphQL */ `
  mutation Record($id: ID!, $results: [VariantResultInput!]!, $batchKey: String) {
    recordExperimentResults(experimentId: $id, results: $results, batchKey: $batchKey) {
      recorded
      alreadyRecorded
    }
  }
`;

const RESULTS = /* GraphQL */ `
  query Results($id: ID!) {
    experiment(id: $id) {
      status
      variants {
        impressions
        conversions
      }
      results {
        variants {
          copyId
          rate
          interval {
            lower
            upper
          }
          isControl
          comparison {
            difference
            z
            pValue
            differenceInterval {
              lower
              upper
            }
          }
          probabilityBest
        }
        plannedSampleSize
        reachedPlannedSize
        stoppedEarly
        warnings
      }
      chartUrl(language: ZH)
    }
  }
`;

describe('sampleSize', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('matches the worked example', async () => {
    const { data, errors } = await server.gql(
      '{ sampleSize(input: { baselineRate: 0.1, minimumDetectableEffect: 0.02 }) { perVariant total targetRate alphaPerComparison power } }',
    );

    expect(errors).toBeUndefined();
    // Fleiss without continuity correction: [1.959964 sqrt(2 * 0.11 * 0.89) + 0.841621
    // sqrt(0.1 * 0.9 + 0.12 * 0.88)]^2 / 0.02^2 = 3840.85, rounded up.
    expect(data!.sampleSize).toMatchObject({
      perVariant: 3841,
      total: 7682,
      alphaPerComparison: 0.05,
      power: 0.8,
    });
    expect(data!.sampleSize.targetRate).toBeCloseTo(0.12, 12);
  });
});

describe('experiments', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ seed: seedCatalogue });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('tests approved copies only', async () => {
    const { errors } = await server.gql(CREATE, {
      input: { name: 'Subject lines', productId: '1', copyIds: ['1', '3'] },
    });

    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.copyIds' });
    expect(errors![0].message).toBe(
      'Copy 3 is draft; only approved copy may be tested, so approve it first.',
    );
  });

  it('keeps an experiment to one channel', async () => {
    const { errors } = await server.gql(CREATE, {
      input: { name: 'Mixed', productId: '1', copyIds: ['1', '4'] },
    });

    expect(errors![0].message).toBe(
      'Every copy of an experiment must be written for one channel; received EMAIL_SUBJECT, SMS.',
    );
  });

  it('runs a test from setup to stop', async () => {
    const created = await server.gql(CREATE, {
      input: {
        name: 'Subject lines',
        productId: '1',
        copyIds: ['1', '2'],
        sampleSize: { baselineRate: 0.1, minimumDetectableEffect: 0.02 },
      },
    });
    expect(created.errors).toBeUndefined();
    const experiment = created.data!.createExperiment;
    expect(experiment).toMatchObject({
      channel: 'EMAIL_SUBJECT',
      status: 'RUNNING',
      plannedSampleSize: 3841,
    });
    expect(experiment.variants.map((variant: { isControl: boolean }) => variant.isControl)).toEqual(
      [true, false],
    );
    expect(experiment.variants[1].copy.text).toBe('Challenger subject');

    const batch = [
      { copyId: '1', impressions: 600, conversions: 120 },
      { copyId: '2', impressions: 600, conversions: 150 },
    ];
    const first = await server.gql(RECORD, {
      id: experiment.id,
      results: batch,
      batchKey: 'day-1',
    });
    const retried = await server.gql(RECORD, {
      id: experiment.id,
      results: batch,
      batchKey: 'day-1',
    });
    const second = await server.gql(RECORD, {
      id: experiment.id,
      batchKey: 'day-2',
      results: [
        { copyId: '1', impressions: 400, conversions: 80 },
        { copyId: '2', impressions: 400, conversions: 100 },
      ],
    });
    expect(first.data!.recordExperimentResults).toEqual({ recorded: 2, alreadyRecorded: false });
    expect(retried.data!.recordExperimentResults).toEqual({ recorded: 0, alreadyRecorded: true });
    expect(second.data!.recordExperimentResults.recorded).toBe(2);

    const running = await server.gql(RESULTS, { id: experiment.id });
    expect(running.errors).toBeUndefined();
    const results = running.data!.experiment.results;
    expect(running.data!.experiment.variants).toEqual([
      { impressions: 1000, conversions: 200 },
      { impressions: 1000, conversions: 250 },
    ]);
    // Pooled z-test of 250/1000 against 200/1000: p = 0.225, SE = sqrt(0.225 * 0.775 * 2 / 1000)
    // = 0.0186748, z = 0.05 / 0.0186748 = 2.67740, two-sided p = 0.0074196.
    const challenger = results.variants[1];
    expect(challenger.rate).toBe(0.25);
    expect(challenger.comparison.difference).toBeCloseTo(0.05, 12);
    expect(challenger.comparison.z).toBeCloseTo(2.6774, 4);
    expect(challenger.comparison.pValue).toBeCloseTo(0.0074196, 5);
    expect(challenger.comparison.differenceInterval.lower).toBeGreaterThan(0);
    expect(results.variants[0].comparison).toBeNull();
    expect(challenger.probabilityBest).toBeGreaterThan(0.99);
    expect(results.variants[0].probabilityBest + challenger.probabilityBest).toBeCloseTo(1, 12);
    expect(results.reachedPlannedSize).toBe(false);
    expect(results.stoppedEarly).toBe(false);
    expect(results.warnings[0]).toMatch(
      /^Peeking: the smallest variant has 1000 of the planned 3841 impressions/,
    );
    expect(running.data!.experiment.chartUrl).toBe(
      `/charts/experiments/${experiment.id}.svg?language=zh&level=95`,
    );

    await server.gql(`mutation { stopExperiment(id: "${experiment.id}") { status } }`);
    const stopped = await server.gql(RESULTS, { id: experiment.id });
    expect(stopped.data!.experiment.status).toBe('STOPPED');
    expect(stopped.data!.experiment.results.stoppedEarly).toBe(true);
    const late = await server.gql(RECORD, { id: experiment.id, results: batch });
    expect(late.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('rejects a batch with more conversions than impressions', async () => {
    const created = await server.gql(CREATE, {
      input: { name: 'Second', productId: '1', copyIds: ['2', '1'], plannedSampleSize: 10 },
    });
    const id = created.data!.createExperiment.id;

    const { errors } = await server.gql(RECORD, {
      id,
      results: [
        { copyId: '1', impressions: 10, conversions: 1 },
        { copyId: '2', impressions: 5, conversions: 6 },
      ],
    });

    expect(errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'results[1].conversions',
    });
    expect(errors![0].message).toBe(
      'results[1].conversions must not exceed impressions (5); received 6.',
    );
    const after = await server.gql(RESULTS, { id });
    expect(
      after.data!.experiment.variants.map(
        (variant: { impressions: number }) => variant.impressions,
      ),
    ).toEqual([0, 0]);
    expect(created.data!.createExperiment.variants[0].isControl).toBe(true);
    expect(created.data!.createExperiment.variants[0].copyId).toBe('2');
  });
});
