import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

import type { ServerMetrics } from '../metrics/serverMetrics';
import { requestIdOf } from './requestId';

/** Routes counted by name in metrics; every other path counts as "other". */
const NAMED_ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

/**
 * Follows every HTTP request from arrival to the end of its response. Counts responses by
 * route and status and logs arrivals at debug level. Once shutdown has begun, it also counts
 * the requests left without a complete response, closed early or still open.
 */
export class RequestTracker {
  private stopping = false;
  private closedUnanswered = 0;
  private readonly open = new Set<Response>();

  constructor(
    private readonly metrics: ServerMetrics,
    private readonly logger: Logger,
  ) {}

  /**
   * Requests without a complete response: those closed unanswered since `beginStopping`, plus
   * those still open. Once the drain has ended, each was cut short.
   */
  get unanswered(): number {
    return this.closedUnanswered + this.open.size;
  }

  /** Marks the start of shutdown. */
  beginStopping(): void {
    this.stopping = true;
  }

  /** Returns the middleware; it must run after `requestIdMiddleware`. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      // Read now: routers mounted on a path rewrite req.path while they handle the request.
      const route = NAMED_ROUTES.has(req.path)
        ? req.path
        : req.path.startsWith('/graphiql/')
          ? '/graphiql'
          : 'other';
      this.logger.debug(
        { requestId: requestIdOf(res), method: req.method, path: req.path },
        'http request received',
      );
      this.open.add(res);
      res.once('finish', () => {
        this.open.delete(res);
        this.metrics.httpRequests.inc({
          method: req.method,
          route,
          status: String(res.statusCode),
        });
      });
      res.once('close', () => {
        if (!this.open.delete(res)) {
          return;
        }
        if (this.stopping) {
          this.closedUnanswered += 1;
          this.logger.warn(
            { requestId: requestIdOf(res), method: req.method, path: req.path },
            'request cut short by shutdown',
          );
        }
      });
      next();
    };
  }
}
