/**
 * `npm run bench`, the browser half (issue 4, "Speed"): imports 1,000 stored orders of 3 lines
 * against a shell of 50,000 products and 20,000 customers, and measures next to it the raw
 * IndexedDB cost of the same writes in one strict transaction, in the same page and run.
 *
 * Publishes `window.__benchResult` (a {@link BenchResult}); bench/run.mjs prints it. Every run uses
 * fresh, uniquely named databases and deletes them afterwards. Not a test: nothing here runs in
 * `npm test` (which only picks up test/**\/*.test.ts).
 *
 * Query parameters: `runs` (default 3), `orders` (1000), `products` (50000), `customers` (20000),
 * `addressChanges` (share of orders whose shipping address differs from the customer's, default 0).
 */
import { deleteDB, openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import { mulberry32 } from '../shell/data/mulberry32.js';
import { customerId } from '../shell/data/shell-customer-service.js';
import {
  openShellDatabase,
  toStoredCustomer,
  toStoredProduct,
  type StoredCustomer,
  type StoredProduct,
  type StoredTransaction,
  upgradeShellDb,
} from '../shell/data/shell-database.js';
import { productId } from '../shell/data/shell-product-service.js';
import { transactionBarcode, transactionId } from '../shell/data/shell-transaction-service.js';
import { createShellHost } from '../shell/host/shell-host.js';
import { ShellClock } from '../shell/host/shell-clock.js';
import { withCheckDigit } from '../src/common/gtin.js';
import type { Address, Customer } from '../src/host/customers.js';
import type { PluginManifest } from '../src/host/manifest.js';
import type { Product } from '../src/host/products.js';
import { LazyModules } from '../src/contributions/lazy-modules.js';
import { createPluginContainer } from '../src/plugin-container.js';
import { OrderImporter } from '../src/services/import/order-importer.js';
import type { HistoryEntry, ProviderOrder, ProviderOrderLine, StoredOrder } from '../src/services/store/order-model.js';
import { OrderStore } from '../src/services/store/order-store.js';
import { upgradeOrderDb } from '../src/services/store/order-db-schema.js';

const LINES_PER_ORDER = 3;
const NOW = Date.parse('2026-11-27T10:00:00+01:00');
const SOURCE = 'locally';

interface BenchParams {
  readonly runs: number;
  readonly orders: number;
  readonly products: number;
  readonly customers: number;
  readonly addressChanges: number;
}

export interface RunFigures {
  readonly run: number;
  readonly seedMs: number;
  readonly importMs: number;
  readonly ordersPerSecond: number;
  readonly imported: number;
  readonly failed: number;
  readonly rawFloorMs: number;
  readonly rawWrites: number;
  readonly ratio: number;
  /** 3 GTIN and 1 e-mail look-up per order, one after the other, outside the import: shows whether matching hits indexes. */
  readonly lookupMs: number;
  readonly lookups: number;
  /** One scan of the whole catalogue (the shell's text search that matches nothing): what each line would cost without an index. */
  readonly scanMs: number;
  readonly customerUpdates: number;
}

export interface BenchResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly params?: BenchParams;
  readonly lines?: number;
  readonly runs?: readonly RunFigures[];
  readonly median?: {
    readonly importMs: number;
    readonly ordersPerSecond: number;
    readonly rawFloorMs: number;
    readonly ratio: number;
    readonly lookupMs: number;
    readonly scanMs: number;
  };
  readonly userAgent?: string;
}

declare global {
  interface Window {
    __benchResult?: BenchResult;
    __benchProgress?: string;
  }
}

function params(): BenchParams {
  const query = new URLSearchParams(location.search);
  const int = (name: string, fallback: number) => {
    const value = Number(query.get(name) ?? fallback);
    return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
  };
  const share = Number(query.get('addressChanges') ?? 0);
  return {
    runs: int('runs', 3),
    orders: int('orders', 1000),
    products: int('products', 50_000),
    customers: int('customers', 20_000),
    addressChanges: Number.isFinite(share) && share >= 0 && share <= 1 ? share : 0,
  };
}

function progress(text: string): void {
  window.__benchProgress = text;
  console.log(`[bench] ${text}`);
}

// ---- the shop's data ----

/** EAN-13 with a valid check digit; every 20th product is entered as its 12-digit UPC-A (prefix 0). */
function productEan(i: number): string {
  if (i % 20 === 0) return withCheckDigit('0' + String(40_000_000_000 + i).padStart(11, '0')).slice(1);
  return withCheckDigit('871' + String(i).padStart(9, '0'));
}

/** The same item as a 13-digit code, as an order line carries it (so a UPC-A product is matched through GTIN-14). */
function lineGtin(i: number): string {
  if (i % 20 === 0) return withCheckDigit('0' + String(40_000_000_000 + i).padStart(11, '0'));
  return productEan(i);
}

function makeProduct(i: number, random: () => number): Product {
  return {
    id: productId(i),
    description: `Bench artikel ${i}`,
    brand: `Merk ${i % 97}`,
    ean: productEan(i),
    vendorPartNumber: `VPN-${String(i).padStart(6, '0')}`,
    priceCents: 495 + Math.floor(random() * 100_000),
    vatRate: 21,
    stock: Math.floor(random() * 30),
  };
}

function address(i: number, variant = 0): Address {
  return { street: `Bankstraat ${1 + (i % 240)}${variant ? ` bis ${variant}` : ''}`, postcode: `${3500 + (i % 90)} AB`, city: 'Utrecht', country: 'NL' };
}

function makeCustomer(i: number): Customer {
  return {
    id: customerId(i),
    firstName: `Voornaam${i}`,
    lastName: `Achternaam${i}`,
    email: `klant${i}@example.nl`,
    phone: `06-${String(10_000_000 + i).padStart(8, '0')}`,
    address: address(i),
    shippingAddress: address(i),
    includeInCommunication: i % 3 === 0,
  };
}

/**
 * Products and customers written directly, each kind in bulk in one transaction with the shell's own
 * record form (toStoredProduct/toStoredCustomer: the normalized index keys), as the demo seed does;
 * through the native API, without a promise per request, since 70,000 of them only slow the set-up.
 */
async function seedShell(dbName: string, p: BenchParams): Promise<void> {
  const db = await openShellDatabase(dbName);
  try {
    const random = mulberry32(50_000);
    await bulkWrite(unwrap(db), ['products', 'counters'], (tx) => {
      const store = tx.objectStore('products');
      for (let i = 1; i <= p.products; i++) store.put(toStoredProduct(makeProduct(i, random)));
      tx.objectStore('counters').put(p.products, 'product');
    });
    await bulkWrite(unwrap(db), ['customers', 'counters'], (tx) => {
      const store = tx.objectStore('customers');
      for (let i = 1; i <= p.customers; i++) store.put(toStoredCustomer(makeCustomer(i)));
      tx.objectStore('counters').put(p.customers, 'customer');
    });
  } finally {
    db.close();
  }
}

/** Queues `write`'s requests in one readwrite transaction (native API) and resolves when it commits. */
function bulkWrite(db: IDBDatabase, stores: string[], write: (tx: IDBTransaction) => void, durability: IDBTransactionDurability = 'strict'): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const tx = db.transaction(stores, 'readwrite', { durability });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    try {
      write(tx);
    } catch (error) {
      tx.abort();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * Valid stored orders waiting for the import: each line names a distinct product by its EAN (and
 * carries its part number), each customer is found by e-mail in other casing with spaces around.
 * By default the order's shipping address and opt-in agree with the customer, so no customer is
 * updated; `addressChanges` makes that share of orders bring a new address.
 */
function makeOrders(p: BenchParams, run: number): StoredOrder[] {
  const random = mulberry32(1_000 + run);
  const orders: StoredOrder[] = [];
  for (let n = 1; n <= p.orders; n++) {
    const c = 1 + Math.floor(random() * p.customers);
    const customer = makeCustomer(c);
    const picked = new Set<number>();
    while (picked.size < LINES_PER_ORDER) picked.add(1 + Math.floor(random() * p.products));
    const lines: ProviderOrderLine[] = [...picked].map((i, index) => ({
      lineId: `${n}-${index + 1}`,
      gtin: lineGtin(i),
      vendorPartNumber: `VPN-${String(i).padStart(6, '0')}`,
      description: `Bench artikel ${i}`,
      quantity: 1 + Math.floor(random() * 2),
      unitPriceCents: 995 + Math.floor(random() * 50_000),
      vatRate: 21,
    }));
    const totalCents = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
    const placedAt = NOW - (p.orders - n) * 60_000;
    const orderId = `B${run}-${String(n).padStart(6, '0')}`;
    const order: ProviderOrder = {
      id: orderId,
      placedAt,
      type: 'buy',
      customer: {
        providerCustomerId: `PC-${c}`,
        firstName: customer.firstName,
        lastName: customer.lastName,
        email: `  ${customer.email!.toUpperCase()} `,
        phone: customer.phone!,
        billingAddress: customer.address!,
        shippingAddress: random() < p.addressChanges ? address(c, n) : customer.shippingAddress!,
        emailOptIn: customer.includeInCommunication,
      },
      ...(n % 4 === 0 ? { note: 'Graag zaterdag ophalen' } : {}),
      lines,
      totals: { totalCents },
      payment: { provider: 'stripe', amountCents: totalCents, last4: '4242', authorizationId: `pi_${orderId}` },
      status: 'open',
      updatedAt: placedAt,
    };
    orders.push({ source: SOURCE, orderId, status: 'received', placedAt, type: 'buy', order, raw: order, keptOpen: false, updatedAt: NOW, revision: 0 });
  }
  return orders;
}

// ---- the raw floor ----

/** One database holding both sides' stores with the same key paths and indexes as the real ones. */
interface RawSchema extends DBSchema {
  products: { key: string; value: StoredProduct; indexes: { byGtin14: string; byVendorPartNumber: string } };
  customers: { key: string; value: StoredCustomer; indexes: { byEmail: string; byPostcode: string; byPhone: string } };
  transactions: { key: string; value: StoredTransaction; indexes: { byExternalRef: string; byBarcode: string; byCreatedAt: number } };
  counters: { key: string; value: number };
  orders: { key: [string, string]; value: StoredOrder; indexes: { 'by-status': string; 'by-placed': number } };
  history: { key: number; value: HistoryEntry; indexes: { 'by-order': [string, string] } };
}

async function openRawDatabase(name: string): Promise<IDBPDatabase<RawSchema>> {
  return openDB<RawSchema>(name, 1, {
    // The real upgrade steps of both databases, so the floor has exactly their stores and indexes.
    upgrade(db, oldVersion, newVersion, tx) {
      upgradeShellDb(db as unknown as Parameters<typeof upgradeShellDb>[0], oldVersion);
      upgradeOrderDb(db as unknown as Parameters<typeof upgradeOrderDb>[0], oldVersion, newVersion, tx as unknown as Parameters<typeof upgradeOrderDb>[3]);
    },
  });
}

/**
 * The floor: what the import must write at the least, with no reads, no matching and no commits
 * between chunks, in ONE readwrite transaction with `durability: 'strict'` (the durability of every
 * commit of the import, host and plugin side). Per order the import writes, across its two databases:
 * 1 transaction record (added, 3 lines, with its 3 indexes), 3 product stock updates (products with
 * their 2 indexes), 1 put of the "transaction" counter, 1 order record (status, barcode; 2 indexes)
 * and 1 history entry — 7 writes, so 7,000 for 1,000 orders. They go into one database holding the
 * same stores and indexes, which are already filled as the import finds them (all products, the
 * received orders), so the B-trees are of the same size. Native API: no promise per request. One customer put is added per order that
 * brings a new shipping address (none by default). The records are built before the clock starts and queued without awaiting
 * each, as IndexedDB is fastest.
 */
async function measureRawFloor(dbName: string, p: BenchParams, orders: readonly StoredOrder[], customerUpdates: number): Promise<{ ms: number; writes: number }> {
  const db = await openRawDatabase(dbName);
  try {
    const random = mulberry32(50_000);
    await bulkWrite(unwrap(db), ['products', 'customers', 'orders'], (tx) => {
      for (let i = 1; i <= p.products; i++) tx.objectStore('products').put(toStoredProduct(makeProduct(i, random)));
      // The customers only matter when some are updated: then the floor writes into a store as full as the shell's.
      if (customerUpdates > 0) for (let i = 1; i <= p.customers; i++) tx.objectStore('customers').put(toStoredCustomer(makeCustomer(i)));
      for (const order of orders) tx.objectStore('orders').put(order);
    });
    const productIds = [...new Set(orders.flatMap((order) => order.order!.lines.map((line) => productId(Number(line.vendorPartNumber!.slice(4))))))];
    const read = db.transaction('products');
    const before = new Map((await Promise.all(productIds.map((id) => read.store.get(id)))).map((s) => [s!.id, s!]));

    const transactions: StoredTransaction[] = [];
    const stock: StoredProduct[] = [];
    const ordersAfter: StoredOrder[] = [];
    const history: HistoryEntry[] = [];
    const taken = new Map<string, number>();
    orders.forEach((order, n) => {
      const seq = n + 1;
      const id = transactionId(seq);
      const lines = order.order!.lines.map((line, index) => {
        const pid = productId(Number(line.vendorPartNumber!.slice(4)));
        taken.set(pid, (taken.get(pid) ?? 0) + line.quantity);
        stock.push({ ...before.get(pid)!, stock: before.get(pid)!.stock - (taken.get(pid) ?? 0) });
        return { id: `${id}-L${index + 1}`, productId: pid, description: line.description, quantity: line.quantity, unitPriceCents: line.unitPriceCents, vatRate: line.vatRate };
      });
      transactions.push({
        id,
        barcode: transactionBarcode(seq),
        externalRef: `${SOURCE}:${order.orderId}`,
        lines,
        payments: [],
        notes: `eCommerce-bestelling ${order.orderId}`,
        keptOpen: false,
        state: 'open',
        totalCents: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0),
        createdAt: NOW,
        draftKey: lines.map((l) => `${l.productId}|${l.quantity}|${l.unitPriceCents}|${l.vatRate}`).sort().join('\n'),
        seq: lines.length,
      });
      ordersAfter.push({ ...order, status: 'new', transactionId: id, barcode: transactionBarcode(seq), revision: order.revision + 1, updatedAt: NOW });
      history.push({ source: SOURCE, orderId: order.orderId, from: 'received', to: 'new', at: NOW, by: 'Import' });
    });
    const customerPuts = orders
      .slice(0, customerUpdates)
      .map((order, n) => toStoredCustomer({ ...makeCustomer(Number(order.order!.customer.providerCustomerId.slice(3))), shippingAddress: address(n, n + 1) }));

    let writes = 0;
    const started = performance.now();
    await bulkWrite(unwrap(db), ['transactions', 'products', 'customers', 'counters', 'orders', 'history'], (tx) => {
      transactions.forEach((record, n) => {
        tx.objectStore('transactions').add(record);
        tx.objectStore('counters').put(n + 1, 'transaction');
        writes += 2;
      });
      for (const record of stock) tx.objectStore('products').put(record);
      for (const record of customerPuts) tx.objectStore('customers').put(record);
      for (const record of ordersAfter) tx.objectStore('orders').put(record);
      for (const record of history) tx.objectStore('history').add(record);
      writes += stock.length + customerPuts.length + ordersAfter.length + history.length;
    });
    return { ms: performance.now() - started, writes };
  } finally {
    db.close();
  }
}

// ---- where the import's time goes ----

/**
 * Wraps the named methods of the given objects (those that exist) and the database's transaction
 * factory for the duration of the import: per method the wall-clock time during which at least one
 * call was running (calls of one phase overlap), and the IndexedDB transactions opened by mode.
 * Costs a little time of its own; the figures say where the time goes, not how much the import takes.
 */
function watchPhases(targets: Record<string, [object, readonly string[]]>): { stop(): string } {
  const restore: (() => void)[] = [];
  const spent = new Map<string, { ms: number; calls: number }>();
  for (const [label, [target, names]] of Object.entries(targets)) {
    const methods = target as Record<string, unknown>;
    for (const name of names) {
      const original = methods[name];
      if (typeof original !== 'function') continue;
      const key = `${label}.${name}`;
      const figures = { ms: 0, calls: 0 };
      spent.set(key, figures);
      let running = 0;
      let since = 0;
      const own = Object.prototype.hasOwnProperty.call(methods, name);
      methods[name] = function (this: unknown, ...args: unknown[]) {
        if (running++ === 0) since = performance.now();
        figures.calls++;
        const done = () => {
          if (--running === 0) figures.ms += performance.now() - since;
        };
        try {
          const result = (original as (...a: unknown[]) => unknown).apply(this, args);
          if (result instanceof Promise) return result.finally(done);
          done();
          return result;
        } catch (error) {
          done();
          throw error;
        }
      };
      restore.push(() => {
        if (own) methods[name] = original;
        else delete methods[name];
      });
    }
  }
  const opened = { readonly: 0, readwrite: 0 };
  const original = Object.getOwnPropertyDescriptor(IDBDatabase.prototype, 'transaction')!.value as (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) => IDBTransaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    opened[args[1] === 'readwrite' ? 'readwrite' : 'readonly']++;
    return original.apply(this, args);
  };
  restore.push(() => (IDBDatabase.prototype.transaction = original));
  return {
    stop() {
      for (const undo of restore) undo();
      const parts = [...spent].map(([key, { ms, calls }]) => `${key} ${ms.toFixed(0)} ms (${calls})`);
      return `${parts.join(', ')}; IndexedDB transactions: ${opened.readonly} read, ${opened.readwrite} readwrite`;
    },
  };
}

// ---- one run ----

async function oneRun(run: number, p: BenchParams, manifest: PluginManifest): Promise<RunFigures> {
  const tag = `bench-${run}-${crypto.randomUUID()}`;
  const seedStarted = performance.now();
  progress(`run ${run}: seeding ${p.products} products and ${p.customers} customers`);
  await seedShell(tag, p);
  const seedMs = performance.now() - seedStarted;

  const clock = new ShellClock({ start: NOW, realTime: false });
  const shell = await createShellHost({ dbName: tag, clock, seed: false });
  const container = createPluginContainer(shell.forPlugin(manifest));
  const store = container.get(OrderStore);
  // The importer is a lazily loaded module of its own (as in the plugin); bound directly where it is not.
  const importer = container.isBound(OrderImporter) ? container.get(OrderImporter) : await container.get(LazyModules).importer();
  const made = makeOrders(p, run);
  let figures: RunFigures;
  try {
    const put = await store.putOrders(made);
    if (put !== made.length) throw new Error(`putOrders wrote ${put} of ${made.length} orders`);
    const waiting = await store.getOrdersByStatus('received');
    if (waiting.length !== made.length) throw new Error(`${waiting.length} of ${made.length} orders are waiting`);
    const customerUpdates = made.filter((o) => JSON.stringify(o.order!.customer.shippingAddress) !== JSON.stringify(makeCustomer(Number(o.order!.customer.providerCustomerId.slice(3))).shippingAddress)).length;

    // Matching look-ups alone, through the host's services (not timed with the import).
    const lookupStarted = performance.now();
    let lookups = 0;
    for (const order of waiting) {
      for (const line of order.order!.lines) {
        const found = await shell.data.products.findByGtin(line.gtin!);
        if (found.length !== 1) throw new Error(`GTIN ${line.gtin} found ${found.length} products`);
        lookups++;
      }
      const customers = await shell.data.customers.findByEmail(order.order!.customer.email);
      if (customers.length !== 1) throw new Error(`${order.order!.customer.email} found ${customers.length} customers`);
      lookups++;
    }
    const lookupMs = performance.now() - lookupStarted;
    const scanStarted = performance.now();
    if ((await shell.data.products.search('geen-zulk-artikel-xyz')).length !== 0) throw new Error('the scan found something');
    const scanMs = performance.now() - scanStarted;

    progress(`run ${run}: importing ${waiting.length} orders`);
    const stockBefore = (await shell.data.products.get(productId(1)))?.stock;
    const phases = watchPhases({
      importer: [importer, ['planMany', 'updateCustomer', 'stockAfter']],
      transactions: [shell.data.transactions, ['createMany']],
      store: [store, ['recordImport']],
    });
    const started = performance.now();
    const summary = await importer.importOrders(waiting);
    const importMs = performance.now() - started;
    progress(`run ${run}: phases ${phases.stop()}`);
    if (summary.imported !== made.length || summary.failed !== 0) {
      const sample = (await store.getAllOrders()).find((o) => o.status !== 'new');
      throw new Error(`imported ${summary.imported}, failed ${summary.failed}; e.g. ${sample?.orderId}: ${JSON.stringify(sample?.problems)}`);
    }
    const last = made[made.length - 1]!;
    const transaction = await shell.data.transactions.getByExternalRef(`${SOURCE}:${last.orderId}`);
    if (!transaction || transaction.lines.length !== LINES_PER_ORDER) throw new Error(`no transaction for ${last.orderId}`);
    if (stockBefore === undefined) throw new Error('product P0001 missing');

    progress(`run ${run}: raw floor`);
    const raw = await measureRawFloor(`${tag}-raw`, p, waiting, customerUpdates);
    figures = {
      run,
      seedMs,
      importMs,
      ordersPerSecond: (made.length * 1000) / importMs,
      imported: summary.imported,
      failed: summary.failed,
      rawFloorMs: raw.ms,
      rawWrites: raw.writes,
      ratio: importMs / raw.ms,
      lookupMs,
      lookups,
      scanMs,
      customerUpdates,
    };
  } finally {
    store.dispose();
    shell.dispose();
  }
  await Promise.all([tag, `${tag}-host`, `${tag}:${manifest.id}:orders`, `${tag}-raw`].map((name) => deleteDB(name)));
  progress(`run ${run}: import ${figures.importMs.toFixed(0)} ms, raw floor ${figures.rawFloorMs.toFixed(0)} ms`);
  return figures;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<BenchResult> {
  const p = params();
  const manifest = (await (await fetch('/plugin.json')).json()) as PluginManifest;
  const runs: RunFigures[] = [];
  for (let run = 1; run <= p.runs; run++) runs.push(await oneRun(run, p, manifest));
  return {
    ok: true,
    params: p,
    lines: p.orders * LINES_PER_ORDER,
    runs,
    median: {
      importMs: median(runs.map((r) => r.importMs)),
      ordersPerSecond: median(runs.map((r) => r.ordersPerSecond)),
      rawFloorMs: median(runs.map((r) => r.rawFloorMs)),
      ratio: median(runs.map((r) => r.ratio)),
      lookupMs: median(runs.map((r) => r.lookupMs)),
      scanMs: median(runs.map((r) => r.scanMs)),
    },
    userAgent: navigator.userAgent,
  };
}

main().then(
  (result) => {
    window.__benchResult = result;
  },
  (error: unknown) => {
    console.error(error);
    window.__benchResult = { ok: false, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  },
);
