/**
 * `npm run bench`, the idle poll (issue #8): what a poll that finds nothing costs a till that has
 * been running a while. The reference shell (demo shop, `<pos-shell>` rendered) with the plugin
 * loaded through its manifest, the msw Locally simulator holding some hundreds of orders that the
 * plugin's first poll stored and imported (so the cursor is caught up), and then "Nu controleren"
 * polls that find nothing.
 *
 * The page sets itself up and publishes `window.__benchResult` (an {@link IdlePollReady}); then
 * bench/run.mjs drives it through `window.__idlePoll`, one call at a time, reading Chrome's own
 * main-thread counters (CDP Performance.getMetrics: TaskDuration, ScriptDuration) before and after
 * each call:
 * - `poll()`: the command `locally.checkNow` until it resolves and IndexedDB has been quiet for
 *   150 ms. Returns the IndexedDB writes meanwhile (every put/add/delete/clear and cursor write, and
 *   readwrite transactions, counted per database by wrapping the prototypes before anything loads).
 * - `request()`: the same changes request the poll made (same URL and headers), fetched and read
 *   directly, then the same quiet wait. msw answers in this page's main thread, which a real
 *   provider would not; subtracting this from a poll leaves what the plugin itself costs.
 * - `finish()`: deactivates the plugin and deletes the page's databases.
 *
 * Query parameters: `run` (default 1), `orders` (orders placed and imported before the polls, 300).
 */
import type { SetupWorker } from 'msw/browser';
import { startSimulatorWorker } from '../mocks/locally/browser.js';
import { createLocallySimulator, type LocallySimulator } from '../mocks/locally/locally-simulator.js';
import { ShellClock } from '../shell/host/shell-clock.js';
import { createShellHost, type ShellHost } from '../shell/host/shell-host.js';
import { loadPlugin, type PluginHandle } from '../shell/plugin-loader.js';
import '../shell/ui/pos-shell.js';
import type { LocallyPluginApi } from '../src/api.js';
import { CommandIds } from '../src/contributions/contribution-ids.js';
import { IdbWriteSpy, type IdbWriteCount } from '../test/helpers/idb-write-spy.js';
import { deleteDatabases, intParams, progress, publish } from './bench-setup.js';

/** Friday 27 November 2026, 10:00 in Amsterdam: the shop is open. */
const NOW = Date.parse('2026-11-27T10:00:00+01:00');
const CHANGES_PATH = '/locally-api/v1/orders/changes';
/** IndexedDB counts as quiet once no transaction ran for this long. */
const QUIET_MS = 150;

export interface IdlePollReady {
  readonly params: { readonly run: number; readonly orders: number };
  /** Orders stored by the plugin, and how many of them import left open (what the tile counts). */
  readonly stored: number;
  readonly statuses: Record<string, number>;
  /** Setup, not measured: seeding the simulator, and the first poll storing and importing everything. */
  readonly placeMs: number;
  readonly firstPollMs: number;
  readonly userAgent: string;
}

export interface IdlePollCall {
  /** From the call until it was done (before the quiet wait). */
  readonly wallMs: number;
  /** Changes requests to the provider meanwhile (a poll makes one; 0 would mean no poll happened). */
  readonly requests: number;
  /** IndexedDB writes in the till's databases (the shell's and the plugin's; not the simulator's). */
  readonly writes: number;
  readonly readwriteTransactions: number;
  /** Per database, when anything was written anywhere (the simulator's included). */
  readonly byDatabase?: Record<string, IdbWriteCount>;
}

const spy = new IdbWriteSpy().install();
let changeRequests = 0;
let lastChangesRequest: { url: string; headers: Headers } | undefined;
const originalFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.includes(CHANGES_PATH)) {
    changeRequests++;
    lastChangesRequest = { url, headers: new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)) };
  }
  return originalFetch(input, init);
};

async function setUp(): Promise<IdlePollReady> {
  const params = intParams({ run: 1, orders: 300 });
  const tag = `idle-poll-bench-${params.run}-${crypto.randomUUID()}`;
  const clock = new ShellClock({ start: NOW, realTime: false });
  progress(`idle poll run ${params.run}: the shell with the demo shop`);
  const shell = await createShellHost({ dbName: tag, clock, seed: true });
  const ui = document.createElement('pos-shell');
  ui.host = shell;
  document.body.append(ui);
  const simulator = createLocallySimulator({ dbName: `${tag}-simulator`, now: () => clock.now(), seed: 800 + params.run });
  const worker = await startSimulatorWorker(simulator, { quiet: true });
  await shell.settings.secretsFor('locally.ecommerce').store('locally.apiKey', 'demo-key');

  progress(`idle poll run ${params.run}: ${params.orders} orders placed at the simulator`);
  const placeStarted = performance.now();
  // Placed over the last hours (within the 4-hour window, so none is auto-cancelled meanwhile).
  for (let i = 0; i < params.orders; i++) {
    await simulator.placeOrder(i % 3 === 0 ? 'reserve' : 'buy');
    clock.advance(Math.floor((3 * 3_600_000) / params.orders));
  }
  const placeMs = performance.now() - placeStarted;

  progress(`idle poll run ${params.run}: loading the plugin; its first poll stores and imports them`);
  const loadStarted = performance.now();
  const plugin = await loadPlugin(shell, '/plugin.json');
  const api = plugin.api as LocallyPluginApi;
  const deadline = performance.now() + 300_000;
  for (;;) {
    const orders = await api.getOrders();
    if (orders.length === params.orders && orders.every((order) => order.status !== 'received')) break;
    if (performance.now() > deadline) throw new Error(`after 300 s: ${orders.length} of ${params.orders} orders stored, not all imported`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await spy.quiet(500);
  const firstPollMs = performance.now() - loadStarted;
  const statuses: Record<string, number> = {};
  for (const order of await api.getOrders()) statuses[order.status] = (statuses[order.status] ?? 0) + 1;
  progress(`idle poll run ${params.run}: ready (${JSON.stringify(statuses)})`);

  expose(shell, plugin, simulator, worker, tag);
  return { params, stored: params.orders, statuses, placeMs, firstPollMs, userAgent: navigator.userAgent };
}

/** `window.__idlePoll`, which bench/run.mjs calls between its readings of the main-thread counters. */
function expose(shell: ShellHost, plugin: PluginHandle, simulator: LocallySimulator, worker: SetupWorker, tag: string): void {
  const tillWrites = () => spy.total((name) => name.startsWith(shell.dbName));
  const call = async (work: () => Promise<unknown>): Promise<IdlePollCall> => {
    spy.reset();
    const requestsBefore = changeRequests;
    const started = performance.now();
    await work();
    const wallMs = performance.now() - started;
    await spy.quiet(QUIET_MS);
    const total = tillWrites();
    const anything = spy.total().writes + spy.total().readwriteTransactions > 0;
    return { wallMs, requests: changeRequests - requestsBefore, ...total, ...(anything ? { byDatabase: spy.byDatabase() } : {}) };
  };
  (window as unknown as { __idlePoll: unknown }).__idlePoll = {
    poll: () => call(() => shell.executeCommand(CommandIds.checkNow)),
    request: () =>
      call(async () => {
        if (!lastChangesRequest) throw new Error('no changes request seen yet');
        const response = await originalFetch(lastChangesRequest.url, { headers: lastChangesRequest.headers });
        JSON.parse(await response.text());
      }),
    finish: async () => {
      await plugin.deactivate();
      simulator.dispose();
      worker.stop();
      shell.dispose();
      await deleteDatabases(tag);
    },
  };
}

publish(setUp);
