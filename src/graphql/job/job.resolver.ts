import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';

import { Job } from '../../db/entities';
import { parseId } from '../common/ids';
import type { Context } from '../context';
import { JobType, toJobType } from './job.types';

/** Job lookups; mutations that start jobs live with their domain. */
@Resolver(() => JobType)
export class JobResolver {
  @Query(() => JobType, { nullable: true, description: 'One job by id, with its progress.' })
  async job(@Ctx() context: Context, @Arg('id', () => ID) id: string): Promise<JobType | null> {
    const job = await context.dataSource.getRepository(Job).findOneBy({ id: parseId('id', id) });
    return job ? toJobType(job) : null;
  }
}
