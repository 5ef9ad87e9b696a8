import { expect } from '@open-wc/testing';
import type { Container } from 'inversify';
import type { ShellClock } from '../../shell/host/shell-clock.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import { createPluginContainer } from '../../src/plugin-container.js';
import type { OutboxMessage } from '../../src/services/store/order-model.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { readLocallyOrder } from '../../src/services/sync/locally/locally-order-schema.js';
import {
  OrderSource,
  OrderSourceError,
  type OrderChangesPage,
  type SendOutcome,
} from '../../src/services/sync/order-source.js';
import { OrderSync, SyncRandom } from '../../src/services/sync/order-sync.js';
import { wireOrder } from '../helpers/locally-wire.js';
import { fetchManifest, startShell, until } from '../helpers/plugin-fixture.js';

const MINUTE = 60_000;

/** An order source in memory: a change log with numeric cursors, faults on demand, slow answers on demand. */
class FakeSource implements OrderSource {
  readonly id = 'locally';
  readonly label = 'Locally';
  readonly log: unknown[] = [];
  readonly failures: OrderSourceError[] = [];
  readonly sent: OutboxMessage[] = [];
  sendFailures: OrderSourceError[] = [];
  refuse = false;
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;
  hold: Promise<void> | undefined;

  add(...orders: unknown[]): void {
    this.log.push(...orders);
  }

  async fetchChanges(cursor: string | undefined): Promise<OrderChangesPage> {
    this.calls++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.hold;
      const failure = this.failures.shift();
      if (failure) throw failure;
      const from = cursor ? Number(cursor) : 0;
      const slice = this.log.slice(from, from + 2);
      return { received: slice.map(readLocallyOrder), nextCursor: String(from + slice.length), hasMore: from + slice.length < this.log.length };
    } finally {
      this.inFlight--;
    }
  }

  send(message: OutboxMessage): Promise<SendOutcome> {
    const failure = this.sendFailures.shift();
    if (failure) return Promise.reject(failure);
    if (this.refuse) return Promise.resolve({ kind: 'refused', reason: 'Locally weigert deze stap' });
    this.sent.push(message);
    return Promise.resolve({ kind: 'sent' });
  }
}

describe('the polling service', () => {
  let shell: ShellHost;
  let clock: ShellClock;
  let container: Container;
  let source: FakeSource;
  let sync: OrderSync;
  let store: OrderStore;
  let stop: () => void;

  beforeEach(async () => {
    ({ shell, clock } = await startShell());
    container = createPluginContainer(shell.forPlugin(await fetchManifest()));
    source = new FakeSource();
    container.unbind(OrderSource);
    container.bind(OrderSource).toConstantValue(source);
    container.rebind(SyncRandom).toConstantValue(() => 0.5);
    store = container.get(OrderStore);
    sync = container.get(OrderSync);
    const started = sync.start();
    stop = () => started.dispose();
    // Taking the lead polls at once.
    await until(() => sync.status.leader && !sync.status.polling && source.calls === 1, 'first poll on taking the lead');
  });

  afterEach(() => {
    stop();
    store.dispose();
    shell.dispose();
  });

  /** Moves virtual time and waits until the poll it started (if any) is done. */
  async function advance(ms: number): Promise<void> {
    await clock.advanceAsync(ms);
    await until(() => !sync.status.polling, 'poll finished');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await until(() => !sync.status.polling, 'poll finished');
  }

  it('polls again after the interval (5 minutes), not before', async () => {
    await advance(5 * MINUTE - 1);
    expect(source.calls).to.equal(1);
    await advance(1);
    expect(source.calls).to.equal(2);
  });

  it('stores new orders once, with their payload, whatever is delivered twice; a poll that finds nothing writes nothing', async () => {
    let pages = 0;
    const record = store.recordReceived.bind(store);
    store.recordReceived = (page) => {
      pages++;
      return record(page);
    };
    source.add(wireOrder({ id: 'A1' }), wireOrder({ id: 'A1' }), wireOrder({ id: 'B2', type: 'reserve', payment: undefined }));
    await sync.checkNow();
    const orders = await store.getAllOrders();
    expect(orders.map((o) => [o.orderId, o.status, o.type])).to.have.deep.members([
      ['A1', 'received', 'buy'],
      ['B2', 'received', 'reserve'],
    ]);
    expect(orders.find((o) => o.orderId === 'A1')!.raw).to.deep.include({ id: 'A1' });
    expect(pages).to.equal(2);

    // Delivered again after a restart from an old cursor: nothing is added twice.
    source.add(wireOrder({ id: 'A1' }));
    await sync.checkNow();
    expect(await store.getAllOrders()).to.have.length(2);

    const written = pages;
    await sync.checkNow();
    await advance(5 * MINUTE);
    expect(pages, 'empty polls write nothing').to.equal(written);
  });

  it('keeps a malformed order with its reasons, quarantines one without an id, and cancels on a provider change', async () => {
    source.add(wireOrder({ id: 'OK1' }), wireOrder({ id: 'BAD1', lines: 'geen' }), { id: 7, total: 'x' });
    await sync.checkNow();
    expect((await store.getOrder('locally', 'BAD1'))?.status).to.equal('processing-failed');
    expect((await store.getOrder('locally', 'BAD1'))?.problems?.length).to.be.greaterThan(0);
    expect((await store.getQuarantined()).map((q) => q.raw)).to.deep.equal([{ id: 7, total: 'x' }]);

    source.add(wireOrder({ id: 'OK1', status: 'cancelled-by-customer', updatedAt: '2026-11-27T11:00:00.000Z' }));
    await sync.checkNow();
    expect((await store.getOrder('locally', 'OK1'))?.status).to.equal('cancelled');
    const history = await store.getHistory('locally', 'OK1');
    expect(history.map((h) => [h.from, h.to, h.by])).to.deep.equal([['received', 'cancelled', 'Locally']]);
  });

  it('never polls twice at once', async () => {
    let release!: () => void;
    source.hold = new Promise((resolve) => (release = resolve));
    const first = sync.checkNow();
    const second = sync.checkNow();
    await clock.advanceAsync(10 * MINUTE);
    release();
    await Promise.all([first, second]);
    expect(source.maxInFlight).to.equal(1);
  });

  it('backs off with jitter after failures, resets after a success, and honours Retry-After exactly', async () => {
    source.failures.push(new OrderSourceError('server', 'storing (503)'), new OrderSourceError('server', 'storing (503)'));
    await sync.checkNow();
    expect(sync.status.failures).to.equal(1);
    // Backoff after one failure: random 0.5 × 15 s.
    await advance(7_499);
    expect(source.calls).to.equal(2);
    await advance(1);
    expect(source.calls).to.equal(3);
    expect(sync.status.failures).to.equal(2);
    // After two: 0.5 × 30 s; this one succeeds and the interval returns.
    await advance(15_000);
    expect(source.calls).to.equal(4);
    expect(sync.status.failures).to.equal(0);
    await advance(5 * MINUTE - 1);
    expect(source.calls).to.equal(4);

    source.failures.push(new OrderSourceError('rate-limited', 'te veel verzoeken', 30_000));
    await advance(1);
    expect(source.calls).to.equal(5);
    await advance(29_999);
    expect(source.calls).to.equal(5);
    await advance(1);
    expect(source.calls).to.equal(6);
  });

  it('pauses while offline and polls at once when back online', async () => {
    window.dispatchEvent(new Event('offline'));
    await advance(20 * MINUTE);
    expect(source.calls).to.equal(1);
    window.dispatchEvent(new Event('online'));
    await until(() => source.calls === 2, 'poll when back online');
  });

  it('does not poll on a till that does not import eCommerce orders', async () => {
    await shell.forPlugin(await fetchManifest()).settings.update('locally.importOnThisTill', false);
    await advance(20 * MINUTE);
    expect(source.calls).to.equal(1);
    expect(sync.status.importsHere).to.equal(false);
  });

  it('sends an order\'s messages in the order they were queued, even when the first one has to wait', async () => {
    source.add(wireOrder({ id: 'Q1' }));
    await sync.checkNow();
    const queue = (kind: 'accept' | 'ready-for-pickup', to: 'in-progress' | 'ready-for-pickup') => {
      const at = clock.now();
      return store.applyStatusChange({
        source: 'locally', orderId: 'Q1', to, by: 'test', at,
        outbox: { source: 'locally', orderId: 'Q1', kind, createdAt: at, attempts: 0, nextAttemptAt: at },
      });
    };
    source.sendFailures.push(new OrderSourceError('server', 'storing (503)'));
    await queue('accept', 'in-progress');
    await until(async () => (await store.getPendingOutbox(Number.MAX_SAFE_INTEGER))[0]?.attempts === 1, 'accept failed once');
    await queue('ready-for-pickup', 'ready-for-pickup');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(source.sent, 'ready-for-pickup waits for accept').to.deep.equal([]);
    await advance(5 * MINUTE);
    await until(() => source.sent.length === 2, 'both sent');
    expect(source.sent.map((m) => m.kind)).to.deep.equal(['accept', 'ready-for-pickup']);
  });

  it('sends the outbox after storing, retries with backoff, and keeps a refusal with its reason', async () => {
    source.add(wireOrder({ id: 'O1' }));
    await sync.checkNow();
    const at = clock.now();
    source.sendFailures.push(new OrderSourceError('offline', 'geen verbinding'));
    await store.applyStatusChange({
      source: 'locally', orderId: 'O1', to: 'new', by: 'test', at,
      outbox: { source: 'locally', orderId: 'O1', kind: 'accept', createdAt: at, attempts: 0, nextAttemptAt: at },
    });
    await until(async () => (await store.getPendingOutbox(Number.MAX_SAFE_INTEGER))[0]?.attempts === 1, 'first attempt failed');
    const [waiting] = await store.getPendingOutbox(Number.MAX_SAFE_INTEGER);
    expect(waiting!.lastError).to.equal('geen verbinding');
    expect(waiting!.nextAttemptAt).to.equal(at + 7_500);

    await advance(5 * MINUTE);
    expect(source.sent.map((m) => m.kind)).to.deep.equal(['accept']);
    expect(await store.getPendingOutbox(Number.MAX_SAFE_INTEGER)).to.deep.equal([]);

    source.refuse = true;
    const refused = new Promise<string>((resolve) => sync.onDidRefuseMessage((r) => resolve(r.reason)));
    await store.applyStatusChange({
      source: 'locally', orderId: 'O1', to: 'in-progress', by: 'test', at: clock.now(),
      outbox: { source: 'locally', orderId: 'O1', kind: 'ready-for-pickup', createdAt: clock.now(), attempts: 0, nextAttemptAt: clock.now() },
    });
    expect(await refused).to.equal('Locally weigert deze stap');
    const [kept] = await store.getPendingOutbox(Number.MAX_SAFE_INTEGER);
    expect(kept).to.include({ kind: 'ready-for-pickup', lastError: 'Locally weigert deze stap' });
  });
});
