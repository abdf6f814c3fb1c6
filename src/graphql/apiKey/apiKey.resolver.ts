import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import { parseId } from '../common/ids';
import { ApiKeyType, CreateApiKeyPayload, Viewer, toApiKeyType } from './apiKey.types';
import type { AuthContext } from './principal';
import { Role } from './role';

/** The viewer query and key management for admins. */
@Resolver()
export class ApiKeyResolver {
  @Query(() => Viewer, { description: 'Who this request acts as, and with which role.' })
  async viewer(@Ctx() context: AuthContext): Promise<Viewer> {
    const { principal } = context;
    if (!principal.apiKey) {
      return { role: principal.role, apiKey: null };
    }
    const apiKey = await context.apiKeys.get(principal.apiKey.id);
    return { role: principal.role, apiKey: apiKey ? toApiKeyType(apiKey) : null };
  }

  @Authorized(Role.ADMIN)
  @Query(() => [ApiKeyType], { description: 'Every API key, revoked ones included, by id.' })
  async apiKeys(@Ctx() context: AuthContext): Promise<ApiKeyType[]> {
    return (await context.apiKeys.list()).map(toApiKeyType);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreateApiKeyPayload, {
    description: 'Creates an API key. The secret is in this response only; store it now.',
  })
  async createApiKey(
    @Ctx() context: AuthContext,
    @Arg('name', { description: 'What the key is for, 1 to 100 characters.' }) name: string,
    @Arg('role', () => Role) role: Role,
  ): Promise<CreateApiKeyPayload> {
    const { apiKey, secret } = await context.apiKeys.create(name, role);
    context.logger.info(
      { requestId: context.requestId, apiKeyId: apiKey.id, role, by: context.principal.apiKey?.id },
      'api key created',
    );
    return { apiKey: toApiKeyType(apiKey), secret };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKeyType, {
    description: 'Revokes an API key; requests with it fail from now on. Repeating it is harmless.',
  })
  async revokeApiKey(
    @Ctx() context: AuthContext,
    @Arg('id', () => ID) id: string,
  ): Promise<ApiKeyType> {
    const apiKey = await context.apiKeys.revoke(parseId('id', id));
    context.logger.info(
      { requestId: context.requestId, apiKeyId: apiKey.id, by: context.principal.apiKey?.id },
      'api key revoked',
    );
    return toApiKeyType(apiKey);
  }
}
