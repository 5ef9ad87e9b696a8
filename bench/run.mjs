/* global setTimeout, clearTimeout, window -- Node timers here; `window` only inside page functions run in the browser. */
// `npm run bench`: serves the repository with Vite, opens bench/import-bench.html in headless
// Chromium and prints what the page measured (issue 4, "Speed"). Options:
//   --runs=N              fresh-database repeats, median printed (default 3)
//   --orders=N --products=N --customers=N   sizes (default 1000, 50000, 20000)
//   --address-changes=F   share of orders whose shipping address differs, so the customer is updated (default 0)
//   --timeout=S           give up after S seconds (default 300)
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { findChrome, installHint } from '../scripts/chrome-path.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const timeoutMs = Number(args.timeout ?? 300) * 1000;
const query = new URLSearchParams();
for (const [arg, param] of [['runs', 'runs'], ['orders', 'orders'], ['products', 'products'], ['customers', 'customers'], ['address-changes', 'addressChanges']]) {
  if (args[arg] !== undefined) query.set(param, args[arg]);
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exitCode = 1;
}

const chrome = findChrome();
if (!chrome) {
  console.error(installHint.replace('`npm test`', '`npm run bench`'));
  process.exit(1);
}

let server;
let browser;
const watchdog = setTimeout(() => {
  console.error(`bench: no result within ${timeoutMs / 1000} s; giving up`);
  void cleanup().finally(() => process.exit(1));
}, timeoutMs);

async function cleanup() {
  clearTimeout(watchdog);
  await browser?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
}

try {
  server = await createServer({
    configFile: 'vite.shell.config.ts',
    logLevel: 'warn',
    clearScreen: false,
    // Name the bench page so its dependencies are optimized up front (no reload mid-run). No
    // watcher and no HMR: others may edit files during the run, and a reload would restart it.
    optimizeDeps: { entries: ['bench/import-bench.html'] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the Vite server has no port');
  const url = `http://127.0.0.1:${address.port}/bench/import-bench.html${query.size ? `?${query}` : ''}`;

  browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[bench]')) console.log(text);
    else if (message.type() === 'error') console.error(`page: ${text}`);
  });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  console.log(`bench: ${url} in ${chrome}`);
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  await page.waitForFunction(() => window.__benchResult !== undefined, { timeout: timeoutMs, polling: 500 });
  const result = await page.evaluate(() => window.__benchResult);
  if (!result.ok) {
    fail(`the page reported a failure:\n${result.error}`);
  } else {
    print(result);
  }
} catch (error) {
  fail(error instanceof Error ? error.stack ?? error.message : String(error));
} finally {
  await cleanup();
}

function print(result) {
  const { params, runs, median } = result;
  const ms = (value) => value.toFixed(0);
  const rows = [
    ['run', 'orders', 'lines', 'products', 'customers', 'import ms', 'orders/s', 'raw floor ms', 'raw writes', 'ratio', 'look-ups ms'],
    ...runs.map((r) => [
      String(r.run), String(params.orders), String(result.lines), String(params.products), String(params.customers),
      ms(r.importMs), r.ordersPerSecond.toFixed(1), ms(r.rawFloorMs), String(r.rawWrites), `${r.ratio.toFixed(1)}x`, `${ms(r.lookupMs)} (${r.lookups})`,
    ]),
    [
      'median', String(params.orders), String(result.lines), String(params.products), String(params.customers),
      ms(median.importMs), median.ordersPerSecond.toFixed(1), ms(median.rawFloorMs), String(runs[0].rawWrites), `${median.ratio.toFixed(1)}x`, ms(median.lookupMs),
    ],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log('');
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    if (index === 0 || index === rows.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log('');
  console.log(
    'import: OrderImporter.importOrders on the stored orders (matching, createMany per chunk, recordImport), all "new".\n' +
      'raw floor: the same writes (transactions, counter, stock, orders, history; customers when updated) queued in ONE\n' +
      'readwrite transaction with durability "strict". ratio = import ms / raw floor ms. look-ups: 3 findByGtin + 1\n' +
      `findByEmail per order, one after the other, outside the import. ${runs[0].customerUpdates} customer updates in run 1.`,
  );
  console.log(
    `matching through indexes: ${(median.lookupMs / runs[0].lookups).toFixed(2)} ms per look-up; one scan of the catalogue takes ` +
      `${ms(median.scanMs)} ms, so a scan per line would cost about ${((median.scanMs * result.lines) / 1000).toFixed(0)} s.`,
  );
  console.log(`seed (not timed): ${runs.map((r) => ms(r.seedMs)).join(', ')} ms; ${result.userAgent}`);
}
