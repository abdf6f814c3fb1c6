/**
 * Forecast accuracy and speed benchmark on series in long CSV format (M3 by default).
 *
 *   npm run bench:forecast -- [--file data/m3/yearly.csv ...] [--models AUTO_ARIMA,THETA]
 *                             [--horizon 6] [--season-length 1] [--limit 50] [--threads 2]
 *                             [--warmup 50] [--repeat 3] [--calibrate false] [--help]
 *
 * Input: `series_id, ..., split, t, value` rows with `split` = train or test, as in
 * `data/m3/README.md`. When `<name>_meta.csv` sits beside the file, its `frequency` and
 * `horizon` columns give each series' season length and horizon; `--season-length` and
 * `--horizon` override them, and without either the horizon is the number of test rows.
 *
 * Protocol (M3): fit on the train rows, forecast the horizon, score against the test rows.
 * sMAPE = mean 200·|y − f| / (|y| + |f|); MASE = mean |y − f| / mean |x_t − x_(t−m)| over the
 * train rows (lag 1 when m = 1). A series a model cannot forecast is scored with the naive
 * forecast instead and counted under `failed`.
 *
 * Speed: V8 compiles a function to optimised code only after it has run for a while, so each
 * model first forecasts the first `--warmup` series of a set (default 50) untimed and unscored.
 * The timed pass over the set then runs `--repeat` times (default 3), and the speed columns give
 * the median pass, which a garbage collection or a late compilation in one pass does not move.
 * Accuracy comes from the first pass; every pass gives the same forecasts. Without `--threads` every model runs on the main thread, so series/s is per core.
 * With `--threads N` the series are spread over a ForecastPool of N workers and series/s is
 * wall-clock throughput. series/CPU-s divides by the CPU time the whole process used (all
 * threads, user and system), which other load on the machine does not inflate the way it
 * inflates wall-clock time. Peak memory is the largest resident set size (RSS) sampled after each
 * series, for the whole process.
 *
 * The options, input files and model kinds are checked before anything is benchmarked. An unknown
 * option, an invalid value, a missing file, a file without the needed columns or a model kind that
 * cannot be benchmarked prints one line to stderr and exits with code 2.
 */
import * as fs from 'fs';
import * as path from 'path';

import { ForecastPool, runForecast } from '../../src/forecasting';
import type { ForecastResult, ForecastTask, ModelKind, ModelSpec } from '../../src/forecasting';

interface Series {
  id: string;
  train: number[];
  test: number[];
  seasonLength: number;
  horizon: number;
}

interface Options {
  files: string[];
  models: string[];
  horizon?: number;
  seasonLength?: number;
  limit?: number;
  threads?: number;
  warmup: number;
  /** Timed passes over each set; the speed columns give the median. */
  repeat: number;
  /** Whether single models calibrate their intervals (the default); `--calibrate false` turns it off. */
  calibrate: boolean;
}

interface Row {
  set: string;
  model: string;
  series: number;
  smape: number;
  mase: number;
  coverage80: number;
  coverage95: number;
  failed: number;
  /** Series per second of wall-clock time. */
  seriesPerSecond: number;
  /** Series per second of CPU time used by the process (all its threads). */
  seriesPerCpuSecond: number;
  peakRssMb: number;
}

/** An invalid command line or input file, which `main` reports without a stack trace. */
class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const DEFAULT_SETS = ['yearly', 'quarterly', 'other'];
const DEFAULT_FILES = DEFAULT_SETS.map((set) =>
  path.join(__dirname, '..', '..', 'data', 'm3', `${set}.csv`),
);
const DEFAULT_MODELS = ['AUTO_ETS', 'AUTO_ARIMA', 'THETA', 'ENSEMBLE', 'AUTO'];

/** Columns `loadSeries` reads from every input file. */
const REQUIRED_COLUMNS = ['series_id', 'split', 'value'];

/**
 * Whether the script can benchmark each model kind that `runForecast` accepts. The script sends a
 * bare `{ kind }` spec, which ARIMA, SARIMA and ETS reject because they need orders or components.
 * The `Record` type makes tsc fail here when `ModelSpec` gains or loses a kind.
 */
const BENCHMARKABLE: Record<ModelKind, boolean> = {
  AUTO_ARIMA: true,
  AUTO_ETS: true,
  THETA: true,
  OPTIMIZED_THETA: true,
  NAIVE: true,
  SEASONAL_NAIVE: true,
  DRIFT: true,
  MEAN: true,
  CROSTON: true,
  SBA: true,
  TSB: true,
  ENSEMBLE: true,
  AUTO: true,
  ARIMA: false,
  SARIMA: false,
  ETS: false,
};
const MODEL_KINDS = Object.keys(BENCHMARKABLE) as ModelKind[];
const BENCHMARKABLE_KINDS: string[] = MODEL_KINDS.filter((kind) => BENCHMARKABLE[kind]);
const UNBENCHMARKABLE_KINDS: string[] = MODEL_KINDS.filter((kind) => !BENCHMARKABLE[kind]);

/** The options `parseArguments` accepts besides `--help`, with the value each one needs. */
const OPTIONS = [
  { name: '--file', value: 'a CSV file path' },
  { name: '--models', value: 'a comma-separated list of model kinds' },
  { name: '--horizon', value: 'a positive integer' },
  { name: '--season-length', value: 'a positive integer' },
  { name: '--limit', value: 'a positive integer' },
  { name: '--threads', value: 'a positive integer' },
  { name: '--warmup', value: '0 or a positive integer' },
  { name: '--repeat', value: 'a positive integer' },
  { name: '--calibrate', value: 'true or false' },
];

const HELP = `Usage: npm run bench:forecast -- [OPTIONS]

Benchmarks forecast accuracy and speed on series in long CSV format (M3 by default).

Options:
  --file PATH             CSV of series_id, ..., split, t, value rows (split = train or test);
                          repeatable (default data/m3/${DEFAULT_SETS.join('.csv, ')}.csv)
  --models LIST           comma-separated model kinds, listed below
                          (default ${DEFAULT_MODELS.join(',')})
  --horizon N             periods to forecast (default the meta file's horizon, else the test rows)
  --season-length N       observations per seasonal cycle
                          (default the meta file's frequency, else 1)
  --limit N               benchmark only the first N series of each file (default all)
  --threads N             spread the series over a ForecastPool of N worker threads (default none,
                          so every model runs on the main thread)
  --warmup N              series each model forecasts untimed and unscored first (default 50)
  --repeat N              timed passes over each set; speed is the median pass (default 3)
  --calibrate true|false  whether single models calibrate their intervals (default true)
  -h, --help              print this help

Model kinds: ${BENCHMARKABLE_KINDS.slice(0, 7).join(', ')},
  ${BENCHMARKABLE_KINDS.slice(7).join(', ')}.
${joinWords(UNBENCHMARKABLE_KINDS, 'and')} need orders or components, so they cannot be benchmarked.
`;

/** Parses the command line, or returns `'help'` when it contains `--help` or `-h`. */
function parseArguments(argv: string[]): Options | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) {
    return 'help';
  }
  const options: Options = { files: [], models: [], warmup: 50, repeat: 3, calibrate: true };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const option = OPTIONS.find((known) => known.name === name);
    if (!option) {
      const names = [...OPTIONS.map((known) => known.name), '--help'];
      throw new UsageError(`Unknown option ${name}; use ${joinWords(names, 'or')}.`);
    }
    // A value that starts with -- is taken to be the next option, not this option's value.
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) {
      throw new UsageError(`${name} is missing its value, which must be ${option.value}.`);
    }
    i++;
    switch (name) {
      case '--file':
        options.files.push(value);
        break;
      case '--models':
        options.models.push(...value.split(',').map((model) => model.trim().toUpperCase()));
        break;
      case '--horizon':
        options.horizon = positiveInteger(option, value);
        break;
      case '--season-length':
        options.seasonLength = positiveInteger(option, value);
        break;
      case '--limit':
        options.limit = positiveInteger(option, value);
        break;
      case '--threads':
        options.threads = positiveInteger(option, value);
        break;
      case '--calibrate':
        if (value !== 'true' && value !== 'false') {
          throw new UsageError(`${name} must be ${option.value}; received "${value}".`);
        }
        options.calibrate = value === 'true';
        break;
      case '--warmup':
        options.warmup = value === '0' ? 0 : positiveInteger(option, value);
        break;
      case '--repeat':
        options.repeat = positiveInteger(option, value);
        break;
    }
  }
  if (options.files.length === 0) {
    options.files = DEFAULT_FILES;
  }
  if (options.models.length === 0) {
    options.models = DEFAULT_MODELS;
  }
  checkModels(options.models);
  return options;
}

/** Parses `value` as a positive integer, or throws a UsageError naming `option` and its value. */
function positiveInteger(option: { name: string; value: string }, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new UsageError(`${option.name} must be ${option.value}; received "${value}".`);
  }
  return number;
}

/** Throws a UsageError for the first name in `models` that is not a benchmarkable model kind. */
function checkModels(models: string[]): void {
  const choices = `use ${joinWords(BENCHMARKABLE_KINDS, 'or')}`;
  for (const model of models) {
    if (UNBENCHMARKABLE_KINDS.includes(model)) {
      throw new UsageError(
        `--models ${model} cannot be benchmarked because it needs orders or components that --models cannot set; ${choices}.`,
      );
    }
    if (!BENCHMARKABLE_KINDS.includes(model)) {
      throw new UsageError(
        `Unknown model kind "${model}" in --models; ${choices}. ${joinWords(UNBENCHMARKABLE_KINDS, 'and')} cannot be benchmarked because they need orders or components.`,
      );
    }
  }
}

/** Joins `words` with commas and `conjunction` before the last one: "a, b or c". */
function joinWords(words: string[], conjunction: 'and' | 'or'): string {
  return words.length < 2
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/**
 * Throws a UsageError when `file` is not found, is not a regular file or lacks one of
 * `REQUIRED_COLUMNS`. Reads only the first 64 KiB, so that the whole file is read only when it is
 * benchmarked. A header longer than that is cut off and may appear to lack a column.
 */
function checkInputFile(file: string): void {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  if (!stats) {
    throw new UsageError(`${file} not found.`);
  }
  if (!stats.isFile()) {
    throw new UsageError(`${file} is not a regular file.`);
  }
  const buffer = Buffer.alloc(64 * 1024);
  const descriptor = fs.openSync(file, 'r');
  try {
    const bytes = fs.readSync(descriptor, buffer, 0, buffer.length, 0);
    // Leading blank lines are skipped, as `loadSeries` trims the file before it splits it.
    findColumns(file, buffer.toString('utf8', 0, bytes).trimStart().split('\n')[0]);
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Finds the index of each of `REQUIRED_COLUMNS` in `headerLine`, the first line of `file`. */
function findColumns(file: string, headerLine: string): number[] {
  const header = splitCsvLine(headerLine);
  return REQUIRED_COLUMNS.map((name) => {
    const index = header.indexOf(name);
    if (index === -1) {
      const found = headerLine === '' ? 'its first line is empty' : `its header is ${headerLine}`;
      throw new UsageError(`${file} has no "${name}" column; ${found}.`);
    }
    return index;
  });
}

/** Reads a long-format CSV and, when present, its `_meta.csv` companion. */
function loadSeries(file: string, options: Options): Series[] {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const [idColumn, splitColumn, valueColumn] = findColumns(file, lines[0]);

  const byId = new Map<string, { train: number[]; test: number[] }>();
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const id = cells[idColumn];
    const entry = byId.get(id) ?? { train: [], test: [] };
    byId.set(id, entry);
    (cells[splitColumn] === 'test' ? entry.test : entry.train).push(Number(cells[valueColumn]));
  }

  const meta = loadMeta(file);
  const series = [...byId].map(([id, { train, test }]) => {
    const horizon = options.horizon ?? meta.get(id)?.horizon ?? test.length;
    return {
      id,
      train,
      test: test.slice(0, horizon),
      seasonLength: options.seasonLength ?? meta.get(id)?.frequency ?? 1,
      horizon,
    };
  });
  return options.limit ? series.slice(0, options.limit) : series;
}

function loadMeta(file: string): Map<string, { frequency: number; horizon: number }> {
  const metaFile = file.replace(/\.csv$/, '_meta.csv');
  const meta = new Map<string, { frequency: number; horizon: number }>();
  if (!fs.existsSync(metaFile)) {
    return meta;
  }
  const lines = fs.readFileSync(metaFile, 'utf8').trim().split('\n');
  const header = splitCsvLine(lines[0]);
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    meta.set(cells[header.indexOf('series_id')], {
      frequency: Number(cells[header.indexOf('frequency')]),
      horizon: Number(cells[header.indexOf('horizon')]),
    });
  }
  return meta;
}

/** Splits one CSV line; quoted cells may contain commas but not line breaks. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}

function toSpec(model: string, calibrate = true): ModelSpec {
  return (calibrate ? { kind: model } : { kind: model, calibrate }) as ModelSpec;
}

function taskFor(series: Series, model: string, calibrate: boolean): ForecastTask {
  return {
    y: series.train,
    horizon: series.horizon,
    levels: [80, 95],
    seasonLength: series.seasonLength,
    model: toSpec(model, calibrate),
  };
}

/** Scores one series: sMAPE and MASE in the M3 sense, and whether each test value is covered. */
function scoreSeries(series: Series, result: ForecastResult) {
  const { train, test, seasonLength } = series;
  const lag = train.length > seasonLength ? seasonLength : 1;
  let scale = 0;
  for (let t = lag; t < train.length; t++) {
    scale += Math.abs(train[t] - train[t - lag]);
  }
  scale /= train.length - lag;

  let smape = 0;
  let absoluteError = 0;
  const inside = { 80: 0, 95: 0 };
  test.forEach((y, i) => {
    const f = result.mean[i];
    smape += (200 * Math.abs(y - f)) / (Math.abs(y) + Math.abs(f));
    absoluteError += Math.abs(y - f);
    for (const bounds of result.intervals) {
      if (y >= bounds.lower[i] && y <= bounds.upper[i]) {
        inside[bounds.level as 80 | 95]++;
      }
    }
  });
  return {
    smape: smape / test.length,
    mase: absoluteError / test.length / scale,
    inside80: inside[80],
    inside95: inside[95],
    steps: test.length,
  };
}

/** Forecasts `series` with `model` on the main thread and discards the results. */
function warmUp(series: Series[], model: string, calibrate: boolean): void {
  for (const item of series) {
    try {
      runForecast(taskFor(item, model, calibrate));
    } catch {
      // A failure is counted when the series is benchmarked.
    }
  }
}

async function benchmark(
  set: string,
  series: Series[],
  model: string,
  calibrate: boolean,
  repeat: number,
  pool?: ForecastPool,
): Promise<Row> {
  let failed = 0;
  let peakRss = process.memoryUsage().rss;
  const forecastOne = async (item: Series): Promise<ForecastResult> => {
    const task = taskFor(item, model, calibrate);
    try {
      return pool ? await pool.run(task) : runForecast(task);
    } catch {
      failed++;
      return runForecast({ ...task, model: { kind: 'NAIVE' } });
    } finally {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  };

  const passes: { seconds: number; cpuSeconds: number; results: ForecastResult[] }[] = [];
  for (let pass = 0; pass < repeat; pass++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const results: ForecastResult[] = [];
    if (pool) {
      results.push(...(await Promise.all(series.map(forecastOne))));
    } else {
      for (const item of series) {
        results.push(await forecastOne(item));
      }
    }
    const cpu = process.cpuUsage(cpuStarted);
    passes.push({
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      results,
    });
  }
  // Every pass fails on the same series, so the count of one pass is kept.
  failed /= repeat;
  const { results } = passes[0];
  const seconds = median(passes.map((pass) => pass.seconds));
  const cpuSeconds = median(passes.map((pass) => pass.cpuSeconds));

  const scores = series.map((item, i) => scoreSeries(item, results[i]));
  const steps = scores.reduce((sum, score) => sum + score.steps, 0);
  const mean = (pick: (score: (typeof scores)[number]) => number): number =>
    scores.reduce((sum, score) => sum + pick(score), 0) / scores.length;
  return {
    set,
    model,
    series: series.length,
    smape: mean((score) => score.smape),
    mase: mean((score) => score.mase),
    coverage80: (100 * scores.reduce((sum, score) => sum + score.inside80, 0)) / steps,
    coverage95: (100 * scores.reduce((sum, score) => sum + score.inside95, 0)) / steps,
    failed,
    seriesPerSecond: series.length / seconds,
    seriesPerCpuSecond: series.length / cpuSeconds,
    peakRssMb: peakRss / 2 ** 20,
  };
}

/** Returns the median of `values`, the mean of the middle two for an even count. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function formatRow(row: Row): string {
  return [
    row.set,
    row.model,
    row.series,
    row.smape.toFixed(2),
    row.mase.toFixed(3),
    `${row.coverage80.toFixed(2)}%`,
    `${row.coverage95.toFixed(2)}%`,
    row.failed,
    row.seriesPerSecond.toFixed(1),
    row.seriesPerCpuSecond.toFixed(1),
    row.peakRssMb.toFixed(0),
  ].join(' | ');
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(HELP);
    return;
  }
  // Checking every file before the first one is benchmarked stops a typo in the last file from
  // discarding a long run.
  options.files.forEach(checkInputFile);
  const pool = options.threads ? new ForecastPool({ maxThreads: options.threads }) : undefined;
  if (pool && options.threads) {
    // Starting a worker (and compiling the TypeScript sources in it) is not forecasting time.
    const warmUp = {
      y: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      horizon: 2,
      model: toSpec('AUTO_ARIMA'),
    };
    await Promise.all(Array.from({ length: 4 * options.threads }, () => pool.run(warmUp)));
  }
  const mode = pool ? `${options.threads} worker threads` : 'main thread, one core';
  console.log(`mode: ${mode}`);
  console.log(
    'set | model | series | sMAPE | MASE | 80% cover | 95% cover | failed | series/s | series/CPU-s | peak RSS MB',
  );
  console.log('--- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:');
  try {
    for (const file of options.files) {
      const set = path.basename(file, '.csv');
      const series = loadSeries(file, options);
      for (const model of options.models) {
        warmUp(series.slice(0, options.warmup), model, options.calibrate);
        const row = await benchmark(set, series, model, options.calibrate, options.repeat, pool);
        console.log(formatRow(row));
      }
    }
  } finally {
    await pool?.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`bench:forecast: ${error.message}`);
    console.error('Run with --help for the options.');
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
