import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Kind } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';

import type { ServerMetrics } from './serverMetrics';

/**
 * Observes each GraphQL operation's duration, labelled by operation type and root field.
 * Error counts by code are taken where errors are formatted, which every error sent passes through.
 */
export function metricsPlugin(metrics: ServerMetrics): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<any>> {
      const stopTimer = metrics.operationDuration.startTimer();
      return {
        async willSendResponse({ operation }) {
          stopTimer(operationLabels(operation));
        },
      };
    },
  };
}

/** Returns the operation's type and root field, from the schema's bounded set of names. */
export function operationLabels(operation: OperationDefinitionNode | undefined): {
  operation_type: string;
  root_field: string;
} {
  if (!operation) {
    return { operation_type: 'unknown', root_field: 'unknown' };
  }
  const fields = new Set(
    operation.selectionSet.selections
      .filter((selection) => selection.kind === Kind.FIELD)
      .map((selection) => selection.name.value),
  );
  let rootField = 'multiple';
  if (fields.size === 0) {
    rootField = 'none';
  } else if (fields.size === 1) {
    [rootField] = fields;
  }
  return { operation_type: operation.operation, root_field: rootField };
}
