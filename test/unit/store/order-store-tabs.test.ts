import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { ORDER_DB_VERSION, upgradeOrderDb, type LocallyDB } from '../../../src/services/store/order-db-schema.js';
import { OrderStore, OrderStoreOutdatedError } from '../../../src/services/store/order-store.js';
import { cleanUp, delay, nextMatching, rawOpen, storedOrder, uniqueDbName } from './order-store-fixtures.js';

/** Stands in for a newer plugin version that opens the same database at a higher version. */
class NextVersionOrderStore extends OrderStore {
  protected override get schemaVersion(): number {
    return ORDER_DB_VERSION + 1;
  }
}

describe('OrderStore across tabs', () => {
  let dbName: string;
  let stores: OrderStore[];
  let raw: { close(): void }[];

  beforeEach(() => {
    dbName = uniqueDbName();
    stores = [];
    raw = [];
  });

  afterEach(async () => {
    for (const db of raw) db.close();
    await cleanUp(dbName, ...stores);
  });

  function open(kind: typeof OrderStore = OrderStore): OrderStore {
    const store = new kind({ dbName });
    stores.push(store);
    return store;
  }

  it("shows an order written in one tab in the other tab's orders$", async () => {
    const tabA = open();
    const tabB = open();
    let changesInB = 0;
    tabB.onDidChangeOrders(() => changesInB++);
    let queuedInB = 0;
    tabB.onDidQueueOutboxMessage(() => queuedInB++);

    const subscription = tabB.orders$.subscribe();
    try {
      await nextMatching(tabB.orders$, (orders) => orders.length === 0);
      await tabA.putOrders([storedOrder('L-1', 1000)]);
      const orders = await nextMatching(tabB.orders$, (list) => list.length === 1);
      expect(orders[0]).to.include({ orderId: 'L-1', status: 'new' });
      expect(changesInB).to.equal(1);

      await tabA.applyStatusChange({
        source: 'locally',
        orderId: 'L-1',
        to: 'in-progress',
        by: 'Piet',
        at: 2000,
        outbox: { source: 'locally', orderId: 'L-1', kind: 'accept', createdAt: 2000, attempts: 0, nextAttemptAt: 2000 },
      });
      await nextMatching(tabB.orders$, (list) => list[0]?.status === 'in-progress');
      expect(changesInB).to.equal(2);
      expect(queuedInB).to.equal(1);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('tells no other tab anything when a put changed nothing', async () => {
    const tabA = open();
    const tabB = open();
    await tabA.putOrders([storedOrder('L-1', 1000)]);
    await delay(50);
    let changesInB = 0;
    tabB.onDidChangeOrders(() => changesInB++);
    expect(await tabA.putOrders([storedOrder('L-1', 1000)])).to.equal(0);
    await delay(100);
    expect(changesInB).to.equal(0);
  });

  it('steps aside for a newer version, then rejects clearly and reports the problem', async () => {
    const store = open();
    const problems: string[] = [];
    store.onDidReportProblem((problem) => problems.push(problem.message));
    await store.putOrders([storedOrder('L-1', 1000)]);

    // The newer tab's upgrade is not blocked: the store closed its connection.
    const newer = await rawOpen(dbName, ORDER_DB_VERSION + 1);
    raw.push(newer.db);
    expect(newer.blocked).to.equal(false);
    expect(newer.db.version).to.equal(ORDER_DB_VERSION + 1);

    let error: unknown;
    try {
      await store.getAllOrders();
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(OrderStoreOutdatedError);
    expect((error as Error).message).to.match(/newer version.*reload this tab/);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.equal((error as Error).message);

    // The next call tries again (the upgrade might have been rolled back) and fails the same way,
    // without repeating the problem report.
    let again: unknown;
    try {
      await store.putOrders([storedOrder('L-2', 2000)]);
    } catch (e) {
      again = e;
    }
    expect(again).to.be.instanceOf(OrderStoreOutdatedError);
    expect(problems).to.have.length(1);
  });

  it('reopens lazily after stepping aside for a deletion', async () => {
    const store = open();
    await store.putOrders([storedOrder('L-1', 1000)]);
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(dbName);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('delete failed'));
    });
    // A fresh, empty database at the store's own version.
    expect(await store.getAllOrders()).to.deep.equal([]);
    expect(await store.putOrders([storedOrder('L-2', 2000)])).to.equal(1);
  });

  it('reports an upgrade blocked by an old tab that does not step aside', async () => {
    // An old tab at today's version without a versionchange handler keeps its connection.
    const old = await openDB<LocallyDB>(dbName, ORDER_DB_VERSION, { upgrade: upgradeOrderDb });
    raw.push(old);
    const store = open(NextVersionOrderStore);
    const problem = new Promise<string>((resolve) => store.onDidReportProblem((p) => resolve(p.message)));
    const answer = store.getAllOrders();

    expect(await problem).to.match(new RegExp(`cannot be upgraded from version ${ORDER_DB_VERSION} to ${ORDER_DB_VERSION + 1}.*close or reload the other tabs`));
    old.close();
    // Once the old tab is gone the upgrade runs (no step for the next version yet) and the store answers.
    expect(await answer).to.deep.equal([]);
  });
});
