import { LazyModules } from '../../src/contributions/lazy-modules.js';
import { expect } from '@open-wc/testing';
import type { Container } from 'inversify';
import type { ShellHost } from '../../shell/host/shell-host.js';
import type { ShellClock } from '../../shell/host/shell-clock.js';
import type { Product } from '../../src/host/products.js';
import type { Transaction } from '../../src/host/transactions.js';
import { OrderLifecycleService, type StagedChange } from '../../src/services/lifecycle/order-lifecycle-service.js';
import type { OrderStatus, OrderType, StoredOrder } from '../../src/services/store/order-model.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { createPluginContainer } from '../../src/plugin-container.js';
import { customerDraft, productDraft } from '../shell/data/shell-data-fixture.js';
import { fetchManifest, startShell, storedOrder } from '../helpers/plugin-fixture.js';

// The status changes staff make, against the plugin's real order store and the shell's real
// transactions (the plugin's container without its contributions: no poller, no import runner).
describe('OrderLifecycleService', function () {
  this.timeout(30_000);
  let shell: ShellHost;
  let clock: ShellClock;
  let container: Container;
  let store: OrderStore;
  let lifecycle: OrderLifecycleService;
  let tyre: Product;

  beforeEach(async () => {
    ({ shell, clock } = await startShell());
    container = createPluginContainer(shell.forPlugin(await fetchManifest()));
    // The lifecycle service belongs to the screen's module, loaded when the screen opens.
    await container.get(LazyModules).screen();
    store = container.get(OrderStore);
    lifecycle = container.get(OrderLifecycleService);
    // storedOrder()'s line is this tyre (same EAN).
    tyre = await shell.data.products.create(productDraft({ stock: 10 }));
  });

  afterEach(() => {
    store.dispose();
    shell.dispose();
  });

  /** A stored order in `status`, with a kept-open host transaction when the import would have made one. */
  async function seed(status: OrderStatus, type: OrderType = 'buy', withTransaction = true): Promise<{ order: StoredOrder; transaction?: Transaction }> {
    const base = storedOrder({ status, type, keptOpen: withTransaction });
    let transaction: Transaction | undefined;
    if (withTransaction) {
      const line = base.order!.lines[0]!;
      const result = await shell.data.transactions.create({
        externalRef: `locally:${base.orderId}`,
        lines: [{ productId: tyre.id, description: line.description, quantity: line.quantity, unitPriceCents: line.unitPriceCents, vatRate: line.vatRate }],
        keptOpen: true,
      });
      transaction = result.transaction;
    }
    const order: StoredOrder = transaction ? { ...base, transactionId: transaction.id, barcode: transaction.barcode } : base;
    await store.putOrders([order]);
    return { order, ...(transaction ? { transaction } : {}) };
  }

  async function pendingOutbox() {
    return store.getPendingOutbox(Number.MAX_SAFE_INTEGER);
  }

  async function payAndFinalize(transaction: Transaction): Promise<void> {
    await shell.data.payments.record(transaction.id, { method: 'cash', label: 'Contant', amountCents: transaction.totalCents });
    await shell.data.transactions.finalize(transaction.id);
  }

  it('applies a mix row by row: status, history and outbox together for the allowed ones only, in order', async () => {
    const accept = await seed('new');
    const tooEarly = await seed('new');
    const ready = await seed('in-progress');
    const decline = await seed('customer-id-required', 'buy', false);
    const archive = await seed('product-link-failed', 'buy', false);
    const user = shell.session.user.name;
    clock.advance(60_000);
    const at = clock.now();

    const changes: StagedChange[] = [
      { order: accept.order, action: 'in-progress' },
      { order: tooEarly.order, action: 'completed' },
      { order: ready.order, action: 'ready-for-pickup' },
      // The same order again with the revision the screen showed: the first change made it stale.
      { order: accept.order, action: 'cancelled' },
      { order: decline.order, action: 'cancelled' },
      { order: archive.order, action: 'archived' },
      { order: decline.order, action: 'in-progress' },
    ];
    const outcomes = await lifecycle.applyAll(changes);

    expect(outcomes.map((outcome) => outcome.kind)).to.deep.equal(['applied', 'refused', 'applied', 'refused', 'applied', 'applied', 'refused']);
    expect(outcomes[1]).to.deep.equal({ kind: 'refused', reason: 'Van Nieuw naar Afgehandeld kan niet.' });
    expect(outcomes[3]).to.deep.equal({ kind: 'refused', reason: 'De bestelling is intussen veranderd; kijk opnieuw.' });

    const expected: [StoredOrder, OrderStatus, OrderStatus][] = [
      [accept.order, 'new', 'in-progress'],
      [ready.order, 'in-progress', 'ready-for-pickup'],
      [decline.order, 'customer-id-required', 'cancelled'],
      [archive.order, 'product-link-failed', 'archived'],
    ];
    for (const [order, from, to] of expected) {
      const stored = (await store.getOrder('locally', order.orderId))!;
      expect(stored).to.include({ status: to, revision: order.revision + 1, updatedAt: at });
      expect(await store.getHistory('locally', order.orderId)).to.deep.equal([
        { id: (await store.getHistory('locally', order.orderId))[0]!.id, source: 'locally', orderId: order.orderId, from, to, at, by: user },
      ]);
    }
    const applied = outcomes.filter((outcome) => outcome.kind === 'applied');
    expect(applied.map((outcome) => outcome.kind === 'applied' && outcome.order.status)).to.deep.equal(['in-progress', 'ready-for-pickup', 'cancelled', 'archived']);

    // The refused one is untouched.
    expect(await store.getOrder('locally', tooEarly.order.orderId)).to.deep.equal(tooEarly.order);
    expect(await store.getHistory('locally', tooEarly.order.orderId)).to.deep.equal([]);

    // One message per provider-visible change, queued in the order staff applied them; archiving tells nobody.
    const outbox = await pendingOutbox();
    expect(outbox.map(({ orderId, kind }) => [orderId, kind])).to.deep.equal([
      [accept.order.orderId, 'accept'],
      [ready.order.orderId, 'ready-for-pickup'],
      [decline.order.orderId, 'decline'],
    ]);
    expect(outbox.map((message) => message.id)).to.deep.equal([...outbox.map((message) => message.id)].sort((a, b) => a! - b!));
    for (const message of outbox) {
      expect(message).to.include({ source: 'locally', createdAt: at, attempts: 0, nextAttemptAt: at });
      expect(message).to.not.have.property('payload');
    }
  });

  it('refuses a change staged before another tab changed the order, and writes nothing', async () => {
    const { order } = await seed('in-progress');
    const otherTab = new OrderStore({ dbName: `${shell.dbName}:${(await fetchManifest()).id}:orders` });
    try {
      // Another tab puts it on "Gereed voor afhalen" and back: the same status, a newer revision.
      for (const to of ['ready-for-pickup', 'in-progress'] as const) {
        const current = (await otherTab.getOrder('locally', order.orderId))!;
        await otherTab.applyStatusChange({ source: 'locally', orderId: order.orderId, expectedRevision: current.revision, to, by: 'Anne', at: clock.now() });
      }
    } finally {
      otherTab.dispose();
    }
    const before = (await store.getOrder('locally', order.orderId))!;
    expect(before).to.include({ status: 'in-progress', revision: order.revision + 2 });
    const historyBefore = await store.getHistory('locally', order.orderId);

    expect(await lifecycle.apply({ order, action: 'cancelled' })).to.deep.equal({
      kind: 'refused',
      reason: 'De bestelling is intussen veranderd; kijk opnieuw.',
    });
    expect(await store.getOrder('locally', order.orderId)).to.deep.equal(before);
    expect(await store.getHistory('locally', order.orderId)).to.deep.equal(historyBefore);
    expect(await pendingOutbox()).to.deep.equal([]);

    // Staged again from the order as it is now, it goes through.
    expect((await lifecycle.apply({ order: before, action: 'cancelled' })).kind).to.equal('applied');
    expect((await pendingOutbox()).map((message) => message.kind)).to.deep.equal(['cancel']);
  });

  it('applies a change staged before "Blijf Open" was recorded, and keeps the mark', async () => {
    const { order: staged } = await seed('new', 'buy', false);
    expect(staged.keptOpen).to.equal(false);
    // Staff stage "In behandeling", then "Blijf Open" is recorded (the kept-open recorder) before they save.
    await store.setKeptOpen('locally', staged.orderId, true, clock.now());

    const outcome = await lifecycle.apply({ order: staged, action: 'in-progress' });
    expect(outcome.kind).to.equal('applied');
    expect(await store.getOrder('locally', staged.orderId)).to.include({ status: 'in-progress', keptOpen: true, revision: staged.revision + 1 });
  });

  it('refuses "Gereed voor afhalen" staged before "Blijf Open" was pressed, which it would lift unseen', async () => {
    const { order, transaction } = await seed('in-progress');
    await shell.data.transactions.setKeptOpen(transaction!.id, false);
    await store.setKeptOpen('locally', order.orderId, false);
    const staged = (await store.getOrder('locally', order.orderId))!;
    await shell.data.transactions.setKeptOpen(transaction!.id, true);
    await store.setKeptOpen('locally', order.orderId, true, clock.now());

    expect(await lifecycle.apply({ order: staged, action: 'ready-for-pickup' })).to.deep.equal({ kind: 'refused', reason: 'De bestelling is intussen veranderd; kijk opnieuw.' });
    expect(await shell.data.transactions.get(transaction!.id)).to.include({ keptOpen: true });
    // Staged again from the order as it is now, it goes through and lifts "Blijf Open" (DESIGN §4).
    const current = (await store.getOrder('locally', order.orderId))!;
    expect((await lifecycle.apply({ order: current, action: 'ready-for-pickup' })).kind).to.equal('applied');
    expect(await shell.data.transactions.get(transaction!.id)).to.include({ keptOpen: false });
  });

  it('stores the ROPIS bestelwijze on the order, in the history note and in the "picked up" payload', async () => {
    const { order, transaction } = await seed('ready-for-pickup', 'reserve');
    await payAndFinalize(transaction!);

    expect(await lifecycle.apply({ order, action: 'completed' })).to.deep.equal({ kind: 'refused', reason: 'Kies eerst de ROPIS bestelwijze.' });
    expect(await pendingOutbox()).to.deep.equal([]);

    const outcome = await lifecycle.apply({ order, action: 'completed', ropisMethod: 'picked-up-paid' });
    expect(outcome.kind).to.equal('applied');
    const stored = (await store.getOrder('locally', order.orderId))!;
    expect(stored).to.include({ status: 'completed', ropisMethod: 'picked-up-paid' });
    expect(outcome.kind === 'applied' && outcome.order).to.deep.equal(stored);
    expect((await store.getHistory('locally', order.orderId)).map(({ from, to, note }) => ({ from, to, note }))).to.deep.equal([
      { from: 'ready-for-pickup', to: 'completed', note: 'Opgehaald en betaald in de winkel' },
    ]);
    const [message, ...rest] = await pendingOutbox();
    expect(rest).to.deep.equal([]);
    expect(message).to.include({ orderId: order.orderId, kind: 'picked-up' });
    expect(message!.payload).to.deep.equal({ ropisMethod: 'picked-up-paid' });
  });

  it('completes a cancelled reservation with its ROPIS bestelwijze, telling the provider nothing more', async () => {
    const { order, transaction } = await seed('cancelled', 'reserve');
    // The shop's procedure: items removed, €0,00 eCommerce payment, finalized at €0,00.
    await shell.data.transactions.removeLines(transaction!.id, transaction!.lines.map((line) => line.id));
    await shell.data.payments.record(transaction!.id, { method: 'ecommerce', label: 'eCommerce', cardType: 'Stripe', amountCents: 0 });
    await shell.data.transactions.finalize(transaction!.id);

    const outcome = await lifecycle.apply({ order, action: 'completed', ropisMethod: 'cancelled-by-customer' });
    expect(outcome.kind).to.equal('applied');
    expect(await store.getOrder('locally', order.orderId)).to.include({ status: 'completed', ropisMethod: 'cancelled-by-customer' });
    expect((await store.getHistory('locally', order.orderId))[0]!.note).to.equal('Geannuleerd door de klant');
    expect(await pendingOutbox()).to.deep.equal([]);
  });

  it('refuses Afgehandeld while the transaction is open, and allows it after finalizing', async () => {
    const { order, transaction } = await seed('ready-for-pickup');

    expect(await lifecycle.apply({ order, action: 'completed' })).to.deep.equal({
      kind: 'refused',
      reason: 'Rond eerst de transactie af (Afronden als een verkoop); daarna kan de bestelling naar Afgehandeld.',
    });
    expect(await store.getOrder('locally', order.orderId)).to.deep.equal(order);
    expect(await store.getHistory('locally', order.orderId)).to.deep.equal([]);
    expect(await pendingOutbox()).to.deep.equal([]);

    await payAndFinalize(transaction!);
    const outcome = await lifecycle.apply({ order, action: 'completed' });
    expect(outcome.kind).to.equal('applied');
    expect(await store.getOrder('locally', order.orderId)).to.include({ status: 'completed' });
    expect(await store.getOrder('locally', order.orderId)).to.not.have.property('ropisMethod');
    const [message] = await pendingOutbox();
    expect(message).to.include({ kind: 'picked-up' });
    expect(message).to.not.have.property('payload');
  });

  it('Gereed voor afhalen lifts "Blijf Open", so the save at pickup offers to finalize', async () => {
    const { order, transaction } = await seed('in-progress');
    expect(transaction!.keptOpen).to.equal(true);

    const outcome = await lifecycle.apply({ order, action: 'ready-for-pickup' });
    expect(outcome.kind === 'applied' && outcome.order).to.include({ status: 'ready-for-pickup', keptOpen: false });
    expect((await shell.data.transactions.get(transaction!.id))!.keptOpen).to.equal(false);
  });

  it('"Verkoop afhandelen" imports again: refused with the problems while they last, applied once the order is Nieuw', async () => {
    const { order } = await seed('customer-id-required', 'buy', false);

    const first = await lifecycle.apply({ order, action: 'handle-sale' });
    expect(first.kind).to.equal('refused');
    expect(first.kind === 'refused' && first.reason).to.match(/klant/i);
    const still = (await store.getOrder('locally', order.orderId))!;
    expect(still.status).to.equal('customer-id-required');

    // Staff create the customer (as "Klant identificeren" would); the e-mail now matches exactly one.
    await shell.data.customers.create(customerDraft({ email: order.order!.customer.email }));
    const second = await lifecycle.apply({ order: still, action: 'handle-sale' });
    expect(second.kind).to.equal('applied');
    expect(second.kind === 'applied' && second.order.status).to.equal('new');
    expect(second.kind === 'applied' && second.order.transactionId).to.be.a('string');
    expect(await pendingOutbox()).to.deep.equal([]);

    // Only from the two statuses the import could not finish.
    const outcome = await lifecycle.apply({ order: (await seed('new')).order, action: 'handle-sale' });
    expect(outcome).to.deep.equal({ kind: 'refused', reason: 'Verkoop afhandelen kan niet bij status Nieuw.' });
  });

  it('refuses an order that is no longer stored, without throwing', async () => {
    expect(await lifecycle.apply({ order: storedOrder({ orderId: 'GONE-1' }), action: 'in-progress' })).to.deep.equal({
      kind: 'refused',
      reason: 'Bestelling GONE-1 bestaat niet meer.',
    });
  });
});
