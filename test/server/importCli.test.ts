import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

function runImport(folder: string, args: string[]) {
  return spawnSync(
    process.execPath,
    ['--require', 'ts-node/register/transpile-only', 'src/server/importCli.ts', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: `sqlite:${path.join(folder, 'import.sqlite')}` },
    },
  );
}

function countRows(folder: string, args: string[]): string {
  const script = `
    const sqlite3 = require('sqlite3');
    const db = new sqlite3.Database(${JSON.stringify(path.join(folder, 'import.sqlite'))});
    db.get(${JSON.stringify(`SELECT ${args.join(', ')}`)}, (error, row) => {
      process.stdout.write(error ? 'error: ' + error.message : JSON.stringify(row));
    });`;
  return spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).stdout;
}

describe('npm run import', () => {
  let folder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-cli-'));
  });

  afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('imports a file and prints its report', () => {
    const file = path.join(folder, 'sales.csv');
    fs.writeFileSync(
      file,
      [
        HEADER,
        '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
        '536366,85123a,WHITE HANGING HEART T-LIGHT HOLDER,2,2010-12-01 09:00:00,2.55,,United Kingdom',
        'C536367,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-1,2010-12-02 10:00:00,2.55,17850.0,United Kingdom',
        '536368,POST,POSTAGE,1,2010-12-02 10:00:00,18.0,12583.0,France',
        '',
      ].join('\n'),
    );

    const result = runImport(folder, [file]);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /Written: 1 products created, 0 already present; 2 daily rows inserted, 0 updated\./,
    );
    expect(
      countRows(folder, [
        '(SELECT SUM(units) FROM sales_observation) AS units',
        '(SELECT SUM(revenue_minor) FROM sales_observation) AS revenue',
      ]),
    ).toBe(JSON.stringify({ units: 7, revenue: 178_500 }));
  });

  it('rejects a malformed file and writes nothing', () => {
    const file = path.join(folder, 'bad.csv');
    fs.writeFileSync(
      file,
      [
        HEADER,
        '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
        '536366,22632,HAND WARMER,six,2010-12-01 08:28:00,1.85,17850.0,United Kingdom',
        '',
      ].join('\n'),
    );

    const result = runImport(folder, [file]);

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/line 3/);
    expect(result.stderr).toMatch(/Nothing was written\./);
    expect(fs.existsSync(path.join(folder, 'import.sqlite'))).toBe(false);
  });
});
