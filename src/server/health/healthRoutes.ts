import { Router } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** Settings of `healthRoutes`. */
export interface HealthRoutesOptions {
  dataSource: DataSource;
  logger: Logger;
  /** True once shutdown has begun: the server is alive but should get no new traffic. */
  isStopping: () => boolean;
}

/**
 * Serves `GET /healthz`, 200 while the process runs, and `GET /readyz`, 200 when the database
 * answers a query and every migration in the code has been applied, else 503 with the check
 * that failed. Readiness also fails once shutdown has begun, so load balancers stop sending
 * traffic.
 */
export function healthRoutes(options: HealthRoutesOptions): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    res.set('cache-control', 'no-store');
    if (options.isStopping()) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    try {
      await options.dataSource.query('SELECT 1');
    } catch (error) {
      options.logger.warn({ err: error }, 'readiness check: database unreachable');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
      return;
    }
    try {
      const pending = await options.dataSource.showMigrations();
      if (pending) {
        res.status(503).json({ status: 'unavailable', database: 'ok', migrations: 'pending' });
        return;
      }
    } catch (error) {
      options.logger.warn({ err: error }, 'readiness check: migrations could not be listed');
      res.status(503).json({ status: 'unavailable', database: 'ok', migrations: 'unknown' });
      return;
    }
    res.json({ status: 'ready', database: 'ok', migrations: 'applied' });
  });

  return router;
}
