import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { Job } from '../../db/entities';
import { DateTimeScalar } from '../common/scalars';

/** Job states, as a GraphQL enum. */
export enum JobStatusEnum {
  QUEUED = 'queued',
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  PARTIAL = 'partial',
  FAILED = 'failed',
}

registerEnumType(JobStatusEnum, {
  name: 'JobStatus',
  description:
    'PARTIAL: every item ran and some failed. FAILED: every item failed, or the job stopped.',
});

@ObjectType({ description: 'The outcome of one item of a job.' })
export class JobItemResultType {
  @Field({ description: 'The item key, e.g. a product id.' })
  key!: string;

  @Field()
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'Id of what the item produced.' })
  resultId!: string | null;

  @Field(() => String, { nullable: true, description: 'Error code when the item failed.' })
  code!: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

/** A long-running job with its progress. */
@ObjectType('Job', {
  description: 'Long-running work, e.g. forecasting a catalogue; poll it for progress.',
})
export class JobType {
  @Field(() => ID)
  id!: string;

  @Field()
  kind!: string;

  @Field(() => JobStatusEnum)
  status!: JobStatusEnum;

  @Field(() => Int, { description: 'Items planned.' })
  total!: number;

  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int, { description: 'Percent of items finished, 0 to 100.' })
  progress!: number;

  @Field(() => [JobItemResultType], { description: 'Finished items, in the order they finished.' })
  results!: JobItemResultType[];

  @Field(() => String, { nullable: true, description: 'Why the job as a whole failed.' })
  error!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt!: Date | null;
}

/** Maps a job row to its GraphQL type. */
export function toJobType(job: Job): JobType {
  const finished = job.succeeded + job.failed;
  return {
    id: String(job.id),
    kind: job.kind,
    status: job.status as JobStatusEnum,
    total: job.total,
    succeeded: job.succeeded,
    failed: job.failed,
    progress: job.total === 0 ? 100 : Math.floor((finished / job.total) * 100),
    results: job.results.map((result) => ({
      key: result.key,
      ok: result.ok,
      resultId: result.resultId ?? null,
      code: result.code ?? null,
      message: result.message ?? null,
    })),
    error: job.error,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
