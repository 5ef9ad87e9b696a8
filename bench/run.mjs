/* global setTimeout, clearTimeout, window -- Node timers here; `window` only inside page functions run in the browser. */
// `npm run bench`: serves the repository with Vite, opens the bench pages in headless Chromium and
// prints what they measured, then a table of the figures issue #8 budgets and ONE JSON object (a line
// starting with "JSON "). Parts, in the order they run:
//   bundle      `npx vite build` into node_modules/.cache/bench-dist (dist/ is left alone), then
//               scripts/bundle-sizes.mjs: what activation loads and all chunks, raw and gzip
//   import      bench/import-bench.html (issue 4, "Speed"): the importer against the raw IndexedDB floor
//   idle-poll   bench/idle-poll-bench.html: polls that find nothing: main-thread ms and IndexedDB writes
//   activation  bench/activation-bench.html: import of the entry, then activate(host) until every
//               declared contribution is registered
//   screen      bench/screen-bench.html (issue 5 item 6: the screen with 10,000 orders); its heap
//               with the orders loaded and the screen open is also reported as `memory`
// Options:
//   --only=LIST           parts to run, comma separated (default all; "memory" means screen)
//   --timeout=S           give up after S seconds per part (default 300)
//   --json=FILE           also write the JSON object to FILE
// Import:
//   --runs=N              fresh-database repeats, median printed (default 3)
//   --orders=N --products=N --customers=N   sizes (default 1000, 50000, 20000)
//   --address-changes=F   share of orders whose shipping address differs, so the customer is updated (default 0)
// Idle poll (one fresh page per run):
//   --idle-runs=N         runs (default 3)
//   --idle-polls=N        idle polls measured per run, after one warm-up poll (default 10)
//   --idle-orders=N       orders the plugin stored and imported before the polls (default 300)
// Activation (one fresh page per run):
//   --activation-runs=N   runs (default 7)
//   --activation-entry=built|source   import the built entry (default, as a shop loads it) or the
//                         TypeScript source through the dev server (many modules, development builds)
// Screen (one fresh page per run, so every first open is cold):
//   --screen-runs=N       runs, medians printed (default 5)
//   --screen-entry=built|source   load the built plugin through its manifest (default, as a shop runs
//                         it: first open = from the command to the first rows) or the TypeScript source
//                         (the page then also watches the store's full reads, and reports the first
//                         open without loading the screen's unbundled modules)
//   --screen-orders=N     stored orders (default 10000)
//   --scroll-rows=N --step-rows=N   rows scrolled, and per frame (default 1000, 5)
//   --viewport=WxH        the page's size (default 1366x768)
//   --profile-activation=FILE  the same for activation run 1 (phase "bench:activate")
//   --profile=FILE        record a Chrome trace of screen run 1 into FILE (JS samples, style, layout, paint;
//                         phases marked "bench:…"); summarise it with `node bench/trace-summary.mjs FILE`.
//                         Tracing slows the page: that run's figures are not comparable.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { findChrome, installHint } from '../scripts/chrome-path.mjs';
import { measureBundle } from '../scripts/bundle-sizes.mjs';
import { copyManifest } from '../scripts/copy-manifest.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, ...rest] = arg.replace(/^--/, '').split('=');
    return [key, rest.length ? rest.join('=') : 'true'];
  }),
);
const PARTS = ['bundle', 'import', 'idle-poll', 'activation', 'screen'];
const ALIASES = { idlepoll: 'idle-poll', idle: 'idle-poll', memory: 'screen' };
const asked = args.only === undefined ? PARTS : String(args.only).split(',').map((name) => name.trim()).filter(Boolean);
const unknown = asked.filter((name) => !PARTS.includes(ALIASES[name.toLowerCase().replace(/[-_]/g, '')] ?? name));
if (unknown.length > 0 || asked.length === 0) {
  console.error(`bench: --only=${args.only}? Name parts from ${PARTS.join(', ')} (or memory, which is screen), comma separated; default all.`);
  process.exit(2);
}
const chosen = new Set(asked.map((name) => ALIASES[name.toLowerCase().replace(/[-_]/g, '')] ?? name));
const parts = PARTS.filter((part) => chosen.has(part));
const browserParts = parts.filter((part) => part !== 'bundle');
const timeoutMs = Number(args.timeout ?? 300) * 1000;
const count = (name, fallback) => Math.max(1, Math.floor(Number(args[name] ?? fallback)) || fallback);
const query = new URLSearchParams();
for (const [arg, param] of [['runs', 'runs'], ['orders', 'orders'], ['products', 'products'], ['customers', 'customers'], ['address-changes', 'addressChanges']]) {
  if (args[arg] !== undefined) query.set(param, args[arg]);
}
const screenRuns = count('screen-runs', 5);
const screenQuery = new URLSearchParams();
for (const [arg, param] of [['screen-orders', 'orders'], ['scroll-rows', 'scrollRows'], ['step-rows', 'stepRows']]) {
  if (args[arg] !== undefined) screenQuery.set(param, args[arg]);
}
const idleRuns = count('idle-runs', 3);
const idlePolls = count('idle-polls', 10);
const idleOrders = count('idle-orders', 300);
const activationRuns = count('activation-runs', 7);
const activationEntry = args['activation-entry'] === 'source' ? 'source' : 'built';
const screenEntry = args['screen-entry'] === 'source' ? 'source' : 'built';
const callerDir = process.env.INIT_CWD ?? process.cwd();
const profilePath = args.profile && args.profile !== 'true' ? resolve(callerDir, args.profile) : undefined;
const activationProfilePath =
  args['profile-activation'] && args['profile-activation'] !== 'true' ? resolve(callerDir, args['profile-activation']) : undefined;
const jsonPath = args.json && args.json !== 'true' ? resolve(callerDir, args.json) : undefined;
const [viewportWidth, viewportHeight] = String(args.viewport ?? '1366x768').split('x').map(Number);
/** The bench's own build of the plugin: `vite build` with only the output directory changed (dist/ belongs to `npm run build`). */
const BUILD_DIR = 'node_modules/.cache/bench-dist';
/**
 * Where the activation page imports that build from: through the dev server, which resolves the bare
 * specifiers of the modules the host shares (lit, @lit/localize, idb; docs/host-contract.md) to the
 * shell's own copies, as `npm start` does. It also transforms the file on the way (part of "fetched").
 */
const BUILD_URL = `/${BUILD_DIR}`;

// Issue #8's targets. kB = 1024 bytes, as scripts/check-bundle.mjs counts.
const TARGETS = {
  importRatio: 3,
  idlePollWrites: 0,
  activationMs: 30,
  firstRowsMs: 100,
  keystrokeMs: 16,
  scrollFrameMs: 50,
  heapMB: 50,
  activationGzip: 40 * 1024,
  allGzip: 80 * 1024,
};

function fail(message) {
  console.error(`bench: ${message}`);
  process.exitCode = 1;
}

/** Every part's outcome, printed together as JSON at the end; null for parts not run. */
const summary = { machine: machineInfo(), import: null, idlePoll: null, screen: null, activation: null, bundle: null, memory: null };

const chrome = browserParts.length ? findChrome() : undefined;
if (browserParts.length && !chrome) {
  console.error(installHint.replace('`npm test`', '`npm run bench`'));
  process.exit(1);
}

let server;
let browser;
let child;
const watchdog = setTimeout(() => {
  console.error(`bench: no result within ${(timeoutMs * parts.length) / 1000} s; giving up`);
  void cleanup().finally(() => process.exit(1));
}, timeoutMs * parts.length);

async function cleanup() {
  clearTimeout(watchdog);
  child?.kill();
  await browser?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
}

try {
  console.log(
    `bench: ${parts.join(', ')} on ${summary.machine.cpuModel} (${summary.machine.cores} cores, ${summary.machine.ramGB} GB), ` +
      `load ${summary.machine.loadAverage.join(' ')}, ${summary.machine.os}, node ${summary.machine.node}`,
  );
  const needBuild =
    parts.includes('bundle') || (parts.includes('activation') && activationEntry === 'built') || (parts.includes('screen') && screenEntry === 'built');
  if (needBuild) await runBundle(parts.includes('bundle'));
  if (browserParts.length && !process.exitCode) {
    server = await createServer({
      configFile: 'vite.shell.config.ts',
      logLevel: 'warn',
      clearScreen: false,
      // Name the bench pages so their dependencies are optimized up front (no reload mid-run). No
      // watcher and no HMR: others may edit files during the run, and a reload would restart it.
      optimizeDeps: { entries: ['bench/import-bench.html', 'bench/screen-bench.html', 'bench/idle-poll-bench.html', 'bench/activation-bench.html'] },
      server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false, watch: null },
      // The libraries' production builds, as a shop runs them: Lit's development build checks and
      // warns on every update and would be measured instead of the plugin. Its own dependency cache,
      // so \`npm start\` keeps the development builds.
      resolve: { conditions: ['module', 'browser', 'production'] },
      cacheDir: 'node_modules/.vite-bench',
      // The build's manifest: the static files under a dot folder (.cache) are not served, its scripts
      // are (through the transform that resolves the host's shared modules).
      plugins: [
        {
          name: 'bench-build-manifest',
          configureServer(viteServer) {
            viteServer.middlewares.use((request, response, next) => {
              if (request.url?.split('?')[0] !== `${BUILD_URL}/plugin.json`) return next();
              response.setHeader('Content-Type', 'application/json');
              response.end(readFileSync(`${BUILD_DIR}/plugin.json`));
            });
          },
        },
      ],
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
    summary.machine.chromium = await browser.version();
    console.log(`bench: ${origin} in ${chrome} (${summary.machine.chromium})`);
    for (const part of browserParts) {
      if (process.exitCode) break;
      if (part === 'import') await runImport(origin);
      else if (part === 'idle-poll') await runIdlePoll(origin);
      else if (part === 'activation') await runActivation(origin);
      else await runScreen(origin);
    }
  }
  if (!process.exitCode) {
    summary.budgets = budgets(summary);
    printBudgets(summary.budgets);
    const json = JSON.stringify(summary);
    if (jsonPath) {
      writeFileSync(jsonPath, `${json}\n`);
      console.log(`bench: JSON written to ${jsonPath}`);
    }
    console.log(`\nJSON ${json}`);
  }
} catch (error) {
  // Puppeteer's "Waiting failed" says why only in its cause (a crashed or navigated page, …).
  let text = error instanceof Error ? error.stack ?? error.message : String(error);
  for (let cause = error?.cause; cause; cause = cause.cause) text += `\ncaused by: ${cause instanceof Error ? cause.message : String(cause)}`;
  fail(text);
} finally {
  await cleanup();
}

function machineInfo() {
  const cpus = os.cpus();
  let distribution = '';
  try {
    distribution = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    // Not Linux: the kernel's name below says enough.
  }
  return {
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    ramGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    os: `${distribution ? `${distribution}, ` : ''}${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: null,
  };
}

/** Opens `url` in a new page, echoing its "[bench]" lines and errors; warns when it navigates again (a reload). */
async function openPage(url, viewport, tracePath) {
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
    return page;
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}

/** Waits for the page's `window.__benchResult` and returns it. */
async function waitForResult(page) {
  await page.waitForFunction(() => window.__benchResult !== undefined, { timeout: timeoutMs, polling: 500 });
  return page.evaluate(() => window.__benchResult);
}

/** Opens `url` in a new page, waits for `window.__benchResult` and returns it; the page is closed after. */
async function measurePage(url, viewport, tracePath) {
  const page = await openPage(url, viewport, tracePath);
  try {
    const result = await waitForResult(page);
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
  console.log(
    `\nbench: screen, ${origin}/bench/screen-bench.html, ${screenRuns} runs of one fresh page each, viewport ${viewport.width}x${viewport.height}, ` +
      `the plugin ${screenEntry === 'built' ? `built (${BUILD_URL}/plugin.json)` : 'from source'}`,
  );
  for (let run = 1; run <= screenRuns; run++) {
    const runQuery = new URLSearchParams(screenQuery);
    runQuery.set('run', String(run));
    if (screenEntry === 'built') runQuery.set('manifest', `${BUILD_URL}/plugin.json`);
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
    entry: screenEntry,
    params: { ...results[0].params, run: undefined, runs: results.length },
    openOrders: results[0].openOrders,
    viewport: results[0].viewport,
    readers: results[0].readers,
    median,
    runs: results.map((r) => r.figures),
  };
  // Issue #8's memory figure: the JS heap (after GC) with the orders loaded into the open screen.
  summary.memory = {
    unit: 'MB',
    orders: results[0].params.orders,
    heapOpenMB: median.heapOpenMB,
    heapLoadedMB: median.heapLoadedMB,
    heapBaseMB: median.heapBaseMB,
    gcExposed: results[0].gcExposed ?? false,
    runs: results.map((r) => ({ heapBaseMB: r.figures.heapBaseMB, heapLoadedMB: r.figures.heapLoadedMB, heapOpenMB: r.figures.heapOpenMB })),
  };
}

/** `npx vite build` into {@link BUILD_DIR} (a child process; its own output goes to this one's), then its sizes. */
async function runBundle(report) {
  console.log(`\nbench: bundle, npx vite build --outDir ${BUILD_DIR}`);
  const started = Date.now();
  const code = await new Promise((resolveExit) => {
    child = spawn(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build', '--outDir', BUILD_DIR, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(error);
      resolveExit(1);
    });
    child.on('exit', (exitCode) => resolveExit(exitCode ?? 1));
  });
  child = undefined;
  const buildMs = Date.now() - started;
  if (code !== 0) {
    fail(`npx vite build exited with ${code}`);
    return;
  }
  // The build on its own, as dist/ is installed: the screen part loads it through this manifest.
  copyManifest(BUILD_DIR);
  if (!report) return;
  const sizes = measureBundle(BUILD_DIR);
  summary.bundle = { unit: 'bytes', dir: BUILD_DIR, buildMs, activation: sizes.activation, all: sizes.all, chunks: sizes.chunks };
  const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  printTable([
    ['', 'files', 'raw', 'gzip'],
    ['loaded at activation', String(sizes.activation.files.length), kB(sizes.activation.raw), kB(sizes.activation.gzip)],
    ['all chunks', String(sizes.all.files.length), kB(sizes.all.raw), kB(sizes.all.gzip)],
  ]);
  console.log(`bundle: built in ${(buildMs / 1000).toFixed(1)} s; activation loads ${sizes.activation.files.join(', ')}. Largest chunks (gzip): ` +
    sizes.chunks.slice(0, 5).map((chunk) => `${chunk.file} ${kB(chunk.gzip)}`).join(', '));
}

/**
 * Idle polls, driven from here: the page sets up a till whose cursor is caught up, then each call of
 * its `__idlePoll.poll()` / `.request()` is bracketed by Chrome's main-thread counters
 * (Performance.getMetrics: TaskDuration = all main-thread tasks of the page, ScriptDuration = the
 * JavaScript part). Each poll is paired with the bare provider request it made, since msw answers
 * in the page's own main thread: plugin = poll - request.
 */
async function runIdlePoll(origin) {
  console.log(`\nbench: idle poll, ${origin}/bench/idle-poll-bench.html, ${idleRuns} runs of one fresh page each, ${idleOrders} orders stored, 1 + ${idlePolls} polls per run`);
  const runs = [];
  for (let run = 1; run <= idleRuns; run++) {
    const page = await openPage(`${origin}/bench/idle-poll-bench.html?run=${run}&orders=${idleOrders}`);
    try {
      const ready = await waitForResult(page);
      if (!ready.ok) {
        fail(`the idle-poll page reported a failure in run ${run}:\n${ready.error}`);
        return;
      }
      const polls = [];
      for (let i = 0; i <= idlePolls; i++) {
        const poll = await measureCall(page, 'poll');
        const request = await measureCall(page, 'request');
        if (poll.requests < 1) {
          fail(`idle poll ${i} of run ${run} asked the provider nothing: no poll happened`);
          return;
        }
        polls.push({
          warmUp: i === 0,
          mainThreadMs: poll.taskMs,
          scriptMs: poll.scriptMs,
          requestMainThreadMs: request.taskMs,
          pluginMainThreadMs: Math.max(0, poll.taskMs - request.taskMs),
          wallMs: poll.wallMs,
          writes: poll.writes,
          readwriteTransactions: poll.readwriteTransactions,
          ...(poll.writes || poll.readwriteTransactions ? { byDatabase: poll.byDatabase } : {}),
        });
      }
      await page.evaluate(() => window.__idlePoll.finish());
      runs.push({ run, stored: ready.stored, statuses: ready.statuses, placeMs: ready.placeMs, firstPollMs: ready.firstPollMs, userAgent: ready.userAgent, polls });
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  const measured = runs.flatMap((r) => r.polls.filter((p) => !p.warmUp));
  const keys = ['mainThreadMs', 'pluginMainThreadMs', 'requestMainThreadMs', 'scriptMs', 'wallMs', 'writes', 'readwriteTransactions'];
  const median = Object.fromEntries(keys.map((key) => [key, medianOf(measured.map((p) => p[key]))]));
  const all = runs.flatMap((r) => r.polls);
  const writesMax = Math.max(...all.map((p) => p.writes));
  const readwriteTransactionsMax = Math.max(...all.map((p) => p.readwriteTransactions));
  summary.idlePoll = {
    unit: 'ms; writes and transactions are counts per poll',
    params: { runs: idleRuns, polls: idlePolls, orders: idleOrders },
    median,
    writesMax,
    readwriteTransactionsMax,
    statuses: runs[0].statuses,
    runs: runs.map((r) => ({ ...r, userAgent: undefined, median: Object.fromEntries(keys.map((key) => [key, medianOf(r.polls.filter((p) => !p.warmUp).map((p) => p[key]))])) })),
  };
  const ms = (value) => (value === null ? '-' : value.toFixed(1));
  printTable([
    ['run', 'main thread', 'of it plugin', 'provider (msw)', 'script', 'wall', 'writes', 'rw transactions', 'warm-up main/writes'],
    ...summary.idlePoll.runs.map((r, index) => {
      const warm = runs[index].polls[0];
      return [String(r.run), ms(r.median.mainThreadMs), ms(r.median.pluginMainThreadMs), ms(r.median.requestMainThreadMs), ms(r.median.scriptMs), ms(r.median.wallMs),
        String(Math.max(...runs[index].polls.map((p) => p.writes))), String(Math.max(...runs[index].polls.map((p) => p.readwriteTransactions))), `${ms(warm.mainThreadMs)}/${warm.writes}`];
    }),
    ['median', ms(median.mainThreadMs), ms(median.pluginMainThreadMs), ms(median.requestMainThreadMs), ms(median.scriptMs), ms(median.wallMs), `${median.writes} (max ${writesMax})`, `${median.readwriteTransactions} (max ${readwriteTransactionsMax})`, ''],
  ]);
  console.log(
    `idle poll: "Nu controleren" with ${idleOrders} orders stored and imported (${Object.entries(runs[0].statuses).map(([s, n]) => `${s} ${n}`).join(', ')}), the cursor caught up; ` +
      `ms of main-thread tasks (CDP TaskDuration) from the command until IndexedDB was quiet for 150 ms; "provider (msw)": the same changes request fetched alone ` +
      `(msw answers in this page; a real provider would not cost it), "of it plugin" = main thread - provider. Writes: IndexedDB put/add/delete/clear/cursor writes ` +
      `in the till's databases (shell and plugin) per poll; medians of ${measured.length} polls, max over all ${all.length} (the warm-up poll included).`,
  );
  const written = all.find((p) => p.writes || p.readwriteTransactions);
  if (written) console.log(`idle poll: WRITES seen, e.g. ${JSON.stringify(written.byDatabase)}`);
}

/** One call of the idle-poll page's `__idlePoll[name]()`, with the page's main-thread counters before and after. */
async function measureCall(page, name) {
  const before = await page.metrics();
  const result = await page.evaluate((call) => window.__idlePoll[call](), name);
  const after = await page.metrics();
  return { ...result, taskMs: (after.TaskDuration - before.TaskDuration) * 1000, scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000 };
}

async function runActivation(origin) {
  const entry = activationEntry === 'built' ? `${BUILD_URL}/index.js` : '/src/index.ts';
  if (activationEntry === 'built' && !existsSync(`${BUILD_DIR}/index.js`)) {
    fail(`${BUILD_DIR}/index.js is missing: the build failed?`);
    return;
  }
  console.log(`\nbench: activation, ${origin}/bench/activation-bench.html, ${activationRuns} runs of one fresh page each, entry ${entry} (${activationEntry})`);
  const results = [];
  for (let run = 1; run <= activationRuns; run++) {
    const result = await measurePage(`${origin}/bench/activation-bench.html?run=${run}&entry=${encodeURIComponent(entry)}`, undefined, run === 1 ? activationProfilePath : undefined);
    if (!result.ok) {
      fail(`the activation page reported a failure in run ${run}:\n${result.error}`);
      return;
    }
    if (!result.restored) console.error(`bench: activation run ${run}: deactivate() did not leave the host as before`);
    results.push(result);
  }
  const keys = Object.keys(results[0].figures);
  const median = Object.fromEntries(keys.map((key) => [key, medianOf(results.map((r) => r.figures[key]))]));
  summary.activation = { unit: 'ms', entry, build: activationEntry, median, restored: results.every((r) => r.restored), runs: results.map((r) => r.figures) };
  const ms = (value) => value.toFixed(1);
  printTable([
    ['run', 'import ms', 'of it fetched', 'requests', 'activate → all registered ms', 'activate resolved ms', 'screen open ms'],
    ...results.map((r) => [String(r.params.run), ms(r.figures.importMs), ms(r.figures.importFetchedMs), String(r.figures.importRequests), ms(r.figures.activationMs), ms(r.figures.activateReturnedMs), ms(r.figures.screenOpenMs)]),
    ['median', ms(median.importMs), ms(median.importFetchedMs), String(median.importRequests), ms(median.activationMs), ms(median.activateReturnedMs), ms(median.screenOpenMs)],
  ]);
  console.log(
    `activation: the reference shell's host (no UI); import = dynamic import of ${entry} in a fresh page ("fetched": until its last script had arrived${activationEntry === 'built' ? ` (the build, through the dev server's transform)` : ' from the dev server'}; the rest is compiling and running); activation = from activate(host) until every tile, ` +
      `message source, panel, command and menu item of plugin.json was registered (the registries' change events); screen open = ` +
      `from locally.openScreen, right after activation, until the panel's element exists (the code fetched after activation and the screen's services loaded, an empty store). deactivate() left the host as before: ` +
      `${summary.activation.restored ? 'yes' : 'NO'}.`,
  );
}

/** The figures issue #8 sets targets for: median, target, within it or not. */
function budgets(s) {
  const rows = [];
  const add = (figure, value, unit, target, ok, text) => rows.push({ figure, median: value, unit, target, ok, text });
  const at = (value, limit) => (value === null || value === undefined ? null : value <= limit);
  const ms = (value) => (value === null || value === undefined ? '-' : `${value.toFixed(1)} ms`);
  if (s.import) add('import: time / raw floor', s.import.median.ratio, 'x', `≤ ${TARGETS.importRatio}x`, at(s.import.median.ratio, TARGETS.importRatio), `${s.import.median.ratio.toFixed(2)}x`);
  if (s.idlePoll) {
    const { median, writesMax, readwriteTransactionsMax } = s.idlePoll;
    add('idle poll: IndexedDB writes', median.writes, 'writes', `${TARGETS.idlePollWrites}`, writesMax === 0 && readwriteTransactionsMax === 0, `${median.writes} (max ${writesMax}, rw tx ${readwriteTransactionsMax})`);
    add('idle poll: main thread (plugin)', median.mainThreadMs, 'ms', '-', null, `${ms(median.mainThreadMs)} (${ms(median.pluginMainThreadMs)})`);
  }
  if (s.activation) {
    add('activation: activate → all registered', s.activation.median.activationMs, 'ms', `≤ ${TARGETS.activationMs} ms`, at(s.activation.median.activationMs, TARGETS.activationMs), ms(s.activation.median.activationMs));
    add(`activation: import of the entry (${s.activation.build})`, s.activation.median.importMs, 'ms', '-', null, ms(s.activation.median.importMs));
    add(`activation: screen open right after (${s.activation.build})`, s.activation.median.screenOpenMs, 'ms', '-', null, ms(s.activation.median.screenOpenMs));
  }
  if (s.screen) {
    const m = s.screen.median;
    if (s.screen.entry === 'built') {
      // As a shop runs it: the plugin's code arrived after activation, so this is all staff wait.
      add('screen: first open, command → first rows (built)', m.coldOpenMs, 'ms', `≤ ${TARGETS.firstRowsMs} ms`, at(m.coldOpenMs, TARGETS.firstRowsMs), ms(m.coldOpenMs));
    } else {
      // From source the first open also loads the screen's unbundled modules through the dev server,
      // which a shop never does: the target applies from the moment that code is in.
      add('screen: first open, code in → first rows (source)', m.coldAfterDefinedMs, 'ms', `≤ ${TARGETS.firstRowsMs} ms`, at(m.coldAfterDefinedMs, TARGETS.firstRowsMs), ms(m.coldAfterDefinedMs));
      add(`screen: first open incl. dev-server load (${m.coldRequests} requests)`, m.coldOpenMs, 'ms', '-', null, ms(m.coldOpenMs));
    }
    add('screen: open again → first rows', m.warmOpenMs, 'ms', `≤ ${TARGETS.firstRowsMs} ms`, at(m.warmOpenMs, TARGETS.firstRowsMs), ms(m.warmOpenMs));
    // A keystroke's main-thread work (the update, then style and layout) must fit in a frame; until
    // the painted frame also includes waiting for the display's next refresh (up to 16.7 ms at 60 Hz).
    const keyWork = (update, layout) => (update === null || layout === null ? null : update + layout);
    const firstWork = keyWork(m.keyFirstUpdateMs, m.keyFirstLayoutMs);
    const nextWork = keyWork(m.keyNextUpdateMs, m.keyNextLayoutMs);
    add('screen: keystroke work (first key)', firstWork, 'ms', `≤ ${TARGETS.keystrokeMs} ms`, at(firstWork, TARGETS.keystrokeMs), `${ms(firstWork)} (painted ${ms(m.keyFirstMs)})`);
    add('screen: keystroke work (next keys)', nextWork, 'ms', `≤ ${TARGETS.keystrokeMs} ms`, at(nextWork, TARGETS.keystrokeMs), `${ms(nextWork)} (painted ${ms(m.keyNextMs)})`);
    add('screen: longest scroll frame', m.scrollFrameMax, 'ms', `no frame > ${TARGETS.scrollFrameMs} ms`, at(m.scrollFrameMax, TARGETS.scrollFrameMs), `${ms(m.scrollFrameMax)} (${m.scrollOver50} > 50 ms)`);
  }
  if (s.memory) add(`memory: heap, ${s.memory.orders} orders in the screen`, s.memory.heapOpenMB, 'MB', `≤ ${TARGETS.heapMB} MB`, at(s.memory.heapOpenMB, TARGETS.heapMB), `${s.memory.heapOpenMB?.toFixed(1)} MB`);
  if (s.bundle) {
    const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
    add('bundle: activation chunk(s), gzip', s.bundle.activation.gzip, 'bytes', `≤ ${kB(TARGETS.activationGzip)}`, at(s.bundle.activation.gzip, TARGETS.activationGzip), kB(s.bundle.activation.gzip));
    add('bundle: all chunks, gzip', s.bundle.all.gzip, 'bytes', `≤ ${kB(TARGETS.allGzip)}`, at(s.bundle.all.gzip, TARGETS.allGzip), kB(s.bundle.all.gzip));
  }
  return rows;
}

function printBudgets(rows) {
  if (rows.length === 0) return;
  console.log('\nbench: issue #8 figures (medians) and targets');
  printTable(
    [['figure', 'median', 'target', ''], ...rows.map((row) => [row.figure, row.text, row.target, row.ok === null ? '' : row.ok ? 'ok' : 'MISS'])],
    { footer: false },
  );
  for (const row of rows) delete row.text;
}

function medianOf(values) {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints rows as columns: the first left-aligned, the rest right-aligned; a rule under the header and (with `footer`) above the last row. */
function printTable(rows, { footer = true } = {}) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log('');
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    if (index === 0 || (footer && index === rows.length - 2)) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
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
      `  cold (the first open in a fresh page; ${n(m.coldRequests)} requests while opening): element defined after ${ms(m.coldDefinedMs)} (0: already, with the code fetched after activation), rows after ${ms(m.coldRowsMs)}, ` +
      `panel element after ${ms(m.coldCommandMs)}, painted ${ms(m.coldOpenMs)}; warm (closed and opened again): ${ms(m.warmOpenMs)}.\n` +
      (m.fullReadMs === -1
        ? `  tile shown after ${ms(m.tileMs)}; the code fetched after activation had arrived ${ms(m.codeReadyMs)} after plugin start, and the first open came after it, as at a counter; ` +
          `the store's full reads are watched only from source (--screen-entry=source).\n`
        : `  full reads of the orders while opening: ${n(m.coldReads)} cold, ${n(m.warmReads)} in 3 warm opens; one full read takes ${ms(m.fullReadMs)} ` +
          `(${n(m.startupReads)} at plugin start, tile shown after ${ms(m.tileMs)}).\n`) +
      `  after the first open the store and screen were quiet after ${ms(m.openSettledMs)}${m.openSettleReads === -1 ? '' : ` (${n(m.openSettleReads)} full reads: the seen marks)`}; ` +
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
