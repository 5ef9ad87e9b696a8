/**
 * `npm run bench`, the screen half (issue 5, item 6): the reference shell with the plugin loaded
 * through its manifest, 10,000 stored orders, `<pos-shell>` really rendered in the page, and then:
 *
 * - open → first rows painted: from the `locally.openScreen` command until the screen's first grid
 *   row exists, the element is connected and updated, and the frame after it has been painted
 *   (requestAnimationFrame, then a task: the rendering update is done). Cold (the first open in
 *   this fresh page) and warm (closed and opened again, median of 3).
 * - one filter keystroke in "Zoeken" (value set + an `input` event) until the grid is updated and
 *   painted; the next keystrokes and clearing the box; a change of "Filter op status" and back.
 * - scrolling 1,000 rows, a step per frame: frame intervals, main-thread work per frame, long
 *   animation frames, frames whose rows in view were missing.
 * - the JS heap (after a forced GC) with the orders loaded and with the screen open.
 *
 * ONE run per page load (so every cold open is really cold); bench/run.mjs loads the page once per
 * run and takes the medians. Publishes `window.__benchResult` (a {@link ScreenBenchResult}). Every
 * run uses fresh, uniquely named databases and deletes them afterwards. Not a test.
 *
 * Query parameters: `run` (shown in the output, default 1), `orders` (10000), `scrollRows` (1000),
 * `stepRows` (rows per frame while scrolling, 5), `manifest` (the plugin to load: default
 * `/plugin.json`, the TypeScript source through the dev server, whose OrderStore this page watches
 * for full reads; bench/run.mjs gives the built copy's, as a shop runs it, where the store's calls
 * are not seen and their figures are -1).
 */
import { mulberry32 } from '../shell/data/mulberry32.js';
import { deleteDatabases, intParams, median, progress, publish, sleep } from './bench-setup.js';
import { transactionBarcode, transactionId } from '../shell/data/shell-transaction-service.js';
import { ShellClock } from '../shell/host/shell-clock.js';
import { createShellHost, type ShellHost } from '../shell/host/shell-host.js';
import { loadPlugin, type PluginHandle } from '../shell/plugin-loader.js';
import '../shell/ui/pos-shell.js';
import type { PosShell } from '../shell/ui/pos-shell.js';
// Types only: the screen's code must load through the plugin, lazily, as in the till.
import type { EcommerceScreen } from '../src/components/ecommerce-screen.js';
import { CommandIds, PanelIds, TileIds } from '../src/contributions/contribution-ids.js';
import type { PluginManifest } from '../src/host/manifest.js';
import {
  isOpenStatus,
  type Address,
  type OrderStatus,
  type OrderType,
  type ProviderOrder,
  type ProviderOrderStatus,
  type StoredOrder,
} from '../src/services/store/order-model.js';
import { OrderStore } from '../src/services/store/order-store.js';

/** Friday 27 November 2026, 10:00 in Amsterdam: the shop is open. */
const NOW = Date.parse('2026-11-27T10:00:00+01:00');
const SOURCE = 'locally';
/** A grid row of the screen (not the spacer rows around the rendered ones). */
const ROW = 'tbody tr:not([aria-hidden])';
const WARM_OPENS = 3;
const SEARCH_WORD = 'jan';

interface ScreenParams {
  readonly run: number;
  readonly orders: number;
  readonly scrollRows: number;
  readonly stepRows: number;
}

/** Flat figures (ms unless named otherwise), so bench/run.mjs can take the median of each. */
export interface ScreenFigures {
  readonly seedMs: number;
  /** loadPlugin: manifest, import of the plugin's main, activate(). */
  readonly activateMs: number;
  /** From loadPlugin until the tile says "eCommerce, N te behandelen" (the first full read included). */
  readonly tileMs: number;
  /** Built: from loadPlugin until the code fetched after activation had arrived (the screen's element defined); -1 from source. */
  readonly codeReadyMs: number;
  /** One OrderStore.getAllOrders of all orders, the plugin's first one at start-up. */
  readonly fullReadMs: number;
  /** Full reads (getAllOrders) from loadPlugin until quiet. */
  readonly startupReads: number;
  /** From loadPlugin until quiet: the longest main-thread task (> 50 ms; 0 if none), and all such tasks together. */
  readonly startupLongestTaskMs: number;
  readonly startupLongTasksMs: number;

  readonly coldOpenMs: number;
  /** Cold: until `locally-ecommerce-screen` was defined (from source: its modules loaded through the dev server; built: 0, fetched after activation). */
  readonly coldDefinedMs: number;
  /** Cold, without the module load: from `locally-ecommerce-screen` being defined until the first rows were painted
   *  (coldOpenMs − coldDefinedMs): what the screen's first render costs once its chunk is there. */
  readonly coldAfterDefinedMs: number;
  /** Cold: until the first row existed (before waiting for the frame). */
  readonly coldRowsMs: number;
  /** Cold: until the command's promise resolved (the panel's element was created). */
  readonly coldCommandMs: number;
  /** Full reads started between the command and the painted rows (0: the list the plugin holds is used). */
  readonly coldReads: number;
  /** HTTP requests (module loads from the dev server) between the command and the painted rows. */
  readonly coldRequests: number;
  /** From the command until the store and the screen were quiet again (seen marks written, lists re-read, re-rendered). */
  readonly openSettledMs: number;
  /** Full reads after the first open until quiet (what the seen marks cause). */
  readonly openSettleReads: number;
  /** After the first rows were painted until quiet: the longest main-thread task (the page does not respond meanwhile), and all long tasks together. */
  readonly openSettleLongestTaskMs: number;
  readonly openSettleLongTasksMs: number;
  readonly warmOpenMs: number;
  readonly warmReads: number;
  /** Rows in the grid's DOM after opening, and the rows of the default view ("Alle open bestellingen"). */
  readonly domRows: number;
  readonly listed: number;

  /** First character into the empty search box: the whole list filtered. */
  readonly keyFirstMs: number;
  /** Of which: until the element's update completed (filtering and Lit's render and commit). */
  readonly keyFirstUpdateMs: number;
  /** Of which: style and layout, forced right after the update. */
  readonly keyFirstLayoutMs: number;
  /** Of the first key's update: orderListView alone (filter and sort all orders for "j"), called directly, median of 5. */
  readonly filterOnlyMs: number;
  /** The following characters of the word (median), and their update and style/layout. */
  readonly keyNextMs: number;
  readonly keyNextUpdateMs: number;
  readonly keyNextLayoutMs: number;
  /** Clearing the box (all orders come back). */
  readonly keyClearMs: number;
  /** Orders found for the first character, and for the whole word. */
  readonly keyFirstFound: number;
  readonly wordFound: number;

  /** "Filter op status" from "Alle open bestellingen" to "Gereed voor afhalen", and back. */
  readonly statusMs: number;
  readonly statusUpdateMs: number;
  readonly statusBackMs: number;

  readonly scrollFrames: number;
  /** rAF interval while idle, for reference (the display rate headless Chromium runs at). */
  readonly idleFrameMs: number;
  /** rAF intervals during the scroll: median, 95th percentile, worst. */
  readonly scrollFrameP50: number;
  readonly scrollFrameP95: number;
  readonly scrollFrameMax: number;
  /** Frames whose interval exceeded 1.5 idle intervals (a vsync missed), and 50 ms. */
  readonly scrollMissed: number;
  readonly scrollOver50: number;
  /** Main-thread work per frame (from our rAF callback until the frame's rendering update was done). */
  readonly workP50: number;
  readonly workP95: number;
  readonly workMax: number;
  readonly workOver16: number;
  readonly workOver50: number;
  /** long-animation-frame entries (> 50 ms) during the scroll, and the longest; -1 when not supported. */
  readonly loafCount: number;
  readonly loafMaxMs: number;
  /** A scroll step of 5 rows rendered directly (scrollTop and the screen's scrollOffset set in a rAF), median of 40:
   *  the screen's update, the style and layout after it (forced), and the rest of the frame (paint, commit). */
  readonly stepUpdateMs: number;
  readonly stepLayoutMs: number;
  readonly stepPaintMs: number;
  /** Frames that showed the viewport without all its rows rendered. */
  readonly blankFrames: number;
  /** Closed and opened again after the scroll: how long, and whether the rows in view were there (1) or not (0). */
  readonly reopenAfterScrollMs: number;
  readonly reopenAfterScrollRowsInView: number;

  /** "Nu controleren" with the screen open (the poll fails at once here: no API key; the sync status changes as in a
   *  real poll): full reads it causes, and the longest main-thread task until quiet. */
  readonly pollReads: number;
  readonly pollLongestTaskMs: number;

  /** performance.memory.usedJSHeapSize after a forced GC, MB: the shell before the plugin loads, orders loaded (screen never opened), and screen open. */
  readonly heapBaseMB: number;
  readonly heapLoadedMB: number;
  readonly heapOpenMB: number;
}

export interface ScreenBenchResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly params?: ScreenParams;
  readonly figures?: ScreenFigures;
  /** Open orders (what the tile counts) and their share of all orders. */
  readonly openOrders?: number;
  readonly viewport?: { readonly width: number; readonly height: number; readonly gridHeight: number };
  readonly gcExposed?: boolean;
  /** Who read all orders (caller → count) at plugin start and after the first open. */
  readonly readers?: { readonly startup: Record<string, number>; readonly afterOpen: Record<string, number>; readonly poll: Record<string, number> };
  readonly userAgent?: string;
}

/**
 * Which plugin this page loads: its manifest, and whether its OrderStore is the one this page
 * watches (the source through the dev server: one module per URL; a built copy has its own).
 */
const source = (() => {
  const manifestUrl = new URLSearchParams(location.search).get('manifest') ?? '/plugin.json';
  return { manifestUrl, watched: manifestUrl === '/plugin.json' };
})();

const SCREEN_TAG = 'locally-ecommerce-screen';

/** A count of store calls, or -1 where the plugin's store is not watched. */
function watchedCount(count: number): number {
  return source.watched ? count : -1;
}

function params(): ScreenParams {
  return intParams({ run: 1, orders: 10_000, scrollRows: 1_000, stepRows: 5 });
}

// ---- the orders ----

const FIRST_NAMES = ['Sanne', 'Daan', 'Emma', 'Lucas', 'Julia', 'Sem', 'Tess', 'Finn', 'Lotte', 'Milan', 'Anna', 'Jesse', 'Fleur', 'Bram', 'Noor', 'Thijs', 'Eva', 'Ruben', 'Iris', 'Jan', 'Mila', 'Lars', 'Sophie', 'Jeroen', 'Zoë', 'Stijn', 'Maud', 'Koen', 'Féline', 'Joris'];
const LAST_NAMES = ['de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Müller', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Berg', 'Schouten', 'Willems'];
const ITEMS = [
  ['Schwalbe Marathon Plus 28 x 1.75', 4500],
  ['Continental Grand Prix 5000 700x25c', 6495],
  ['Shimano Deore XT M8100 cassette 12-speed', 15995],
  ['Gazelle Orange C7 HMB damesfiets', 89900],
  ['Abus Bordo 6000 vouwslot', 8995],
  ['Basil Mirte fietstas 15 l', 5995],
  ['Busch & Müller IQ-X koplamp', 10995],
  ['Kettingolie Finish Line Wet 120 ml', 995],
  ['Thule Yepp Nexxt Maxi kinderzitje', 12995],
  ['Sram PC-1110 ketting 11-speed', 2995],
] as const;
const CUSTOMERS = 3_000;

/** The stored status and what the provider says of it, by weight, for orders older than the newest few. */
const OLDER_STATUSES: readonly [OrderStatus, ProviderOrderStatus, number][] = [
  ['in-progress', 'accepted', 0.34],
  ['ready-for-pickup', 'ready-for-pickup', 0.26],
  ['processing-failed', 'accepted', 0.02],
  ['cancelled', 'declined', 0.06],
  ['completed', 'picked-up', 0.24],
  ['archived', 'picked-up', 0.08],
];
/** The newest orders still wait for the shop's answer (so some deadline warnings show, as in a shop). */
const AWAITING = 60;
/** The newest orders this till has not shown yet (the screen marks them seen when it opens). */
const UNSEEN = 10;

function address(c: number, variant = 0): Address {
  return { street: `${['Oudegracht', 'Bankstraat', 'Voorstraat', 'Biltstraat'][c % 4]} ${1 + (c % 240)}${variant ? ` bis ${variant}` : ''}`, postcode: `${3500 + (c % 90)} AB`, city: 'Utrecht', country: 'NL' };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * Valid stored Locally orders (as `storedOrder()` in the test fixture, with the raw payload kept as
 * the poller keeps it), newest first, placed every 1–12 minutes over about six weeks. The newest
 * {@link AWAITING} wait for an answer (mostly "Nieuw"); the older ones are mostly being handled
 * (open), a third completed or archived. 70% paid, 30% reservations; 8% ship elsewhere.
 */
export function makeOrders(count: number, seed: number): StoredOrder[] {
  const random = mulberry32(seed);
  const orders: StoredOrder[] = [];
  let placedAt = NOW - 5 * 60_000;
  for (let rank = 0; rank < count; rank++) {
    placedAt -= 60_000 * (1 + Math.floor(random() * 12));
    const n = count - rank;
    const orderId = `LC${String(100_000 + n)}`;
    const type: OrderType = random() < 0.7 ? 'buy' : 'reserve';
    let status: OrderStatus;
    let providerStatus: ProviderOrderStatus;
    if (rank < AWAITING) {
      const r = random();
      status = r < 0.8 ? 'new' : r < 0.9 ? 'customer-id-required' : 'product-link-failed';
      providerStatus = 'open';
    } else {
      let r = random();
      const entry = OLDER_STATUSES.find(([, , weight]) => (r -= weight) < 0) ?? OLDER_STATUSES[0]!;
      [status, providerStatus] = entry;
    }
    const c = 1 + Math.floor(random() * CUSTOMERS);
    const firstName = FIRST_NAMES[c % FIRST_NAMES.length]!;
    const lastName = LAST_NAMES[Math.floor(c / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const email = `${firstName}.${lastName}`.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/\s+/g, '').toLowerCase() + `${c}@example.nl`;
    const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, index) => {
      const [description, unitPriceCents] = pick(random, ITEMS);
      return { lineId: String(index + 1), gtin: `87${String(1_000_000_000 + ((c * 7 + index) % 9_000)).padStart(11, '0')}`, description, quantity: 1 + Math.floor(random() * 2), unitPriceCents, vatRate: 21 };
    });
    const totalCents = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
    const elsewhere = random() < 0.08;
    const order: ProviderOrder = {
      id: orderId,
      placedAt,
      type,
      customer: {
        providerCustomerId: `LC-${c}`,
        firstName,
        lastName,
        email,
        phone: `06-${String(20_000_000 + c)}`,
        billingAddress: address(c),
        shippingAddress: elsewhere ? address(c + 17, 2) : address(c),
        emailOptIn: c % 3 === 0,
      },
      ...(rank % 5 === 0 ? { note: 'Graag voor zaterdag' } : {}),
      lines,
      totals: { totalCents },
      ...(type === 'buy' ? { payment: { provider: 'stripe' as const, amountCents: totalCents, last4: String(1000 + (c % 9000)), authorizationId: `pi_${orderId}` } } : {}),
      status: providerStatus,
      updatedAt: placedAt,
    };
    const imported = status !== 'customer-id-required' && status !== 'product-link-failed';
    orders.push({
      source: SOURCE,
      orderId,
      status,
      placedAt,
      type,
      order,
      // The wire payload as received: a copy of about the same size, as the poller stores it.
      raw: JSON.parse(JSON.stringify(order)) as unknown,
      ...(imported ? { transactionId: transactionId(n), barcode: transactionBarcode(n) } : {}),
      ...(status === 'customer-id-required' ? { problems: [`Geen klant gevonden voor ${email}`] } : {}),
      ...(status === 'product-link-failed' ? { problems: [`Geen artikel gevonden voor GTIN ${lines[0]!.gtin}`] } : {}),
      ...(status === 'processing-failed' ? { problems: ['De verkoop kon niet worden verwerkt'] } : {}),
      ...(rank % 37 === 0 ? { warnings: ['Tekort: klant bellen'] } : {}),
      keptOpen: status === 'ready-for-pickup' && rank % 3 === 0,
      ...(status === 'completed' && type === 'reserve' ? { ropisMethod: 'picked-up-paid' as const } : {}),
      ...(rank >= UNSEEN ? { seenAt: placedAt + 10 * 60_000 } : {}),
      updatedAt: NOW,
      revision: status === 'new' ? 1 : 3,
    });
  }
  return orders;
}

// ---- watching the plugin's order store ----

interface StoreCall {
  readonly method: string;
  readonly start: number;
  end?: number;
  /** For full reads: the first caller outside the store and rxjs, e.g. "src/contributions/import-runner.ts:54". */
  readonly caller?: string;
}

function callerOf(stack: string | undefined): string {
  const lines = (stack ?? '').split('\n').slice(1);
  for (const line of lines) {
    const match = /\((?:https?:\/\/[^/]+\/)?([^?)]+?)(?:\?[^:)]*)?:(\d+):\d+\)$/.exec(line) ?? /at (?:async )?(?:https?:\/\/[^/]+\/)?([^?\s]+?)(?:\?\S*)?:(\d+):\d+$/.exec(line);
    if (!match) continue;
    const [, file, row] = match;
    if (/order-store\.ts|screen-bench\.ts|deps\/rxjs|deps\/idb/.test(file!)) continue;
    return `${file}:${row}`;
  }
  return 'rxjs (the store\'s orders$)';
}

/** Every call of the store methods that touch the database, by any OrderStore in this page (the plugin's included). */
const calls: StoreCall[] = [];

/**
 * Wraps OrderStore's database methods (the same module instance the plugin runs: Vite serves one
 * URL per module) to see full reads and writes. Only observes; the methods do what they did.
 */
function watchOrderStore(): void {
  const proto = OrderStore.prototype as unknown as Record<string, unknown>;
  for (const method of ['getAllOrders', 'getOrdersByStatus', 'getPreference', 'getPendingOutbox', 'write']) {
    const original = proto[method] as (this: OrderStore, ...args: unknown[]) => Promise<unknown>;
    if (typeof original !== 'function') throw new Error(`OrderStore.${method} is gone: update bench/screen-bench.ts`);
    proto[method] = async function (this: OrderStore, ...args: unknown[]): Promise<unknown> {
      const call: StoreCall = { method, start: performance.now(), ...(method === 'getAllOrders' ? { caller: callerOf(new Error().stack) } : {}) };
      calls.push(call);
      try {
        return await original.apply(this, args);
      } finally {
        call.end = performance.now();
      }
    };
  }
}

/** Main-thread tasks over 50 ms (Long Tasks API), for the whole page. */
const longTasks: { readonly start: number; readonly duration: number }[] = [];

function watchLongTasks(): void {
  if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The longest task over 50 ms that started in [from, to], and the time of all of them; -1 when the API is missing. */
function longTasksIn(from: number, to: number): { longest: number; total: number } {
  if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return { longest: -1, total: -1 };
  const inside = longTasks.filter((task) => task.start >= from && task.start <= to);
  return { longest: Math.max(0, ...inside.map((task) => task.duration)), total: inside.reduce((sum, task) => sum + task.duration, 0) };
}

function fullReads(from: number, to = Infinity): StoreCall[] {
  return calls.filter((call) => call.method === 'getAllOrders' && call.start >= from && call.start <= to);
}

/** Who made the full reads: caller → count. */
function readers(reads: readonly StoreCall[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const read of reads) counts[read.caller ?? '?'] = (counts[read.caller ?? '?'] ?? 0) + 1;
  return counts;
}

// ---- the page ----

/** A user-timing measure: shows as a span in a trace (`npm run bench -- --only=screen --profile=FILE`). */
function span(name: string, start: number, end = performance.now()): void {
  performance.measure(`bench:${name}`, { start, end });
}

/** Resolves once the next frame has been rendered: a rAF, then a task (which runs after that frame's rendering update). */
function nextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(undefined);
    }),
  );
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await sleep(10);
  }
}

function panelArea(ui: PosShell): Element {
  const area = ui.shadowRoot?.querySelector('panel-area');
  if (!area?.shadowRoot) throw new Error('pos-shell has no panel-area');
  return area;
}

function findScreen(ui: PosShell): EcommerceScreen | null {
  return panelArea(ui).shadowRoot!.querySelector<EcommerceScreen>(SCREEN_TAG);
}

function tileText(ui: PosShell): string {
  const desktop = ui.shadowRoot?.querySelector('shell-desktop');
  return desktop?.shadowRoot?.querySelector(`button[data-tile="${TileIds.ecommerce}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function shadow(screen: EcommerceScreen): ShadowRoot {
  if (!screen.shadowRoot) throw new Error('locally-ecommerce-screen has no shadow root');
  return screen.shadowRoot;
}

/**
 * Resolves with the screen once it is connected in the panel area and its grid has a row; watches
 * the panel area's and then the screen's shadow roots with MutationObservers, so it notices at once.
 */
function whenRowsShown(ui: PosShell, timeoutMs = 30_000): Promise<EcommerceScreen> {
  return new Promise((resolve, reject) => {
    const observers: MutationObserver[] = [];
    const watched = new Set<Node>();
    const finish = (outcome: () => void) => {
      for (const observer of observers) observer.disconnect();
      clearTimeout(timer);
      outcome();
    };
    const check = () => {
      const screen = findScreen(ui);
      if (!screen?.isConnected || !screen.shadowRoot) return;
      if (screen.shadowRoot.querySelector(ROW)) finish(() => resolve(screen));
      else watch(screen.shadowRoot);
    };
    const watch = (root: Node) => {
      if (watched.has(root)) return;
      watched.add(root);
      const observer = new MutationObserver(check);
      observer.observe(root, { childList: true, subtree: true });
      observers.push(observer);
    };
    const timer = setTimeout(() => finish(() => reject(new Error('no grid rows within the time allowed'))), timeoutMs);
    watch(panelArea(ui).shadowRoot!);
    check();
  });
}

function screenOpen(shell: ShellHost): boolean {
  return shell.panels.open.some((panel) => panel.id === PanelIds.ecommerceScreen);
}

interface OpenTiming {
  readonly started: number;
  readonly ms: number;
  /** Until the element `locally-ecommerce-screen` was defined (its module loaded and run); 0 when it already was. */
  readonly definedMs: number;
  readonly rowsMs: number;
  readonly commandMs: number;
  readonly reads: number;
  readonly requests: number;
  readonly screen: EcommerceScreen;
}

async function measureOpen(shell: ShellHost, ui: PosShell, name: string): Promise<OpenTiming> {
  if (screenOpen(shell)) throw new Error('the screen is already open');
  const requestsBefore = performance.getEntriesByType('resource').length;
  const started = performance.now();
  let definedMs = 0;
  if (!customElements.get(SCREEN_TAG)) void customElements.whenDefined(SCREEN_TAG).then(() => (definedMs = performance.now() - started));
  let commandMs = Number.NaN;
  const command = shell.executeCommand(CommandIds.openScreen).then(() => {
    commandMs = performance.now() - started;
  });
  const screen = await whenRowsShown(ui);
  const rowsMs = performance.now() - started;
  await screen.updateComplete;
  await nextPaint();
  const ms = performance.now() - started;
  span(name, started);
  await command;
  return { started, ms, definedMs, rowsMs, commandMs, reads: fullReads(started, started + ms).length, requests: performance.getEntriesByType('resource').length - requestsBefore, screen };
}

/** Waits until no store call is running or started for `quietMs`, then for the screen's update and a painted frame. */
async function settle(screen?: EcommerceScreen, quietMs = 400, timeoutMs = 30_000): Promise<void> {
  const started = performance.now();
  // Without the store watched (built), quiet is only waited for.
  if (!source.watched) await sleep(quietMs);
  for (;;) {
    await sleep(25);
    const running = calls.some((call) => call.end === undefined);
    const last = Math.max(0, ...calls.map((call) => call.end ?? Infinity));
    if (!running && performance.now() - last >= quietMs) break;
    if (performance.now() - started > timeoutMs) throw new Error('the order store did not come to rest');
  }
  if (screen) await screen.updateComplete;
  await nextPaint();
}

function gcExposed(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}

async function heapMB(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    await sleep(0);
    gc();
  }
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 2 ** 20 : Number.NaN;
}

interface UpdateTiming {
  readonly ms: number;
  readonly updateMs: number;
  readonly layoutMs: number;
}

/** From `started` (just before the event): the element's update, forced style and layout, the painted frame. */
async function untilPainted(screen: EcommerceScreen, started: number): Promise<UpdateTiming> {
  await screen.updateComplete;
  const updated = performance.now();
  shadow(screen).querySelector('tbody')?.getBoundingClientRect();
  const laidOut = performance.now();
  await nextPaint();
  return { ms: performance.now() - started, updateMs: updated - started, layoutMs: laidOut - updated };
}

function searchBox(screen: EcommerceScreen): HTMLInputElement {
  // Role searchbox named "Zoeken".
  const box = [...shadow(screen).querySelectorAll('input')].find((input) => input.type === 'search' && input.getAttribute('aria-label') === 'Zoeken');
  if (!box) throw new Error('no search box "Zoeken" on the screen');
  return box;
}

function statusFilter(screen: EcommerceScreen): HTMLSelectElement {
  const select = [...shadow(screen).querySelectorAll('select')].find((s) => s.getAttribute('aria-label') === 'Filter op status');
  if (!select) throw new Error('no "Filter op status" on the screen');
  return select;
}

/** Orders the grid lists, from its aria-rowcount (header row excluded). */
function listed(screen: EcommerceScreen): number {
  return Number(shadow(screen).querySelector('table[role="grid"]')?.getAttribute('aria-rowcount') ?? 1) - 1;
}

async function type(screen: EcommerceScreen, box: HTMLInputElement, value: string, data: string | null): Promise<UpdateTiming> {
  const started = performance.now();
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: data === null ? 'deleteContentBackward' : 'insertText', data }));
  const timing = await untilPainted(screen, started);
  span(data === null ? 'key-clear' : `key-${value}`, started);
  return timing;
}

async function chooseStatus(screen: EcommerceScreen, value: string): Promise<UpdateTiming> {
  const select = statusFilter(screen);
  if (![...select.options].some((option) => option.value === value)) throw new Error(`"Filter op status" offers no ${value}`);
  const started = performance.now();
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  const timing = await untilPainted(screen, started);
  span(`status-${value}`, started);
  return timing;
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Whether every row inside the viewport's visible part is rendered. */
function rowsInView(screen: EcommerceScreen, viewport: HTMLElement, rowHeight: number, headerHeight: number): boolean {
  const count = listed(screen);
  if (count === 0) return true;
  const first = Math.max(0, Math.floor(viewport.scrollTop / rowHeight));
  const last = Math.min(count - 1, Math.floor((viewport.scrollTop + viewport.clientHeight - headerHeight) / rowHeight));
  const root = shadow(screen);
  return [first, last].every((index) => root.querySelector(`tbody tr[aria-rowindex="${index + 2}"]`) !== null);
}

/** One frame: `action` at the start of its rAF callbacks; resolves after the frame's rendering update with the main-thread time it took. */
function frame(action: () => void): Promise<{ at: number; workMs: number }> {
  return new Promise((resolve) =>
    requestAnimationFrame((at) => {
      const started = performance.now();
      action();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve({ at, workMs: performance.now() - started });
      };
      channel.port2.postMessage(undefined);
    }),
  );
}

interface ScrollFigures {
  readonly frames: number;
  readonly idleFrameMs: number;
  readonly intervals: number[];
  readonly work: number[];
  readonly loaf: number[] | undefined;
  readonly blankFrames: number;
}

async function measureScroll(screen: EcommerceScreen, p: ScreenParams): Promise<ScrollFigures> {
  const root = shadow(screen);
  const viewport = root.querySelector<HTMLElement>('.viewport');
  if (!viewport) throw new Error('the grid has no .viewport');
  viewport.scrollTop = 0;
  await sleep(50);
  await screen.updateComplete;
  await nextPaint();
  const rowHeight = root.querySelector(ROW)!.getBoundingClientRect().height;
  const headerHeight = root.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  const rows = Math.min(p.scrollRows, listed(screen) - Math.floor(viewport.clientHeight / rowHeight));
  if (rows < p.stepRows) throw new Error(`only ${listed(screen)} rows to scroll`);

  // The frame rate while nothing happens, for reference.
  const idle: number[] = [];
  for (let i = 0, last = (await frame(() => undefined)).at; i < 30; i++) {
    const { at } = await frame(() => undefined);
    idle.push(at - last);
    last = at;
  }

  let loaf: number[] | undefined;
  let observer: PerformanceObserver | undefined;
  if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
    loaf = [];
    const entries = loaf;
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) entries.push(entry.duration);
    });
    observer.observe({ type: 'long-animation-frame', buffered: false });
  }

  const intervals: number[] = [];
  const work: number[] = [];
  let blankFrames = 0;
  let last = (await frame(() => undefined)).at;
  const scrollStarted = performance.now();
  const steps = Math.ceil(rows / p.stepRows);
  for (let step = 1; step <= steps; step++) {
    const { at, workMs } = await frame(() => {
      // What the previous frame showed (its rows were rendered for the scroll position it had).
      if (step > 1 && !rowsInView(screen, viewport, rowHeight, headerHeight)) blankFrames++;
      viewport.scrollTop = Math.min(rows, step * p.stepRows) * rowHeight;
    });
    intervals.push(at - last);
    work.push(workMs);
    last = at;
  }
  await nextPaint();
  span('scroll', scrollStarted);
  if (!rowsInView(screen, viewport, rowHeight, headerHeight)) blankFrames++;
  // Entries of the last frames arrive a little later.
  await sleep(100);
  observer?.disconnect();
  return { frames: steps, idleFrameMs: median(idle), intervals, work, loaf, blankFrames };
}

/**
 * The search's filter alone: orderListView over the orders the screen holds, for `search`, with the
 * default settings and the built-in columns (loaded here after the screen, so the cold open is not helped).
 */
async function measureFilterOnly(screen: EcommerceScreen, search: string): Promise<number> {
  const [{ orderListView, defaultListSettings }, { builtInOrderColumns }] = await Promise.all([
    import('../src/services/screen/order-list-view.js'),
    import('../src/services/screen/order-columns.js'),
  ]);
  let orders: readonly StoredOrder[] = [];
  screen.orders?.subscribe((value) => (orders = value)).unsubscribe();
  if (orders.length === 0) throw new Error('the screen holds no orders');
  const columns = builtInOrderColumns();
  const context = { locale: screen.locale, deadline: (order: StoredOrder) => screen.deadline?.(order), outbox: () => [] };
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    orderListView(orders, defaultListSettings(columns), search, columns, context);
    times.push(performance.now() - started);
    await sleep(20);
  }
  return median(times);
}

/**
 * Scroll steps rendered directly, to see what one frame costs without waiting for frames: in a rAF,
 * scrollTop and the screen's own scroll offset are set (as its scroll handler does a frame later),
 * then the update, a forced style and layout, and the rest of that frame until it is rendered.
 */
async function measureScrollSteps(screen: EcommerceScreen, p: ScreenParams): Promise<{ update: number; layout: number; paint: number }> {
  const root = shadow(screen);
  const viewport = root.querySelector<HTMLElement>('.viewport')!;
  const internal = screen as unknown as { scrollOffset?: unknown };
  if (typeof internal.scrollOffset !== 'number') throw new Error('locally-ecommerce-screen has no numeric scrollOffset: update bench/screen-bench.ts');
  const rowHeight = root.querySelector(ROW)!.getBoundingClientRect().height;
  const update: number[] = [];
  const layout: number[] = [];
  const paint: number[] = [];
  for (let step = 1; step <= 40; step++) {
    const offset = step * p.stepRows * rowHeight;
    const timing = await new Promise<[number, number, number]>((resolve) =>
      requestAnimationFrame(() => {
        const started = performance.now();
        viewport.scrollTop = offset;
        internal.scrollOffset = offset;
        void screen.updateComplete.then(() => {
          const updated = performance.now();
          root.querySelector('tbody')?.getBoundingClientRect();
          const laidOut = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            channel.port1.close();
            resolve([updated - started, laidOut - updated, performance.now() - laidOut]);
          };
          channel.port2.postMessage(undefined);
        });
      }),
    );
    update.push(timing[0]);
    layout.push(timing[1]);
    paint.push(timing[2]);
  }
  return { update: median(update), layout: median(layout), paint: median(paint) };
}

// ---- one run ----

async function oneRun(p: ScreenParams, manifest: PluginManifest): Promise<ScreenBenchResult> {
  const tag = `screen-bench-${p.run}-${crypto.randomUUID()}`;
  const clock = new ShellClock({ start: NOW, realTime: false });
  const shell = await createShellHost({ dbName: tag, clock, seed: false });
  const ui = document.createElement('pos-shell');
  ui.host = shell;
  document.body.append(ui);
  let plugin: PluginHandle | undefined;
  let seedStore: OrderStore | undefined;
  try {
    // ---- the till as it starts: orders stored, then the plugin loads and reads them ----
    progress(`run ${p.run}: storing ${p.orders} orders`);
    const seedStarted = performance.now();
    let openOrders: number;
    {
      const orders = makeOrders(p.orders, 5_000 + p.run);
      openOrders = orders.filter((order) => isOpenStatus(order.status)).length;
      seedStore = new OrderStore({ dbName: `${shell.dbName}:${manifest.id}:orders` });
      const written = await seedStore.putOrders(orders);
      if (written !== orders.length) throw new Error(`putOrders wrote ${written} of ${orders.length} orders`);
    }
    const seedMs = performance.now() - seedStarted;
    span('seed', seedStarted);
    await ui.updateComplete;
    await settle();

    const heapBaseMB = await heapMB();
    progress(`run ${p.run}: loading the plugin`);
    const loadStarted = performance.now();
    plugin = await loadPlugin(shell, source.manifestUrl);
    const activateMs = performance.now() - loadStarted;
    const expected = `eCommerce, ${openOrders} te behandelen`;
    await until(() => tileText(ui).startsWith(expected), `the tile "${expected}" (now "${tileText(ui)}")`);
    const tileMs = performance.now() - loadStarted;
    span('plugin-start-until-tile', loadStarted);
    await settle();
    // Built: the plugin fetches its code after activation (the screen's with it) on its own; staff
    // open the screen after that has arrived, so the first open is measured from then.
    let codeReadyMs = -1;
    if (!source.watched) {
      await Promise.race([
        customElements.whenDefined(SCREEN_TAG),
        sleep(30_000).then(() => Promise.reject(new Error('the code after activation did not arrive within 30 s'))),
      ]);
      codeReadyMs = performance.now() - loadStarted;
      await settle();
    }
    span('plugin-start-until-quiet', loadStarted);
    const startupTasks = longTasksIn(loadStarted, performance.now());
    const startup = fullReads(loadStarted);
    if (source.watched && startup.length === 0) throw new Error('no full read seen: the OrderStore the plugin runs is not the one watched');
    const fullReadMs = startup[0] ? startup[0].end! - startup[0].start : -1;
    const heapLoadedMB = await heapMB();

    // ---- open: cold (this page has never loaded the screen), then settled ----
    progress(`run ${p.run}: opening the screen`);
    const cold = await measureOpen(shell, ui, 'open-cold');
    const screen = cold.screen;
    const domRows = shadow(screen).querySelectorAll(ROW).length;
    const openStarted = cold.started;
    await settle(screen);
    const openSettledMs = performance.now() - openStarted;
    span('open-cold-after-paint-until-quiet', openStarted + cold.ms);
    const openSettleReads = fullReads(openStarted + cold.ms).length;
    const openSettleTasks = longTasksIn(openStarted + cold.ms, performance.now());
    const shown = listed(screen);
    if (shown !== openOrders) throw new Error(`the screen lists ${shown} orders, ${openOrders} are open`);
    const heapOpenMB = await heapMB();

    // ---- warm: closed and opened again ----
    const warm: OpenTiming[] = [];
    for (let i = 0; i < WARM_OPENS; i++) {
      shell.panels.close(PanelIds.ecommerceScreen);
      await settle();
      warm.push(await measureOpen(shell, ui, `open-warm-${i + 1}`));
      if (warm.at(-1)!.screen !== screen) throw new Error('reopening built a new screen element');
      await settle(screen);
    }

    // ---- typing in "Zoeken" ----
    progress(`run ${p.run}: typing and filtering`);
    const box = searchBox(screen);
    box.focus();
    const typed: UpdateTiming[] = [];
    let keyFirstFound = 0;
    for (let i = 1; i <= SEARCH_WORD.length; i++) {
      typed.push(await type(screen, box, SEARCH_WORD.slice(0, i), SEARCH_WORD[i - 1]!));
      if (i === 1) keyFirstFound = listed(screen);
      await sleep(60);
    }
    const wordFound = listed(screen);
    const filterOnlyMs = await measureFilterOnly(screen, SEARCH_WORD[0]!);
    if (keyFirstFound >= shown || wordFound === 0) throw new Error(`typing filtered nothing (${keyFirstFound}, ${wordFound} of ${shown})`);
    const cleared = await type(screen, box, '', null);
    if (listed(screen) !== shown) throw new Error('clearing the search did not bring all orders back');
    await settle(screen);

    // ---- "Filter op status" ----
    const status = await chooseStatus(screen, 'ready-for-pickup');
    await settle(screen);
    const statusBack = await chooseStatus(screen, 'open');
    await settle(screen);
    if (listed(screen) !== shown) throw new Error('back to "Alle open bestellingen" did not bring all orders back');

    // ---- a poll while the screen is open ----
    const pollStarted = performance.now();
    await shell.executeCommand(CommandIds.checkNow);
    await settle(screen);
    span('poll-until-quiet', pollStarted);
    const pollReads = fullReads(pollStarted).length;
    const pollLongestTaskMs = longTasksIn(pollStarted, performance.now()).longest;

    // ---- scrolling ----
    progress(`run ${p.run}: scrolling ${p.scrollRows} rows`);
    const scroll = await measureScroll(screen, p);
    await settle(screen);
    const steps = await measureScrollSteps(screen, p);
    await settle(screen);
    shell.panels.close(PanelIds.ecommerceScreen);
    await settle();
    const reopened = await measureOpen(shell, ui, 'open-after-scroll');
    const viewport = shadow(screen).querySelector<HTMLElement>('.viewport')!;
    const rowHeight = shadow(screen).querySelector(ROW)!.getBoundingClientRect().height;
    const headerHeight = shadow(screen).querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const reopenAfterScrollRowsInView = rowsInView(screen, viewport, rowHeight, headerHeight) ? 1 : 0;
    const gridHeight = viewport.clientHeight;

    const idle = scroll.idleFrameMs;
    const figures: ScreenFigures = {
      seedMs,
      activateMs,
      tileMs,
      codeReadyMs,
      fullReadMs,
      startupReads: watchedCount(startup.length),
      startupLongestTaskMs: startupTasks.longest,
      startupLongTasksMs: startupTasks.total,
      coldOpenMs: cold.ms,
      coldDefinedMs: cold.definedMs,
      coldAfterDefinedMs: cold.ms - cold.definedMs,
      coldRowsMs: cold.rowsMs,
      coldCommandMs: cold.commandMs,
      coldReads: watchedCount(cold.reads),
      coldRequests: cold.requests,
      openSettledMs,
      openSettleReads: watchedCount(openSettleReads),
      openSettleLongestTaskMs: openSettleTasks.longest,
      openSettleLongTasksMs: openSettleTasks.total,
      warmOpenMs: median(warm.map((w) => w.ms)),
      warmReads: watchedCount(warm.reduce((sum, w) => sum + w.reads, 0)),
      domRows,
      listed: shown,
      keyFirstMs: typed[0]!.ms,
      keyFirstUpdateMs: typed[0]!.updateMs,
      keyFirstLayoutMs: typed[0]!.layoutMs,
      filterOnlyMs,
      keyNextMs: median(typed.slice(1).map((t) => t.ms)),
      keyNextUpdateMs: median(typed.slice(1).map((t) => t.updateMs)),
      keyNextLayoutMs: median(typed.slice(1).map((t) => t.layoutMs)),
      keyClearMs: cleared.ms,
      keyFirstFound,
      wordFound,
      statusMs: status.ms,
      statusUpdateMs: status.updateMs,
      statusBackMs: statusBack.ms,
      scrollFrames: scroll.frames,
      idleFrameMs: idle,
      scrollFrameP50: quantile(scroll.intervals, 0.5),
      scrollFrameP95: quantile(scroll.intervals, 0.95),
      scrollFrameMax: Math.max(...scroll.intervals),
      scrollMissed: scroll.intervals.filter((ms) => ms > 1.5 * idle).length,
      scrollOver50: scroll.intervals.filter((ms) => ms > 50).length,
      workP50: quantile(scroll.work, 0.5),
      workP95: quantile(scroll.work, 0.95),
      workMax: Math.max(...scroll.work),
      workOver16: scroll.work.filter((ms) => ms > 16).length,
      workOver50: scroll.work.filter((ms) => ms > 50).length,
      loafCount: scroll.loaf ? scroll.loaf.length : -1,
      loafMaxMs: scroll.loaf ? Math.max(0, ...scroll.loaf) : -1,
      stepUpdateMs: steps.update,
      stepLayoutMs: steps.layout,
      stepPaintMs: steps.paint,
      blankFrames: scroll.blankFrames,
      reopenAfterScrollMs: reopened.ms,
      reopenAfterScrollRowsInView,
      pollReads: watchedCount(pollReads),
      pollLongestTaskMs,
      heapBaseMB,
      heapLoadedMB,
      heapOpenMB,
    };
    progress(
      `run ${p.run}: open ${cold.ms.toFixed(0)} ms cold, ${figures.warmOpenMs.toFixed(0)} ms warm; keystroke ${figures.keyFirstMs.toFixed(1)} ms; ` +
        `status filter ${figures.statusMs.toFixed(1)} ms`,
    );
    return {
      ok: true,
      params: p,
      figures,
      openOrders,
      viewport: { width: innerWidth, height: innerHeight, gridHeight },
      gcExposed: gcExposed(),
      ...(source.watched
        ? { readers: { startup: readers(startup), afterOpen: readers(fullReads(openStarted + cold.ms, openStarted + openSettledMs)), poll: readers(fullReads(pollStarted)) } }
        : {}),
      userAgent: navigator.userAgent,
    };
  } finally {
    await plugin?.deactivate().catch((error: unknown) => console.error(error));
    ui.remove();
    seedStore?.dispose();
    shell.dispose();
    await deleteDatabases(tag);
  }
}

async function main(): Promise<ScreenBenchResult> {
  performance.setResourceTimingBufferSize(100_000);
  if (source.watched) watchOrderStore();
  watchLongTasks();
  const manifest = (await (await fetch(source.manifestUrl)).json()) as PluginManifest;
  return oneRun(params(), manifest);
}

publish(main);
