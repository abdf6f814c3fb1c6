/**
 * Fits one SARIMA model of fixed order with the `arima` npm package (0.2.x, an Emscripten build
 * of the C library ctsa) and reads the fit statistics it prints.
 *
 * The package's JavaScript API returns only forecasts and their mean squared errors. With
 * `verbose: true` the C code prints a model summary (coefficients, sigma², log-likelihood,
 * AIC) through Emscripten's `print` hook, so this file instantiates the package's WebAssembly
 * module itself with a `print` that collects those lines, and parses them.
 *
 * NOTE: the summary format is not a public API of the package. When an upgrade drops a line
 * that `parseSummary` needs, it fails with FORECAST_FAILED rather than guessing.
 */
import * as path from 'path';

import { DomainError, ErrorCode } from '../../shared/errors';

/** Orders of a SARIMA(p,d,q)(P,D,Q)s model; `s` is 0 for a non-seasonal model. */
export interface SarimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  s: number;
}

/** A fitted model's forecasts and what its summary reported. */
export interface SarimaFit {
  mean: number[];
  /** Forecast error variances, one per step. */
  variance: number[];
  sigma2: number;
  logLik: number;
  aic: number;
  /** Coefficients in R's sign convention (`ar1`, `ma1`, `sar1`, `sma1`, `intercept`). */
  coefficients: Record<string, number>;
}

interface ArimaInstance {
  train(y: number[]): ArimaInstance;
  predict(horizon: number): [number[], number[]];
  destroy(): void;
}

type ArimaConstructor = new (options: Record<string, number | boolean>) => ArimaInstance;

/** ctsa's method 0: exact maximum likelihood after a CSS start ("CSS-MLE" in its summary). */
const EXACT_ML = 0;
/**
 * ctsa's optimizer 5, BFGS. On log AirPassengers it reached the same AIC as the package's default
 * (6, L-BFGS) on every order tried, in a third to a half of the time.
 */
const BFGS = 5;

let cachedConstructor: ArimaConstructor | undefined;
let printedLines: string[] = [];

/** Instantiates the package's WebAssembly module once per thread, with `print` captured. */
function arimaConstructor(): ArimaConstructor {
  if (cachedConstructor) {
    return cachedConstructor;
  }

  // The package's `exports` map hides these files, so they are required by absolute path.
  const root = path.dirname(require.resolve('arima'));
  const createModule = require(path.join(root, 'wasm', 'native-sync.js'));
  const wasmBinary = require(path.join(root, 'wrapper', 'native.bin.js'));
  const bindApi = require(path.join(root, 'load.js'));
  const capture = (line: string): void => {
    printedLines.push(line);
  };
  const module = createModule({ wasmBinary, print: capture, printErr: capture });
  cachedConstructor = bindApi(module) as ArimaConstructor;
  return cachedConstructor;
}

/**
 * Fits SARIMA `order` to `y` by CSS-ML and forecasts `horizon` steps. A mean is estimated only
 * when d = D = 0. The caller checks the series length against `minimumLength`. Throws
 * FORECAST_FAILED when the package fails or reports what cannot be a fit.
 */
export function fitSarima(y: number[], order: SarimaOrder, horizon: number): SarimaFit {
  const Arima = arimaConstructor();
  printedLines = [];
  let model: ArimaInstance | undefined;
  try {
    model = new Arima({ ...order, method: EXACT_ML, optimizer: BFGS, verbose: true }).train(y);
    const [mean, variance] = model.predict(horizon);
    return { mean, variance, ...parseSummary(printedLines, order) };
  } catch (error) {
    if (error instanceof DomainError) {
      throw error;
    }

    // An abort inside WebAssembly can leave the module's heap unusable: start a fresh one.
    cachedConstructor = undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError(
      ErrorCode.ForecastFailed,
      `${formatOrder(order)} could not be fitted: ${reason}.`,
    );
  } finally {
    model?.destroy();
    printedLines = [];
  }
}

/**
 * Returns the fewest observations the package accepts for `order` (its own guard against
 * crashing the WebAssembly code): d + s·D + max(p + q, 2s, 10).
 */
export function minimumLength(order: SarimaOrder): number {
  const s = order.P + order.D + order.Q > 0 ? order.s : 0;
  return order.d + s * order.D + Math.max(order.p + order.q, 2 * s, 10);
}

/** Formats an order as `ARIMA(p,d,q)` or `SARIMA(p,d,q)(P,D,Q)s`. */
export function formatOrder(order: SarimaOrder): string {
  const nonSeasonal = `(${order.p},${order.d},${order.q})`;
  if (order.s === 0 || order.P + order.D + order.Q === 0) {
    return `ARIMA${nonSeasonal}`;
  }
  return `SARIMA${nonSeasonal}(${order.P},${order.D},${order.Q})${order.s}`;
}

/** Parses the summary ctsa prints after a fit. */
function parseSummary(lines: string[], order: SarimaOrder): Omit<SarimaFit, 'mean' | 'variance'> {
  const text = lines.join('\n');
  const readNumber = (pattern: RegExp, label: string): number => {
    const match = pattern.exec(text);
    const value = match ? Number(match[1]) : NaN;
    if (!Number.isFinite(value)) {
      throw new DomainError(
        ErrorCode.ForecastFailed,
        `${formatOrder(order)} could not be fitted: the arima package reported no finite ${label}.`,
      );
    }
    return value;
  };

  const coefficients: Record<string, number> = {};
  for (const match of text.matchAll(/^\s*(AR|MA|SAR|SMA)(\d+)\s+(\S+)/gm)) {
    // ctsa writes MA terms with a minus sign (Box-Jenkins); R and statsforecast use a plus.
    const sign = match[1].endsWith('MA') ? -1 : 1;
    coefficients[`${match[1].toLowerCase()}${match[2]}`] = sign * Number(match[3]);
  }
  const mean = /^\s*MEAN\s+(\S+)/m.exec(text);
  if (mean && Number(mean[1]) !== 0) {
    coefficients.intercept = Number(mean[1]);
  }

  return {
    sigma2: readNumber(/SIGMA\^2\s+(\S+)/, 'sigma^2'),
    logLik: readNumber(/Log Likelihood\s*:\s*(\S+)/, 'log-likelihood'),
    aic: readNumber(/AIC criterion\s*:\s*(\S+)/, 'AIC'),
    coefficients,
  };
}
