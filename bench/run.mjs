/* global setTimeout, clearTimeout, window -- Node timers here; `window` only inside page functions run in the browser. */
// `npm run bench`: serves the repository with Vite, opens the bench pages in headless Chromium and
// prints what they measured: bench/import-bench.html (issue 4, "Speed") and bench/screen-bench.html
// (issue 5 item 6: the eCommerce screen with 10,000 orders). Options:
//   --only=import|screen  run one part (default both, import first)
//   --timeout=S           give up after S seconds per part (default 300)
// Import:
//   --runs=N              fresh-database repeats, median printed (default 3)
//   --orders=N --products=N --customers=N   sizes (default 1000, 50000, 20000)
//   --address-changes=F   share of orders whose shipping address differs, so the customer is updated (default 0)
// Screen (one fresh page per run, so every first open is cold):
//   --screen-runs=N       runs, medians printed (default 5)
//   --screen-orders=N     stored orders (default 10000)
//   --scroll-rows=N --step-rows=N   rows scrolled, and per frame (default 1000, 5)
//   --viewport=WxH        the page's size (default 1366x768)
//   --profile=FILE        record a Chrome trace of screen run 1 into FILE (JS samples, style, layout, paint;
//                         phases marked "bench:…"); summarise it with `node bench/trace-summary.mjs FILE`.
//                         Tracing slows the page: that run's figures are not comparable.
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
const only = args.only;
if (only !== undefined && only !== 'import' && only !== 'screen') {
  console.error(`bench: --only=${only}? Use --only=import or --only=screen (default both).`);
  process.exit(2);
}
const parts = only ? [only] : ['import', 'screen'];
const timeoutMs = Number(args.timeout ?? 300) * 1000;
const query = new URLSearchParams();
for (const [arg, param] of [['runs', 'runs'], ['orders', 'orders'], ['products', 'products'], ['customers', 'customers'], ['address-changes', 'addressChanges']]) {
  if (args[arg] !== undefined) query.set(param, args[arg]);
}
const screenRuns = Math.max(1, Math.floor(Number(args['screen-runs'] ?? 5)) || 5);
const screenQuery = new URLSearchParams();
for (const [arg, param] of [['screen-orders', 'orders'], ['scroll-rows', 'scrollRows'], ['step-rows', 'stepRows']]) {
  if (args[arg] !== undefined) screenQuery.set(param, args[arg]);
}
const profilePath = args.profile && args.profile !== 'true' ? resolve(process.env.INIT_CWD ?? process.cwd(), args.profile) : undefined;
const [viewportWidth, viewportHeight] = String(args.viewport ?? '1366x768').split('x').map(Number);

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
  console.error(`bench: no result within ${(timeoutMs * parts.length) / 1000} s; giving up`);
  void cleanup().finally(() => process.exit(1));
}, timeoutMs * parts.length);
/** Every part's outcome, printed together as JSON at the end. */
const summary = {};

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
    // Name the bench pages so their dependencies are optimized up front (no reload mid-run). No
    // watcher and no HMR: others may edit files during the run, and a reload would restart it.
    optimizeDeps: { entries: ['bench/import-bench.html', 'bench/screen-bench.html'] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the Vite server has no port');
  const origin = `http://127.0.0.1:${address.port}`;

  browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    // waitForFunction is one protocol call lasting until the page is done; Puppeteer's default of
    // 180 s ended the import part on a busy machine ("Waiting failed"). The watchdog limits the run.
    protocolTimeout: timeoutMs * parts.length + 60_000,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync',
      // For the screen's heap figures: exact sizes, and a GC before reading them.
      '--enable-precise-memory-info', '--js-flags=--expose-gc',
    ],
  });
  console.log(`bench: ${origin} in ${chrome}`);
  for (const part of parts) {
    if (process.exitCode) break;
    if (part === 'import') await runImport(origin);
    else await runScreen(origin);
  }
  if (!process.exitCode) console.log(`\nJSON ${JSON.stringify(summary)}`);
} catch (error) {
  // Puppeteer's "Waiting failed" says why only in its cause (a crashed or navigated page, …).
  let text = error instanceof Error ? error.stack ?? error.message : String(error);
  for (let cause = error?.cause; cause; cause = cause.cause) text += `\ncaused by: ${cause instanceof Error ? cause.message : String(cause)}`;
  fail(text);
} finally {
  await cleanup();
}

/** Opens `url` in a new page, waits for `window.__benchResult` and returns it; the page is closed after. */
async function measurePage(url, viewport, tracePath) {
  const page = await browser.newPage();
  let navigated = 0;
  try {
    if (viewport) await page.setViewport(viewport);
    if (tracePath) await page.tracing.start({ path: tracePath });
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('[bench]')) console.log(text);
      else if (message.type() === 'error') console.error(`page: ${text}`);
    });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.on('error', (error) => console.error(`page crashed: ${error.message}`));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && navigated++ > 0) console.error(`bench: the page navigated (reloaded?) to ${frame.url()}`);
    });
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    await page.waitForFunction(() => window.__benchResult !== undefined, { timeout: timeoutMs, polling: 500 });
    const result = await page.evaluate(() => window.__benchResult);
    if (tracePath) {
      await page.tracing.stop();
      console.log(`bench: trace written to ${tracePath}; summary: node bench/trace-summary.mjs ${tracePath}`);
    }
    return result;
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function runImport(origin) {
  const url = `${origin}/bench/import-bench.html${query.size ? `?${query}` : ''}`;
  console.log(`bench: import, ${url}`);
  const result = await measurePage(url);
  if (!result.ok) {
    fail(`the page reported a failure:\n${result.error}`);
  } else {
    print(result);
    summary.import = { params: result.params, lines: result.lines, median: result.median, runs: result.runs };
  }
}

async function runScreen(origin) {
  const viewport = { width: viewportWidth || 1366, height: viewportHeight || 768 };
  const results = [];
  console.log(`\nbench: screen, ${origin}/bench/screen-bench.html, ${screenRuns} runs of one fresh page each, viewport ${viewport.width}x${viewport.height}`);
  for (let run = 1; run <= screenRuns; run++) {
    const runQuery = new URLSearchParams(screenQuery);
    runQuery.set('run', String(run));
    const result = await measurePage(`${origin}/bench/screen-bench.html?${runQuery}`, viewport, run === 1 ? profilePath : undefined);
    if (!result.ok) {
      fail(`the screen page reported a failure in run ${run}:\n${result.error}`);
      return;
    }
    results.push(result);
  }
  const keys = Object.keys(results[0].figures);
  const median = Object.fromEntries(keys.map((key) => [key, medianOf(results.map((r) => r.figures[key]))]));
  printScreen(results, median);
  summary.screen = {
    params: { ...results[0].params, run: undefined, runs: results.length },
    openOrders: results[0].openOrders,
    viewport: results[0].viewport,
    readers: results[0].readers,
    median,
    runs: results.map((r) => r.figures),
  };
}

function medianOf(values) {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function printTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log('');
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    if (index === 0 || index === rows.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log('');
}

function printScreen(results, m) {
  const ms = (value) => (value === null || value === undefined ? '-' : value < 10 ? value.toFixed(1) : value.toFixed(0));
  const n = (value) => (value === null || value === undefined ? '-' : String(Math.round(value)));
  const row = (label, f) => [
    label, ms(f.coldOpenMs), ms(f.warmOpenMs), ms(f.keyFirstMs), ms(f.keyNextMs), ms(f.keyClearMs), ms(f.statusMs), ms(f.statusBackMs),
    `${ms(f.scrollFrameP95)}/${ms(f.scrollFrameMax)}`, `${n(f.scrollMissed)}/${n(f.scrollOver50)}`, `${ms(f.workP95)}/${ms(f.workMax)}`, n(f.blankFrames),
    `${ms(f.heapLoadedMB)}/${ms(f.heapOpenMB)}`,
  ];
  printTable([
    ['run', 'open cold', 'open warm', '1st key', 'next keys', 'clear', 'status', 'status back', 'frame p95/max', 'missed/>50', 'work p95/max', 'blank', 'heap MB'],
    ...results.map((r) => row(String(r.params.run), r.figures)),
    row('median', m),
  ]);
  const first = results[0];
  console.log(
    `screen: ${first.params.orders} stored orders, ${first.openOrders} open (the default view "Alle open bestellingen"), grid ${first.viewport.gridHeight} px high ` +
      `(${n(m.domRows)} rows in the DOM). All figures in ms, medians of ${results.length} runs.`,
  );
  console.log(
    `open: from the command locally.openScreen until the first grid row exists, the screen is updated and the next frame painted.\n` +
      `  cold (fresh page, the screen's lazy chunk loads: ${n(m.coldRequests)} requests to the dev server): screen module loaded after ${ms(m.coldDefinedMs)}, rows after ${ms(m.coldRowsMs)}, ` +
      `panel element after ${ms(m.coldCommandMs)}, painted ${ms(m.coldOpenMs)}; warm (closed and opened again): ${ms(m.warmOpenMs)}.\n` +
      `  full reads of the orders while opening: ${n(m.coldReads)} cold, ${n(m.warmReads)} in 3 warm opens; one full read takes ${ms(m.fullReadMs)} ` +
      `(${n(m.startupReads)} at plugin start, tile shown after ${ms(m.tileMs)}).\n` +
      `  after the first open the store and screen were quiet after ${ms(m.openSettledMs)} (${n(m.openSettleReads)} full reads: the seen marks); ` +
      `meanwhile the longest main-thread task took ${ms(m.openSettleLongestTaskMs)} (long tasks ${ms(m.openSettleLongTasksMs)} in all; ` +
      `at plugin start: longest ${ms(m.startupLongestTaskMs)}, ${ms(m.startupLongTasksMs)} in all).`,
  );
  console.log(
    `keystroke: value set + "input" in "Zoeken" until the grid is updated and painted. 1st key (${n(m.keyFirstFound)} of ${first.openOrders} found): ` +
      `${ms(m.keyFirstMs)} = update ${ms(m.keyFirstUpdateMs)} (of which the filter alone, orderListView, ${ms(m.filterOnlyMs)}) + style/layout ${ms(m.keyFirstLayoutMs)} ` +
      `+ waiting for and painting the frame; ` +
      `next keys of "jan" ${ms(m.keyNextMs)} = update ${ms(m.keyNextUpdateMs)} + style/layout ${ms(m.keyNextLayoutMs)} + frame (${n(m.wordFound)} found); ` +
      `clearing ${ms(m.keyClearMs)}.\n` +
      `status: "Filter op status" to "Gereed voor afhalen" ${ms(m.statusMs)} (update ${ms(m.statusUpdateMs)}), back to all open ${ms(m.statusBackMs)}.`,
  );
  console.log(
    `scroll: ${n(m.scrollFrames)} frames of ${first.params.stepRows} rows (${first.params.scrollRows} rows); idle frame interval ${ms(m.idleFrameMs)}. ` +
      `frame = interval between frames (p95/max); missed = intervals > 1.5 idle intervals; work = main-thread time per frame ` +
      `(scroll, render, style, layout, paint; p95/max; ${n(m.workOver16)} frames > 16 ms, ${n(m.workOver50)} > 50 ms); ` +
      `long animation frames ${m.loafCount === -1 ? 'not supported' : `${n(m.loafCount)} (longest ${ms(m.loafMaxMs)})`}; ` +
      `blank = frames painted without all rows in view.\n` +
      `  one step of ${first.params.stepRows} rows rendered directly: update ${ms(m.stepUpdateMs)} + style/layout ${ms(m.stepLayoutMs)} + paint/commit ${ms(m.stepPaintMs)}.\n` +
      `  closed and opened again after the scroll: ${ms(m.reopenAfterScrollMs)}, rows in view ${m.reopenAfterScrollRowsInView === 1 ? 'yes' : 'NO (blank until scrolled)'}.`,
  );
  if (first.readers) {
    const list = (counts) => Object.entries(counts).map(([caller, count]) => `${caller} ×${count}`).join(', ') || 'none';
    console.log(
      `full reads by caller (run 1): at plugin start ${list(first.readers.startup)}; after the first open ${list(first.readers.afterOpen)}; ` +
        `"Nu controleren" with the screen open ${list(first.readers.poll ?? {})}.`,
    );
    console.log(`poll while open: ${n(m.pollReads)} full reads, longest main-thread task meanwhile ${ms(m.pollLongestTaskMs)} (0: none over 50 ms).`);
  }
  console.log(
    `heap: usedJSHeapSize after GC${first.gcExposed ? '' : ' (gc not exposed: without GC)'}: shell alone ${ms(m.heapBaseMB)} MB, ` +
      `plugin with the orders loaded ${ms(m.heapLoadedMB)} MB, screen open ${ms(m.heapOpenMB)} MB. ${first.userAgent}`,
  );
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
