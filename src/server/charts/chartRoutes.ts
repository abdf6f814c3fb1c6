import { Router } from 'express';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';

import type { ChartLanguage } from '../../charts';
import { createLoaders } from '../../db/loaders/createLoaders';
import type { AnalysisContext } from '../../graphql/analysis/analysisContext';
import type { TrendRequest } from '../../graphql/analysis/trendService';
import {
  renderDecompositionSvg,
  renderExperimentSvg,
  renderForecastSvg,
  renderLiftSvg,
} from '../../graphql/chart/chartSvgs';
import type { Services } from '../../graphql/context';
import { ForecastModelInput, ForecastModelKind } from '../../graphql/forecast/forecast.input';
import { toModelSpec } from '../../graphql/forecast/modelSpec';
import { DomainError, ErrorCode, badInput } from '../../shared/errors';
import { GRANULARITIES, parseIsoDate } from '../../shared/period';
import type { Granularity } from '../../shared/period';
import { requestIdOf } from '../http/requestId';
import { sendGraphQLError } from '../http/sendGraphQLError';

/** HTTP status of each domain error code a chart request can end with. */
const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.ForecastFailed]: 422,
};

/**
 * Serves the charts that GraphQL `chartUrl` fields link to, as `image/svg+xml`:
 *   GET /forecasts/{id}.svg?language&historyPeriods
 *   GET /products/{id}/decomposition.svg?granularity&seasonLength&from&to&level&anomalyMethod&anomalyThreshold
 *   GET /campaigns/{id}/lift.svg?granularity&model&level&errorCorrelation&historyPeriods
 *   GET /experiments/{id}.svg?language&level
 * The caller mounts it behind the API's authentication. Invalid parameters get 400 and unknown
 * ids 404 with a GraphQL-shaped error body; other failures are logged and masked as 500.
 */
export function chartRoutes(services: Services, logger: Logger): Router {
  const router = Router();
  const contextFor = (): AnalysisContext => ({
    dataSource: services.dataSource,
    forecasts: services.forecasts,
    loaders: createLoaders(services.dataSource),
  });

  router.get('/forecasts/:file', (req, res) =>
    send(req, res, logger, () => {
      const query = new QueryReader(req);
      return renderForecastSvg(
        contextFor(),
        idOf(req.params.file, 'forecast'),
        query.language(),
        query.integer('historyPeriods', 36, 0, 1000),
      );
    }),
  );

  router.get('/products/:id/decomposition.svg', (req, res) =>
    send(req, res, logger, () => {
      const query = new QueryReader(req);
      const request: TrendRequest = {
        granularity: query.granularity('week'),
        seasonLength: query.optionalInteger('seasonLength', 2, 366),
        from: query.date('from'),
        to: query.date('to'),
        level: query.number('level', 95),
        anomalyMethod: query.choice('anomalyMethod', ['iqr', 'mad'] as const, 'iqr'),
        anomalyThreshold: query.number('anomalyThreshold', 3),
      };
      return renderDecompositionSvg(
        contextFor(),
        idOf(`${req.params.id}.svg`, 'product'),
        request,
        query.language(),
      );
    }),
  );

  router.get('/campaigns/:id/lift.svg', (req, res) =>
    send(req, res, logger, () => {
      const query = new QueryReader(req);
      const kinds = Object.values(ForecastModelKind);
      const kind = query.choice('model', kinds, ForecastModelKind.AUTO_ETS);
      const model = Object.assign(new ForecastModelInput(), { kind, autoBoxCox: false });
      return renderLiftSvg(
        contextFor(),
        idOf(`${req.params.id}.svg`, 'campaign'),
        {
          granularity: query.granularity('day'),
          model: toModelSpec(model),
          level: query.number('level', 95),
          errorCorrelation: query.choice(
            'errorCorrelation',
            ['independent', 'comonotonic'] as const,
            'independent',
          ),
          historyPeriods: query.integer('historyPeriods', 28, 0, 1000),
        },
        query.language(),
      );
    }),
  );

  router.get('/experiments/:file', (req, res) =>
    send(req, res, logger, () => {
      const query = new QueryReader(req);
      return renderExperimentSvg(
        contextFor(),
        idOf(req.params.file, 'experiment'),
        { level: query.number('level', 95), draws: 100_000, seed: 1 },
        query.language(),
      );
    }),
  );

  return router;
}

async function send(
  req: Request,
  res: Response,
  logger: Logger,
  render: () => Promise<string>,
): Promise<void> {
  try {
    const svg = await render();
    res
      .status(200)
      .type('image/svg+xml; charset=utf-8')
      .set({
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        // The SVG carries no script; the policy keeps it inert if a browser opens it directly.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .send(svg);
  } catch (error) {
    if (error instanceof DomainError && STATUS_OF[error.code] !== undefined) {
      sendGraphQLError(req, res, {
        status: STATUS_OF[error.code]!,
        code: error.code,
        message: error.message,
      });
      return;
    }
    logger.error({ err: error, requestId: requestIdOf(res), path: req.path }, 'chart failed');
    sendGraphQLError(req, res, {
      status: 500,
      code: ErrorCode.InternalServerError,
      message: 'Internal server error; the server log has the details under this request id.',
    });
  }
}

function idOf(file: string, kind: string): number {
  const match = /^(\d{1,15})\.svg$/.exec(file);
  const id = match ? Number(match[1]) : 0;
  if (!match || id < 1) {
    throw new DomainError(
      ErrorCode.NotFound,
      `No ${kind} chart is at "${file}"; use a chartUrl from the API.`,
    );
  }
  return id;
}

/** Reads and checks query parameters; each problem is BAD_USER_INPUT naming the parameter. */
class QueryReader {
  constructor(private readonly req: Request) {}

  private text(name: string): string | undefined {
    const value = this.req.query[name];
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== 'string') {
      throw badInput(name, `${name} must be given once; received ${JSON.stringify(value)}.`);
    }
    return value;
  }

  language(): ChartLanguage {
    return this.choice('language', ['en', 'zh'] as const, 'en');
  }

  granularity(fallback: Granularity): Granularity {
    return this.choice('granularity', GRANULARITIES, fallback);
  }

  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.text(name);
    if (value === undefined) {
      return fallback;
    }
    if (!(allowed as readonly string[]).includes(value)) {
      throw badInput(name, `${name} must be one of ${allowed.join(', ')}; received "${value}".`);
    }
    return value as T;
  }

  number(name: string, fallback: number): number {
    const value = this.text(name);
    if (value === undefined) {
      return fallback;
    }
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed)) {
      throw badInput(name, `${name} must be a number; received "${value}".`);
    }
    return parsed;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    return this.optionalInteger(name, min, max) ?? fallback;
  }

  optionalInteger(name: string, min: number, max: number): number | undefined {
    const value = this.text(name);
    if (value === undefined) {
      return undefined;
    }
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
      throw badInput(
        name,
        `${name} must be a whole number from ${min} to ${max}; received "${value}".`,
      );
    }
    return parsed;
  }

  date(name: string): string | undefined {
    const value = this.text(name);
    if (value !== undefined && !parseIsoDate(value)) {
      throw badInput(name, `${name} must be a date written YYYY-MM-DD; received "${value}".`);
    }
    return value;
  }
}
