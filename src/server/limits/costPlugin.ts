import { HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';

import { ApiErrorCode } from '../../graphql/errors';
import type { AuthContext, Principal } from '../../graphql/apiKey/principal';
import { analyzeOperation } from './analyzeOperation';
import type { OperationAnalysis } from './analyzeOperation';
import { fieldCost } from './costRules';
import type { BucketStatus, LeakyBucketLimiter } from './leakyBucket';

/** The limits one operation must stay within. */
export interface OperationLimits {
  maxQueryCost: number;
  maxQueryDepth: number;
  maxPageSize: number;
  maxListItems: number;
}

/** The response's `extensions.cost`, in the field names of Shopify's GraphQL Admin API. */
export interface CostExtension {
  requestedQueryCost: number;
  /** Points of the fields actually resolved; null when the operation did not run. */
  actualQueryCost: number | null;
  throttleStatus: BucketStatus;
}

/** Settings of `costPlugin`. */
export interface CostPluginOptions {
  limits: OperationLimits;
  limiter: LeakyBucketLimiter;
  /** Called when an operation is rejected because its bucket contains too few points. */
  didRejectForRate?: (principal: Principal) => void;
  /** Called with each operation's requested cost once it is known. */
  didPriceOperation?: (cost: number, operationType: string) => void;
}

/**
 * Prices each operation before it runs and charges its key's bucket. Before any resolver
 * runs, it rejects an operation with a page size or input list over the limits
 * (BAD_USER_INPUT), nested too deep (MAX_DEPTH_EXCEEDED) or costing too much
 * (MAX_COST_EXCEEDED). It also rejects one whose bucket contains fewer points than it costs
 * (RATE_LIMITED, HTTP 429 with Retry-After). After execution it counts the fields actually
 * resolved, refunds the difference, and reports both costs and the bucket in
 * `extensions.cost`. Each operation of a batched request is priced and charged on its own.
 */
export function costPlugin(options: CostPluginOptions): ApolloServerPlugin<AuthContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<AuthContext>> {
      let requestedCost: number | undefined;
      let actualCost = 0;
      let charged = false;
      let status: BucketStatus | undefined;

      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) {
            return;
          }
          const analysis = analyzeOperation(schema, document, operation, request.variables, {
            maxPageSize: options.limits.maxPageSize,
            maxListItems: options.limits.maxListItems,
          });
          requestedCost = analysis.requestedCost;
          options.didPriceOperation?.(requestedCost, operation.operation);
          const client = bucketOf(contextValue.principal);
          status = options.limiter.status(client);

          const overLimit = limitError(analysis, options.limits);
          if (overLimit) {
            throw overLimit;
          }

          const charge = options.limiter.take(client, requestedCost);
          status = charge.status;
          if (!charge.allowed) {
            options.didRejectForRate?.(contextValue.principal);
            throw requestError(
              `Rate limit exceeded: this operation costs ${requestedCost} points and ${charge.status.currentlyAvailable} of ${charge.status.maximumAvailable} are available, restoring ${charge.status.restoreRate} per second; retry after ${charge.retryAfterSeconds} s.`,
              ApiErrorCode.RateLimited,
              429,
              { retryAfterSeconds: charge.retryAfterSeconds },
              new HeaderMap([['retry-after', String(charge.retryAfterSeconds)]]),
            );
          }
          charged = true;
        },

        async executionDidStart() {
          return {
            willResolveField({ info, args }) {
              actualCost += 1;
              const price = fieldCost(`${info.parentType.name}.${info.fieldName}`, args);
              if (price === undefined) {
                return;
              }
              // The rest of the price counts only when the field did its work.
              return (error) => {
                if (!error) {
                  actualCost += price - 1;
                }
              };
            },
          };
        },

        async willSendResponse({ response, contextValue }) {
          if (requestedCost === undefined || !status) {
            return;
          }
          if (charged) {
            status = options.limiter.adjust(
              bucketOf(contextValue.principal),
              requestedCost - actualCost,
            );
          }
          if (response.body.kind !== 'single') {
            return;
          }
          const cost: CostExtension = {
            requestedQueryCost: requestedCost,
            actualQueryCost: charged ? actualCost : null,
            throttleStatus: status,
          };
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost,
          };
        },
      };
    },
  };
}

/**
 * Returns the error for the first limit the operation breaks, in this order: page sizes and
 * input lists, depth, cost. Returns undefined when it keeps within every limit.
 */
function limitError(
  analysis: OperationAnalysis,
  limits: OperationLimits,
): GraphQLError | undefined {
  if (analysis.inputErrors.length > 0) {
    return withHttp(analysis.inputErrors[0], 400);
  }
  if (analysis.depth > limits.maxQueryDepth) {
    return requestError(
      `Operation depth ${analysis.depth} exceeds the maximum depth of ${limits.maxQueryDepth}; select fewer nested fields.`,
      ApiErrorCode.MaxDepthExceeded,
      400,
      { depth: analysis.depth, maximumDepth: limits.maxQueryDepth },
    );
  }
  if (analysis.requestedCost > limits.maxQueryCost) {
    return requestError(
      `Operation cost ${analysis.requestedCost} exceeds the maximum cost of ${limits.maxQueryCost} per operation; request smaller pages with first, fewer fields, or split the operation.`,
      ApiErrorCode.MaxCostExceeded,
      400,
      { requestedQueryCost: analysis.requestedCost, maximumCost: limits.maxQueryCost },
    );
  }
  return undefined;
}

/** Names the bucket a principal draws from: its key, or one shared anonymous bucket. */
function bucketOf(principal: Principal): string {
  return principal.apiKey ? `key:${principal.apiKey.id}` : 'anonymous';
}

function requestError(
  message: string,
  code: ApiErrorCode,
  status: number,
  details: Record<string, unknown>,
  headers = new HeaderMap(),
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...details, http: { status, headers } },
  });
}

function withHttp(error: GraphQLError, status: number): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, http: { status, headers: new HeaderMap() } },
  });
}
