import { expect } from '@open-wc/testing';
import { Container } from 'inversify';
import type { OutboxMessage, StoredOrder } from '../../../src/services/store/order-model.js';
import { isOpenStatus, OPEN_STATUSES, externalRef, orderKey } from '../../../src/services/store/order-model.js';
import {
  OrderNotFoundError,
  OrderStore,
  OrderStoreDisposedError,
  OrderStoreOptions,
  RevisionConflictError,
} from '../../../src/services/store/order-store.js';
import { cleanUp, nextMatching, storedOrder, uniqueDbName } from './order-store-fixtures.js';

function acceptMessage(orderId: string, at: number): Omit<OutboxMessage, 'id'> {
  return { source: 'locally', orderId, kind: 'accept', createdAt: at, attempts: 0, nextAttemptAt: at };
}

describe('order model', () => {
  it('knows which statuses keep an order open', () => {
    expect(OPEN_STATUSES).to.not.include('completed').and.not.include('archived');
    expect(OPEN_STATUSES).to.have.length(8);
    expect(isOpenStatus('ready-for-pickup')).to.equal(true);
    expect(isOpenStatus('archived')).to.equal(false);
    expect(orderKey('locally', 'L-1')).to.deep.equal(['locally', 'L-1']);
    expect(externalRef('locally', 'L-1042')).to.equal('locally:L-1042');
  });
});

describe('OrderStore', () => {
  let dbName: string;
  let store: OrderStore;
  let changes: number;

  beforeEach(() => {
    dbName = uniqueDbName();
    store = new OrderStore({ dbName });
    changes = 0;
    store.onDidChangeOrders(() => changes++);
  });

  afterEach(() => cleanUp(dbName, store));

  describe('putOrders', () => {
    it('writes an order once: the same order again writes nothing and notifies nobody', async () => {
      const order = storedOrder('L-1', 1000);
      expect(await store.putOrders([order])).to.equal(1);
      expect(changes).to.equal(1);

      // Only updatedAt differs: still the same order.
      expect(await store.putOrders([{ ...order, updatedAt: 9999 }])).to.equal(0);
      expect(await store.putOrders([])).to.equal(0);
      expect(changes).to.equal(1);

      const all = await store.getAllOrders();
      expect(all).to.have.length(1);
      expect(all[0]).to.deep.equal(order);
    });

    it('writes only the orders that changed', async () => {
      await store.putOrders([storedOrder('L-1', 1000), storedOrder('L-2', 2000)]);
      const cancelled = storedOrder('L-2', 2000, { status: 'cancelled', updatedAt: 3000 });
      expect(await store.putOrders([storedOrder('L-1', 1000), cancelled, storedOrder('L-3', 3000)])).to.equal(2);
      expect((await store.getOrder('locally', 'L-2'))?.status).to.equal('cancelled');
      expect(await store.getAllOrders()).to.have.length(3);
      expect(changes).to.equal(2);
    });

    it('treats an absent optional field and an undefined one alike', async () => {
      const order = storedOrder('L-1', 1000);
      await store.putOrders([order]);
      expect(await store.putOrders([{ ...order, seenAt: undefined, barcode: undefined }])).to.equal(0);
    });

    it('keeps invalid payloads with their raw data and problems', async () => {
      const invalid: StoredOrder = {
        source: 'locally',
        orderId: 'L-9',
        status: 'processing-failed',
        placedAt: 500,
        type: 'buy',
        raw: { id: 'L-9', lines: 'not a list' },
        problems: ['lines: expected an array'],
        keptOpen: false,
        updatedAt: 500,
        revision: 0,
      };
      await store.putOrders([invalid]);
      expect(await store.getOrder('locally', 'L-9')).to.deep.equal(invalid);
    });

    it('writes nothing when one order of the batch cannot be stored', async () => {
      const good = storedOrder('L-1', 1000);
      // A function cannot be cloned: the second put throws after the first was queued.
      const bad = storedOrder('L-2', 2000, { raw: { callback: () => 1 } });
      let error: unknown;
      try {
        await store.putOrders([good, bad]);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(DOMException);
      expect((error as DOMException).name).to.equal('DataCloneError');
      expect(await store.getAllOrders()).to.deep.equal([]);
      expect(changes).to.equal(0);
    });

    it('writes nothing when an order has an invalid key', async () => {
      const bad = { ...storedOrder('L-2', 2000), orderId: undefined } as unknown as StoredOrder;
      let error: unknown;
      try {
        await store.putOrders([storedOrder('L-1', 1000), bad]);
      } catch (e) {
        error = e;
      }
      expect((error as DOMException | undefined)?.name).to.equal('DataError');
      expect(await store.getAllOrders()).to.deep.equal([]);
    });
  });

  describe('queries', () => {
    it('lists orders by placedAt and by status, oldest first', async () => {
      await store.putOrders([
        storedOrder('L-3', 3000),
        storedOrder('L-1', 1000, { status: 'in-progress' }),
        storedOrder('L-2', 2000),
        storedOrder('A-9', 500),
      ]);
      expect((await store.getAllOrders()).map((o) => o.orderId)).to.deep.equal(['A-9', 'L-1', 'L-2', 'L-3']);
      expect((await store.getOrdersByStatus('new')).map((o) => o.orderId)).to.deep.equal(['A-9', 'L-2', 'L-3']);
      expect((await store.getOrdersByStatus('in-progress')).map((o) => o.orderId)).to.deep.equal(['L-1']);
      expect(await store.getOrdersByStatus('archived')).to.deep.equal([]);
      expect(await store.getOrder('locally', 'nope')).to.equal(undefined);
    });

    it('emits the stored orders on subscribe and after each change', async () => {
      await store.putOrders([storedOrder('L-1', 1000)]);
      const seen: string[][] = [];
      const subscription = store.orders$.subscribe((orders) => seen.push(orders.map((o) => o.orderId)));
      try {
        await nextMatching(store.orders$, (orders) => orders.length === 1);
        await store.putOrders([storedOrder('L-2', 2000)]);
        await nextMatching(store.orders$, (orders) => orders.length === 2);
        expect(seen).to.deep.equal([['L-1'], ['L-1', 'L-2']]);
      } finally {
        subscription.unsubscribe();
      }
    });
  });

  describe('applyStatusChange', () => {
    beforeEach(async () => {
      await store.putOrders([storedOrder('L-1', 1000)]);
      changes = 0;
    });

    it('writes the status, the history entry and the outbox message together', async () => {
      let queued = 0;
      store.onDidQueueOutboxMessage(() => queued++);
      const updated = await store.applyStatusChange({
        source: 'locally',
        orderId: 'L-1',
        expectedRevision: 0,
        to: 'in-progress',
        by: 'Piet',
        at: 5000,
        note: 'accepted at the counter',
        outbox: acceptMessage('L-1', 5000),
        patch: { transactionId: 'T-7' },
      });
      expect(updated).to.include({ status: 'in-progress', revision: 1, updatedAt: 5000, transactionId: 'T-7' });
      expect(await store.getOrder('locally', 'L-1')).to.deep.equal(updated);

      const history = await store.getHistory('locally', 'L-1');
      expect(history).to.have.length(1);
      expect(history[0]).to.deep.include({ from: 'new', to: 'in-progress', at: 5000, by: 'Piet', note: 'accepted at the counter' });
      expect(history[0]?.id).to.be.a('number');

      const outbox = await store.getPendingOutbox(5000);
      expect(outbox).to.have.length(1);
      expect(outbox[0]).to.deep.include({ kind: 'accept', orderId: 'L-1', attempts: 0 });
      expect(changes).to.equal(1);
      expect(queued).to.equal(1);
    });

    it('writes none of them when the revision is stale', async () => {
      await store.applyStatusChange({ source: 'locally', orderId: 'L-1', to: 'in-progress', by: 'Piet', at: 5000 });
      let error: unknown;
      try {
        await store.applyStatusChange({
          source: 'locally',
          orderId: 'L-1',
          expectedRevision: 0,
          to: 'cancelled',
          by: 'Joke',
          at: 6000,
          outbox: { ...acceptMessage('L-1', 6000), kind: 'decline' },
        });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(RevisionConflictError);
      expect((error as RevisionConflictError).actualRevision).to.equal(1);
      expect(await store.getOrder('locally', 'L-1')).to.include({ status: 'in-progress', revision: 1 });
      expect(await store.getHistory('locally', 'L-1')).to.have.length(1);
      expect(await store.getPendingOutbox(Number.MAX_SAFE_INTEGER)).to.deep.equal([]);
      expect(changes).to.equal(1);
    });

    it('rejects a change of an unknown order', async () => {
      let error: unknown;
      try {
        await store.applyStatusChange({ source: 'locally', orderId: 'L-404', to: 'cancelled', by: 'Piet', at: 1 });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(OrderNotFoundError);
      expect(await store.getHistory('locally', 'L-404')).to.deep.equal([]);
    });

    it('writes none of them when the outbox message cannot be stored', async () => {
      let error: unknown;
      try {
        await store.applyStatusChange({
          source: 'locally',
          orderId: 'L-1',
          to: 'in-progress',
          by: 'Piet',
          at: 5000,
          // Fails on the last of the three writes.
          outbox: { ...acceptMessage('L-1', 5000), payload: { send: () => 1 } },
        });
      } catch (e) {
        error = e;
      }
      expect((error as DOMException | undefined)?.name).to.equal('DataCloneError');
      expect(await store.getOrder('locally', 'L-1')).to.include({ status: 'new', revision: 0 });
      expect(await store.getHistory('locally', 'L-1')).to.deep.equal([]);
      expect(await store.getPendingOutbox(Number.MAX_SAFE_INTEGER)).to.deep.equal([]);
      expect(changes).to.equal(0);
    });
  });

  describe('outbox', () => {
    it('returns due messages in nextAttemptAt order, reschedules and removes them', async () => {
      const first = await store.putOutbox({ ...acceptMessage('L-1', 100), nextAttemptAt: 300 });
      const second = await store.putOutbox({ ...acceptMessage('L-2', 100), nextAttemptAt: 200 });
      await store.putOutbox({ ...acceptMessage('L-3', 100), nextAttemptAt: 900 });

      expect((await store.getPendingOutbox(300)).map((m) => m.id)).to.deep.equal([second, first]);

      const [due] = await store.getPendingOutbox(200);
      await store.putOutbox({ ...due!, attempts: 1, nextAttemptAt: 1000, lastError: 'HTTP 503' });
      expect((await store.getPendingOutbox(300)).map((m) => m.id)).to.deep.equal([first]);

      await store.removeOutbox(first);
      expect(await store.getPendingOutbox(300)).to.deep.equal([]);
      expect(await store.getPendingOutbox(1000)).to.have.length(2);
    });
  });

  describe('links, sync state and preferences', () => {
    it('stores and reads them back', async () => {
      await store.putCustomerLink({ source: 'locally', providerCustomerId: 'C-1', hostCustomerId: 'K-9', linkedAt: 1, by: 'Piet' });
      await store.putProductLink({ source: 'locally', lineIdentifier: '08712345678906', productId: 'P-3', linkedAt: 2, by: 'Piet' });
      await store.putSyncState({ source: 'locally', cursor: 'c-42', lastPollAt: 3, failures: 0 });
      await store.setPreference('filter', { showClosed: true });

      expect(await store.getCustomerLink('locally', 'C-1')).to.include({ hostCustomerId: 'K-9' });
      expect(await store.getCustomerLink('other', 'C-1')).to.equal(undefined);
      expect(await store.getProductLink('locally', '08712345678906')).to.include({ productId: 'P-3' });
      expect(await store.getSyncState('locally')).to.include({ cursor: 'c-42' });
      expect(await store.getPreference<{ showClosed: boolean }>('filter')).to.deep.equal({ showClosed: true });
      expect(await store.getPreference('missing')).to.equal(undefined);
    });
  });

  describe('markSeen and setKeptOpen', () => {
    it('marks unseen orders once, without a revision bump', async () => {
      await store.putOrders([storedOrder('L-1', 1000), storedOrder('L-2', 2000)]);
      expect(await store.markSeen([{ source: 'locally', orderId: 'L-1' }], 7000)).to.equal(1);
      expect(await store.markSeen(await store.getAllOrders(), 8000)).to.equal(1);
      expect(await store.getOrder('locally', 'L-1')).to.include({ seenAt: 7000, revision: 0 });
      expect(await store.getOrder('locally', 'L-2')).to.include({ seenAt: 8000 });
      expect(await store.markSeen(await store.getAllOrders(), 9000)).to.equal(0);
    });

    it('records keptOpen without a revision bump, and only when it changes', async () => {
      await store.putOrders([storedOrder('L-1', 1000, { keptOpen: false })]);
      expect(await store.setKeptOpen('locally', 'L-1', true, 4000)).to.include({ keptOpen: true, revision: 0, updatedAt: 4000 });
      expect(await store.getOrder('locally', 'L-1')).to.include({ keptOpen: true, revision: 0 });
      changes = 0;
      expect(await store.setKeptOpen('locally', 'L-1', true, 5000)).to.include({ revision: 0, updatedAt: 4000 });
      expect(changes).to.equal(0);
      expect(await store.setKeptOpen('locally', 'nope', true)).to.equal(undefined);
    });
  });

  describe('close', () => {
    it('completes orders$ and rejects later calls', async () => {
      let completed = false;
      const subscription = store.orders$.subscribe({ complete: () => (completed = true) });
      await nextMatching(store.orders$, () => true);
      store.close();
      expect(completed).to.equal(true);
      subscription.unsubscribe();
      let error: unknown;
      try {
        await store.getAllOrders();
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(OrderStoreDisposedError);
    });
  });
});

describe('OrderStore in a container', () => {
  it('is resolved as a singleton with its options injected', async () => {
    const dbName = uniqueDbName();
    const container = new Container();
    container.bind<OrderStoreOptions>(OrderStoreOptions).toConstantValue({ dbName });
    container.bind(OrderStore).toSelf().inSingletonScope();
    const store = container.get(OrderStore);
    try {
      expect(container.get(OrderStore)).to.equal(store);
      expect(await store.putOrders([storedOrder('L-1', 1000)])).to.equal(1);
    } finally {
      await cleanUp(dbName, store);
    }
  });
});
