import type { CopyCompletion, CopyProvider, CopyRequest } from '../../copywriting';
import type { ForecastRunner } from '../../graphql/context';
import type { ForecastResult, ForecastTask } from '../../forecasting';
import { ErrorCode } from '../../shared/errors';
import type { ServerMetrics } from './serverMetrics';

/** A forecast runner that counts its running tasks, so shutdown can wait for them. */
export interface TrackedForecastRunner extends ForecastRunner {
  /** Tasks started and not yet settled. */
  readonly inFlight: number;
  /**
   * Resolves true once no task is running, or false when `timeoutMs` passes first. Tasks
   * started while waiting are waited for too.
   */
  whenIdle(timeoutMs: number): Promise<boolean>;
}

/** Wraps a forecast runner to time each task and count failures by error code. */
export function instrumentForecastRunner(
  runner: ForecastRunner,
  metrics: ServerMetrics,
): TrackedForecastRunner {
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];

  const settle = () => {
    inFlight -= 1;
    if (inFlight === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((wake) => wake());
    }
  };

  return {
    get inFlight() {
      return inFlight;
    },

    async run(task: ForecastTask): Promise<ForecastResult> {
      inFlight += 1;
      const stopTimer = metrics.forecastDuration.startTimer();
      try {
        const result = await runner.run(task);
        stopTimer({ outcome: 'success' });
        return result;
      } catch (error) {
        stopTimer({ outcome: 'failure' });
        metrics.forecastFailures.inc({ code: errorCodeOf(error) });
        throw error;
      } finally {
        settle();
      }
    },

    whenIdle(timeoutMs: number): Promise<boolean> {
      if (inFlight === 0) {
        return Promise.resolve(true);
      }
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}

/** Wraps a copy provider to time each call and count failures by provider and code. */
export function instrumentCopyProvider(
  provider: CopyProvider,
  metrics: ServerMetrics,
): CopyProvider {
  return {
    get name() {
      return provider.name;
    },
    get model() {
      return provider.model;
    },
    async generate(request: CopyRequest): Promise<CopyCompletion> {
      const stopTimer = metrics.copyDuration.startTimer();
      try {
        const completion = await provider.generate(request);
        stopTimer({ provider: completion.provider, outcome: 'success' });
        return completion;
      } catch (error) {
        stopTimer({ provider: provider.name, outcome: 'failure' });
        metrics.copyFailures.inc({ provider: provider.name, code: errorCodeOf(error) });
        throw error;
      }
    },
  };
}

/** Returns the public code an error carries, or INTERNAL_SERVER_ERROR for any other error. */
function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (Object.values(ErrorCode) as string[]).includes(code)
    ? code
    : ErrorCode.InternalServerError;
}
