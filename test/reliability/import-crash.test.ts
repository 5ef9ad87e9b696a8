// A crash or reload in the middle of an import (issue #4): the import writes two databases that
// cannot share a transaction (the shell's transactions and stock, then the plugin's order statuses),
// so a crash may land between its commits. At ANY moment the host's own commit keeps stock and
// transactions together, and no order is "new" without its transaction; after a restart the import
// completes what the crash left: every order imported exactly once, with its stock taken once.
//
// One tab of a till (tab-runtime.ts: the real shell and plugin in an iframe) polls the simulator and
// imports well over one chunk (50) of orders; it is killed at a seeded moment, the invariant is
// checked on the databases as they are, then a new tab finishes the work and the end state is checked.
import { expect } from '@open-wc/testing';
import type { GeneratedOrderKind } from '../../mocks/locally/order-generator.js';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import { openShellData } from '../../shell/data/index.js';
import { mulberry32 } from '../../shell/data/mulberry32.js';
import { openShellDatabase, type ShellDatabase, type StoredTransaction } from '../../shell/data/shell-database.js';
import { ShellClock } from '../../shell/host/shell-clock.js';
import { externalRef, type OrderStatus, type StoredOrder } from '../../src/services/store/order-model.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { SimulatorKit, START } from '../mocks/simulator-test-kit.js';
import { Tabs, pause, until, warmUpTabs } from './tabs.js';

const PLUGIN_ID = 'locally.ecommerce';
const SOURCE = 'locally';
/** Three import chunks of 50 (the last one partly filled). */
const ORDERS = 130;
const SEED = 0x4c0ca11;
const FAILURES: readonly OrderStatus[] = ['customer-id-required', 'product-link-failed'];
const FRAME = 'till';
/** Reading every order often slows the tab's import down a lot; the shell's transaction count is cheap. */
const READ_INTERVAL_MS = 150;

/** How a tab's document ends, mid-import. */
type Kill =
  /** The tab removes itself right after its n-th host commit: a crash between the two databases' commits. */
  | { readonly how: 'crash-after-host-commit'; readonly commits: number }
  /**
   * Once the shell holds `transactions` more transactions than when this kill began (or the import
   * finished), `extraMs` later, the tab's iframe is removed (closed) or reloaded.
   */
  | { readonly how: 'close' | 'reload'; readonly transactions: number; readonly extraMs: number }
  /** `afterMs` after the tab's first poll request, whatever it is doing then. */
  | { readonly how: 'close'; readonly afterMs: number };

/** The shell's products' stock and its transactions, read in one transaction (one consistent state). */
interface ShellSnapshot {
  readonly stock: ReadonlyMap<string, number>;
  readonly descriptions: ReadonlyMap<string, string>;
  readonly transactions: readonly StoredTransaction[];
}

async function snapshot(db: ShellDatabase): Promise<ShellSnapshot> {
  const tx = db.transaction(['products', 'transactions'], 'readonly');
  const [products, transactions] = await Promise.all([tx.objectStore('products').getAll(), tx.objectStore('transactions').getAll()]);
  await tx.done;
  return {
    stock: new Map(products.map((p) => [p.id, p.stock])),
    descriptions: new Map(products.map((p) => [p.id, p.description])),
    transactions,
  };
}

describe('a crash or reload mid-import (iframe tab, real plugin, Locally simulator)', function () {
  this.timeout(60_000);
  const kit = new SimulatorKit('reliability-import-crash');
  const random = mulberry32(SEED);
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  /** The placed orders by id, with what they were made to test; every round's till imports them all. */
  let kinds: Map<string, GeneratedOrderKind>;

  before(async function () {
    await kit.start();
    await warmUpTabs({ start: START, apiKey: 'demo-key' });
    // One batch for every round: importing changes nothing at the provider, so each new till finds
    // the same open orders (on the simulator's clock they stay well within the acceptance window).
    const { simulator } = kit.create({ seed: SEED });
    kinds = await placeOrders(simulator, SEED);
  });

  after(() => {
    kit.stop();
  });

  // The moments, drawn once from the seed: right after the first or the second host commit (the
  // window between the two databases' commits, hit for sure), a drawn number of transactions later
  // (plus a few ms) by closing or by reloading the tab, and a drawn time after the first poll. Each
  // round kills twice: the second kill hits the tab that completes what the first one left.
  const rounds: (readonly Kill[])[] = [
    [
      { how: 'crash-after-host-commit', commits: 1 },
      { how: 'close', transactions: between(1, 40), extraMs: between(0, 40) },
    ],
    [
      { how: 'crash-after-host-commit', commits: 2 },
      { how: 'crash-after-host-commit', commits: 1 },
    ],
    [
      { how: 'reload', transactions: between(1, 80), extraMs: between(0, 40) },
      { how: 'close', transactions: between(1, 20), extraMs: between(0, 20) },
    ],
    [
      { how: 'close', afterMs: between(0, 1_500) },
      { how: 'reload', transactions: between(1, 40), extraMs: between(0, 40) },
    ],
  ];

  rounds.forEach((kills, index) => {
    it(`round ${index + 1}: ${kills.map(describeKill).join(', then ')}: stock, transactions and statuses agree after each kill and at the end`, async function () {
      // A new till per round: its own databases, locks and channels.
      const dbName = `reliability-import-crash-${crypto.randomUUID()}`;
      const tabs = new Tabs(dbName, { start: START, apiKey: 'demo-key' });
      const store = new OrderStore({ dbName: `${dbName}:${PLUGIN_ID}:orders` });
      // The till's catalogue and customers (the tabs open the shell without seeding).
      const clock = new ShellClock({ start: START, realTime: false });
      const seeded = await openShellData({ dbName, clock, seed: true });
      seeded.close();
      clock.dispose();
      const db = await openShellDatabase(dbName);
      const outcomes: string[] = [];
      const summary = () => `${outcomes.join('\n')}\n${tabs.summary()}`;
      try {
        const start = await snapshot(db);
        expect(start.transactions).to.have.length(0);

        for (const kill of kills) {
          const killed = await killMidImport(tabs, db, store, kill, summary);
          // What must hold at any moment, whatever the kill interrupted.
          const seen = await expectConsistent(store, db, start, summary);
          outcomes.push(`${killed}: ${seen.transactions} transactions, ${seen.imported} orders "new", ${seen.pending} "received" with their transaction`);
          if (kill.how === 'crash-after-host-commit') {
            // The crash came after a host commit and before the plugin's: the window was hit.
            expect(seen.pending, `orders waiting with their transaction made\n${summary()}`).to.be.greaterThan(0);
          }
        }

        // A tab again (after a reload it is running already): it completes the import.
        if (tabs.isGone(FRAME)) {
          tabs.remove(FRAME);
          tabs.open(FRAME);
        }
        await until(async () => tabs.isReady(FRAME) && (await completed(store)), 'the next tab completes the import', 20_000, summary, READ_INTERVAL_MS);
        await expectConsistent(store, db, start, summary);
        await expectCompleted(store, db, start, kinds);
        expect(tabs.errors, summary()).to.deep.equal([]);
      } finally {
        tabs.dispose();
        store.dispose();
        db.close();
      }
    });
  });

  /** Orders mostly of products and customers the till knows; some fail to match (unknown customer or product). */
  async function placeOrders(simulator: LocallySimulator, seed: number): Promise<Map<string, GeneratedOrderKind>> {
    const draw = mulberry32(seed);
    const planned = Array.from({ length: ORDERS }, (): GeneratedOrderKind => {
      const r = draw();
      return r < 0.85 ? 'match' : r < 0.9 ? 'unknown-product' : r < 0.95 ? 'ambiguous-product' : 'unknown-customer';
    });
    // Placed at once: the simulator writes them one after the other, without a round trip between.
    const placed = await Promise.all(planned.map((kind) => simulator.placeOrder(draw() < 0.6 ? 'buy' : 'reserve', { kind })));
    return new Map(placed.map((order, i) => [order.id, planned[i]!]));
  }

  /** Starts the tab (unless it is running) and ends its document at the kill's moment; says what happened. */
  async function killMidImport(tabs: Tabs, db: ShellDatabase, store: OrderStore, kill: Kill, summary: () => string): Promise<string> {
    const running = tabs.frames.has(FRAME) && !tabs.isGone(FRAME);
    if (kill.how === 'crash-after-host-commit') {
      tabs.remove(FRAME);
      tabs.open(FRAME, { crashAfterHostCommits: kill.commits });
      await until(() => tabs.isGone(FRAME), `the tab crashes after host commit ${kill.commits}`, 20_000, summary);
      return describeKill(kill);
    }
    if (!running) {
      tabs.remove(FRAME);
      tabs.open(FRAME);
    }
    let finished = false;
    if ('afterMs' in kill) {
      await until(() => tabs.changesBy(FRAME).length > 0, 'the tab polls', 20_000, summary);
      await pause(kill.afterMs);
    } else {
      const base = await db.count('transactions');
      let checks = 0;
      await until(
        async () =>
          (await db.count('transactions')) >= base + kill.transactions ||
          // Now and then: has the import finished without making that many?
          (++checks % (READ_INTERVAL_MS / 10) === 0 && (finished = await completed(store))),
        `${kill.transactions} more transactions`,
        20_000,
        summary,
      );
      await pause(kill.extraMs);
    }
    const made = await db.count('transactions');
    if (kill.how === 'reload') tabs.load(FRAME);
    else tabs.remove(FRAME);
    return `${describeKill(kill)} (the shell had ${made} transactions${finished ? ', the import had finished' : ''})`;
  }

  /** Every order is stored and decided. */
  async function completed(store: OrderStore): Promise<boolean> {
    const orders = await store.getAllOrders();
    return orders.length === ORDERS && orders.every((order) => order.status !== 'received');
  }

  /**
   * What holds at any moment: the host's commit is atomic (stock = start − what the existing
   * transactions took), each transaction belongs to a stored order and mirrors its lines, and an
   * order is "new" only with exactly one transaction, whose id and barcode it carries.
   */
  async function expectConsistent(
    store: OrderStore,
    db: ShellDatabase,
    start: ShellSnapshot,
    summary: () => string,
  ): Promise<{ transactions: number; imported: number; pending: number }> {
    // The orders first: an order "new" now had its transaction committed before, so the shell shows it.
    const orders = new Map((await store.getAllOrders()).map((order) => [order.orderId, order]));
    const now = await snapshot(db);

    const taken = new Map<string, number>();
    const byOrder = new Map<string, StoredTransaction[]>();
    for (const transaction of now.transactions) {
      const ref = transaction.externalRef ?? '';
      expect(ref, `transaction ${transaction.id} comes from an order`).to.match(/^locally:/);
      const orderId = ref.slice(`${SOURCE}:`.length);
      byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), transaction]);
      const order = orders.get(orderId);
      expect(order, `the order of transaction ${transaction.id} (${ref}) is stored\n${summary()}`).to.not.equal(undefined);
      expect(['received', 'new'], `${orderId} has a transaction`).to.include(order!.status);
      expectMirrors(transaction, order!, now);
      for (const line of transaction.lines) taken.set(line.productId, (taken.get(line.productId) ?? 0) + line.quantity);
    }
    for (const [orderId, made] of byOrder) expect(made, `transactions of ${orderId}`).to.have.length(1);
    expectStock(start, now, taken, 'the existing transactions');

    let imported = 0;
    let pending = 0;
    for (const order of orders.values()) {
      const made = byOrder.get(order.orderId) ?? [];
      if (order.status === 'new') {
        imported++;
        expect(made, `"new" order ${order.orderId} has its transaction`).to.have.length(1);
        expect(order.transactionId, order.orderId).to.equal(made[0]!.id);
        expect(order.barcode, order.orderId).to.equal(made[0]!.barcode);
      } else if (order.status === 'received') {
        // Its transaction may exist already (a crash between the commits): the next run completes it.
        if (made.length) pending++;
        if (order.transactionId !== undefined) expect(order.transactionId, order.orderId).to.equal(made[0]?.id);
      } else {
        expect(FAILURES, order.orderId).to.include(order.status);
        expect(made, `failed order ${order.orderId} has no transaction`).to.have.length(0);
        expect(order.transactionId, order.orderId).to.equal(undefined);
      }
    }
    return { transactions: now.transactions.length, imported, pending };
  }

  /** The end: every order decided once, "new" ⇔ it has its transaction, stock taken once per "new" order's lines. */
  async function expectCompleted(
    store: OrderStore,
    db: ShellDatabase,
    start: ShellSnapshot,
    kinds: ReadonlyMap<string, GeneratedOrderKind>,
  ): Promise<void> {
    const orders = await store.getAllOrders();
    const now = await snapshot(db);
    expect(orders.map((order) => order.orderId).sort(), 'every placed order is stored once').to.deep.equal([...kinds.keys()].sort());
    const byRef = new Map(now.transactions.map((transaction) => [transaction.externalRef, transaction]));
    expect(byRef.size, 'one transaction per external reference').to.equal(now.transactions.length);

    const taken = new Map<string, number>();
    let imported = 0;
    for (const order of orders) {
      const transaction = byRef.get(externalRef(SOURCE, order.orderId));
      byRef.delete(externalRef(SOURCE, order.orderId));
      // Decided exactly once: one status change out of "received", one revision.
      const history = await store.getHistory(SOURCE, order.orderId);
      expect(
        history.map((entry) => [entry.from, entry.to]),
        `${order.orderId} (${kinds.get(order.orderId)}) changed status once`,
      ).to.deep.equal([['received', order.status]]);
      expect(order.revision, order.orderId).to.equal(1);
      if (kinds.get(order.orderId) === 'match') expect(order.status, `${order.orderId} matches`).to.equal('new');
      if (order.status === 'new') {
        imported++;
        expect(transaction, `"new" order ${order.orderId} has its transaction`).to.not.equal(undefined);
        expect(order.transactionId).to.equal(transaction!.id);
        expect(order.barcode).to.equal(transaction!.barcode);
        expectMirrors(transaction!, order, now);
        // What the order took, from the order's own lines.
        order.order!.lines.forEach((line, i) => {
          const productId = transaction!.lines[i]!.productId;
          taken.set(productId, (taken.get(productId) ?? 0) + line.quantity);
        });
      } else {
        expect(FAILURES, `${order.orderId} (${kinds.get(order.orderId)}) was decided`).to.include(order.status);
        expect(transaction, `failed order ${order.orderId} took nothing`).to.equal(undefined);
        expect(order.transactionId).to.equal(undefined);
      }
    }
    expect([...byRef.keys()], 'no transaction without its order').to.deep.equal([]);
    expect(imported, 'most orders are imported').to.be.greaterThan(ORDERS / 2);
    expectStock(start, now, taken, 'the imported orders');
  }

  /** A transaction has the order's lines: same count, descriptions, quantities, of a product so described. */
  function expectMirrors(transaction: StoredTransaction, order: StoredOrder, now: ShellSnapshot): void {
    const lines = order.order!.lines;
    expect(transaction.lines.map((l) => [l.description, l.quantity]), `lines of ${transaction.id} = lines of ${order.orderId}`).to.deep.equal(
      lines.map((l) => [l.description, l.quantity]),
    );
    for (const line of transaction.lines) expect(now.descriptions.get(line.productId), `product of ${line.id}`).to.equal(line.description);
  }

  /** Every product's stock is its start less what `taken` says, and not one unit more or less. */
  function expectStock(start: ShellSnapshot, now: ShellSnapshot, taken: ReadonlyMap<string, number>, what: string): void {
    const wrong: string[] = [];
    for (const [productId, before] of start.stock) {
      const expected = before - (taken.get(productId) ?? 0);
      if (now.stock.get(productId) !== expected) wrong.push(`${productId}: ${now.stock.get(productId)} instead of ${before} − ${taken.get(productId) ?? 0}`);
    }
    expect(now.stock.size, 'the same products').to.equal(start.stock.size);
    expect(wrong, `stock = start − what ${what} took`).to.deep.equal([]);
  }
});

function describeKill(kill: Kill): string {
  if (kill.how === 'crash-after-host-commit') return `right after host commit ${kill.commits}`;
  if ('afterMs' in kill) return `closed ${kill.afterMs} ms after the first poll`;
  return `${kill.how === 'reload' ? 'reloaded' : 'closed'} ${kill.extraMs} ms after ${kill.transactions} more transactions`;
}
