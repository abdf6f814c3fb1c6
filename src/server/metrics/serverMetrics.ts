import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets in seconds, from a cached lookup to a long model fit. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Cost buckets in points, up to the default per-operation maximum. */
const COST_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000];

/**
 * The server's Prometheus metrics, in a registry of their own so that several servers in one
 * process (tests) do not share counters. Every label takes values from a fixed set: routes,
 * error codes, operation types and schema field names, never client-chosen text.
 */
export class ServerMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'marketcast_http_requests_total',
    help: 'HTTP responses sent, by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'marketcast_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly operationDuration = new Histogram({
    name: 'marketcast_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response, by operation type and root field ("multiple" when it selects several).',
    labelNames: ['operation_type', 'root_field'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly operationCost = new Histogram({
    name: 'marketcast_graphql_operation_cost',
    help: 'Requested cost of the GraphQL operations priced, in points.',
    labelNames: ['operation_type'] as const,
    buckets: COST_BUCKETS,
    registers: [this.registry],
  });

  readonly rateLimitRejections = new Counter({
    name: 'marketcast_rate_limit_rejections_total',
    help: 'Operations rejected with RATE_LIMITED because the key had too few cost points, by role.',
    labelNames: ['role'] as const,
    registers: [this.registry],
  });

  readonly forecastDuration = new Histogram({
    name: 'marketcast_forecast_duration_seconds',
    help: 'Time to fit a forecast on the worker pool, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly forecastFailures = new Counter({
    name: 'marketcast_forecast_failures_total',
    help: 'Forecast fits that failed, by error code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly copyDuration = new Histogram({
    name: 'marketcast_copy_generation_duration_seconds',
    help: 'Time of one copy provider call (one variant), by provider and outcome.',
    labelNames: ['provider', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly copyFailures = new Counter({
    name: 'marketcast_copy_generation_failures_total',
    help: 'Copy provider calls that failed, by provider and error code.',
    labelNames: ['provider', 'code'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'marketcast_' });
  }
}
