import { expect } from '@open-wc/testing';
import type { LocallyOrder } from '../../mocks/locally/locally-order.js';
import { createLocallySimulator } from '../../mocks/locally/locally-simulator.js';
import { api, changes, post, SimulatorKit, START, type Page } from './simulator-test-kit.js';

const HOUR = 3_600_000;
const kit = new SimulatorKit('locally-simulator-test');

describe('Locally simulator API', () => {
  before(() => kit.start());
  after(() => kit.stop());

  describe('credentials', () => {
    it('answers 401 without, or with a wrong, store id or key, and never echoes the key', async () => {
      kit.create();
      const cases: Record<string, string>[] = [
        {},
        { 'X-Locally-Store-Id': 'demo-store' },
        { Authorization: 'Bearer demo-key' },
        { 'X-Locally-Store-Id': 'other-store', Authorization: 'Bearer demo-key' },
        { 'X-Locally-Store-Id': 'demo-store', Authorization: 'Bearer wrong-secret-key' },
        { 'X-Locally-Store-Id': 'demo-store', Authorization: 'demo-key' },
      ];
      for (const headers of cases) {
        const response = await fetch('/locally-api/v1/orders/changes', { headers });
        expect(response.status, JSON.stringify(headers)).to.equal(401);
        const text = await response.text();
        expect(JSON.parse(text)).to.include({ error: 'unauthorized' });
        expect(text).not.to.contain('wrong-secret-key');
      }
      const one = await fetch('/locally-api/v1/orders/ABC123', { headers: { 'X-Locally-Store-Id': 'demo-store' } });
      expect(one.status).to.equal(401);
      const action = await fetch('/locally-api/v1/orders/ABC123/accept', { method: 'POST' });
      expect(action.status).to.equal(401);
    });

    it('accepts the store id and key it was given', async () => {
      kit.create({ storeId: 'fietsen-utrecht', apiKey: 'k-123' });
      const ok = await fetch('/locally-api/v1/orders/changes', {
        headers: { 'X-Locally-Store-Id': 'fietsen-utrecht', Authorization: 'Bearer k-123' },
      });
      expect(ok.status).to.equal(200);
      expect((await api('/v1/orders/changes')).status).to.equal(401);
    });
  });

  describe('changes', () => {
    it('starts empty, then lists new orders in pages with a cursor and hasMore', async () => {
      const { simulator, clock } = kit.create();
      const empty = await changes();
      expect(empty).to.deep.equal({ orders: [], nextCursor: 'c-000000', hasMore: false });

      const placed: LocallyOrder[] = [];
      for (let i = 0; i < 5; i++) {
        placed.push(await simulator.placeOrder(i % 2 === 0 ? 'buy' : 'reserve'));
        clock.advance(60_000);
      }
      const first = await changes(undefined, 2);
      expect(first.orders.map((o) => o.id)).to.deep.equal(placed.slice(0, 2).map((o) => o.id));
      expect(first.hasMore).to.equal(true);
      expect(first.nextCursor).to.match(/^c-\d{6}$/);
      const second = await changes(first.nextCursor, 2);
      expect(second.orders.map((o) => o.id)).to.deep.equal(placed.slice(2, 4).map((o) => o.id));
      expect(second.hasMore).to.equal(true);
      const third = await changes(second.nextCursor, 2);
      expect(third.orders.map((o) => o.id)).to.deep.equal([placed[4]!.id]);
      expect(third.hasMore).to.equal(false);
      const none = await changes(third.nextCursor, 2);
      expect(none).to.deep.equal({ orders: [], nextCursor: third.nextCursor, hasMore: false });

      // The default limit (50) takes everything at once.
      const all = await changes();
      expect(all.orders).to.have.length(5);
      expect(all.hasMore).to.equal(false);
    });

    it('lists a changed order again after the cursor, with a later updatedAt', async () => {
      const { simulator, clock } = kit.create();
      const a = await simulator.placeOrder('buy');
      const b = await simulator.placeOrder('reserve');
      const read = await changes();
      expect(read.orders.map((o) => o.id)).to.deep.equal([a.id, b.id]);
      clock.advance(10 * 60_000);
      expect((await post(a.id, 'accept')).status).to.equal(200);
      const again = await changes(read.nextCursor);
      expect(again.orders.map((o) => [o.id, o.status])).to.deep.equal([[a.id, 'accepted']]);
      expect(Date.parse(again.orders[0]!.updatedAt)).to.be.greaterThan(Date.parse(a.updatedAt));
      // From the start, each order once, in order of its last change.
      expect((await changes()).orders.map((o) => o.id)).to.deep.equal([b.id, a.id]);
    });

    it('refuses a cursor it did not hand out, and a limit outside 1–100', async () => {
      kit.create();
      expect((await api('/v1/orders/changes?cursor=garbage')).status).to.equal(400);
      expect((await api('/v1/orders/changes?limit=0')).status).to.equal(400);
      expect((await api('/v1/orders/changes?limit=101')).status).to.equal(400);
      expect((await api('/v1/orders/changes?limit=100')).status).to.equal(200);
    });

    it('shows a customer cancellation as a change', async () => {
      const { simulator } = kit.create();
      const order = await simulator.placeOrder('reserve');
      const read = await changes();
      await simulator.cancelByCustomer(order.id);
      const again = await changes(read.nextCursor);
      expect(again.orders.map((o) => [o.id, o.status])).to.deep.equal([[order.id, 'cancelled-by-customer']]);
      // Cancelled already: the shopper cannot cancel twice, and the store cannot accept it.
      await expectRejects(simulator.cancelByCustomer(order.id));
      expect((await post(order.id, 'accept')).status).to.equal(409);
    });

    it('auto-cancels open orders once the acceptance window has passed, as a change', async () => {
      const { simulator, clock } = kit.create();
      const early = await simulator.placeOrder('buy');
      clock.advance(HOUR);
      const answered = await simulator.placeOrder('buy');
      clock.advance(HOUR);
      const late = await simulator.placeOrder('reserve');
      await post(answered.id, 'accept');
      const read = await changes();
      expect(read.orders.every((o) => o.status !== 'auto-cancelled')).to.equal(true);

      clock.advance(2 * HOUR); // early: 4 h old
      const first = await changes(read.nextCursor);
      expect(first.orders.map((o) => [o.id, o.status])).to.deep.equal([[early.id, 'auto-cancelled']]);
      clock.advance(2 * HOUR); // late: 4 h old; the accepted one stays
      const second = await changes(first.nextCursor);
      expect(second.orders.map((o) => [o.id, o.status])).to.deep.equal([[late.id, 'auto-cancelled']]);
      expect((await simulator.getOrder(answered.id))?.status).to.equal('accepted');
      expect((await post(early.id, 'accept')).status).to.equal(409);
    });

    it('honours a custom acceptance window', async () => {
      const { simulator, clock } = kit.create({ acceptanceWindowMs: 8 * HOUR });
      const order = await simulator.placeOrder('buy');
      clock.advance(5 * HOUR);
      expect((await changes()).orders[0]!.status).to.equal('open');
      clock.advance(3 * HOUR);
      expect((await simulator.getOrder(order.id))?.status).to.equal('open'); // only reading the API expires
      expect((await changes()).orders[0]!.status).to.equal('auto-cancelled');
    });
  });

  describe('one order', () => {
    it('returns the order, or 404', async () => {
      const { simulator } = kit.create();
      const order = await simulator.placeOrder('buy');
      const response = await api(`/v1/orders/${order.id}`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('Content-Type')).to.contain('application/json');
      expect(await response.json()).to.deep.equal(order);
      const missing = await api('/v1/orders/NOPE99');
      expect(missing.status).to.equal(404);
      expect(await missing.json()).to.deep.equal({ error: 'not-found' });
    });

    it('has the shape of the contract', async () => {
      const { simulator } = kit.create();
      const buy = await simulator.placeOrder('buy');
      const reserve = await simulator.placeOrder('reserve');
      for (const order of [buy, reserve]) {
        expect(order.id).to.match(/^[A-Z0-9]{6}$/);
        expect(order.orderUrl).to.equal(`https://www.locally.com/orders/${order.id}`);
        expect(order.placedAt).to.equal(new Date(START).toISOString());
        expect(order.status).to.equal('open');
        expect(order.currency).to.equal('EUR');
        expect(order.total).to.match(/^\d+\.\d{2}$/);
        expect(order.lines.length).to.be.within(1, 3);
        const sum = order.lines.reduce((s, l) => s + Math.round(Number(l.unitPrice) * 100) * l.quantity, 0);
        expect((sum / 100).toFixed(2)).to.equal(order.total);
        for (const line of order.lines) {
          expect(line.quantity).to.be.within(1, 2);
          expect(line.unitPrice).to.match(/^\d+\.\d{2}$/);
          expect(line.vatRate).to.be.a('number');
        }
      }
      expect(buy.type).to.equal('buy');
      expect(buy.payment).to.include({ provider: 'stripe', amount: buy.total });
      expect(buy.payment!.last4).to.match(/^\d{4}$/);
      expect(buy.payment!.authorizationId).to.match(/^pi_/);
      expect(reserve.type).to.equal('reserve');
      expect(reserve).not.to.have.property('payment');
    });
  });

  describe('actions', () => {
    it('moves a bought order through accept, ready-for-pickup and picked-up', async () => {
      const { simulator } = kit.create();
      const order = await simulator.placeOrder('buy');
      for (const [action, status] of [
        ['accept', 'accepted'],
        ['ready-for-pickup', 'ready-for-pickup'],
        ['picked-up', 'picked-up'],
      ] as const) {
        const response = await post(order.id, action);
        expect(response.status, action).to.equal(200);
        expect(((await response.json()) as LocallyOrder).status).to.equal(status);
      }
      expect((await simulator.getOrder(order.id))?.status).to.equal('picked-up');
    });

    it('takes picked-up straight from accepted; a reservation needs its ROPIS method', async () => {
      const { simulator } = kit.create();
      const order = await simulator.placeOrder('reserve');
      await post(order.id, 'accept', {});
      expect((await post(order.id, 'picked-up', {})).status).to.equal(400);
      expect((await post(order.id, 'picked-up', { ropisMethod: 'somehow' })).status).to.equal(400);
      const done = await post(order.id, 'picked-up', { ropisMethod: 'picked-up-paid' });
      expect(done.status).to.equal(200);
      expect(((await done.json()) as LocallyOrder).status).to.equal('picked-up');
    });

    it('declines and cancels with a reason', async () => {
      const { simulator } = kit.create();
      const a = await simulator.placeOrder('buy');
      const b = await simulator.placeOrder('buy');
      const declined = await post(a.id, 'decline', { reason: 'Niet op voorraad' });
      expect(((await declined.json()) as LocallyOrder).status).to.equal('declined');
      await post(b.id, 'accept');
      await post(b.id, 'ready-for-pickup');
      const cancelled = await post(b.id, 'cancel', { reason: 'Klant belde' });
      expect(((await cancelled.json()) as LocallyOrder).status).to.equal('cancelled-by-store');
    });

    it('answers 200 for the same action again, and 409 with the order for a refused transition', async () => {
      const { simulator } = kit.create();
      const order = await simulator.placeOrder('buy');
      expect((await post(order.id, 'accept')).status).to.equal(200);
      const before = await changes();
      const repeat = await post(order.id, 'accept');
      expect(repeat.status).to.equal(200);
      expect(((await repeat.json()) as LocallyOrder).status).to.equal('accepted');
      // Reaching the same state is no change.
      expect((await changes(before.nextCursor)).orders).to.have.length(0);

      for (const action of ['decline']) {
        const refused = await post(order.id, action);
        expect(refused.status, action).to.equal(409);
        const body = (await refused.json()) as { error: string; order: LocallyOrder };
        expect(body.error).to.equal('conflict');
        expect(body.order.id).to.equal(order.id);
        expect(body.order.status).to.equal('accepted');
      }
      const fresh = await simulator.placeOrder('reserve');
      expect((await post(fresh.id, 'ready-for-pickup')).status).to.equal(409);
      expect((await post(fresh.id, 'picked-up', { ropisMethod: 'picked-up-paid' })).status).to.equal(409);
      await post(fresh.id, 'cancel');
      for (const action of ['accept', 'decline', 'ready-for-pickup', 'picked-up']) {
        const refused = await post(fresh.id, action, { ropisMethod: 'not-picked-up' });
        expect(refused.status, action).to.equal(409);
      }
    });

    it('answers 404 for an unknown order or action', async () => {
      const { simulator } = kit.create();
      const order = await simulator.placeOrder('buy');
      expect((await post('NOPE99', 'accept')).status).to.equal(404);
      expect((await post(order.id, 'refund')).status).to.equal(404);
    });

    it('replays the first answer for a repeated Idempotency-Key', async () => {
      const { simulator } = kit.create();
      const order = await simulator.placeOrder('buy');
      const key = `locally:${order.id}:accept:1`;
      const first = await post(order.id, 'accept', undefined, key);
      const firstBody = (await first.json()) as LocallyOrder;
      expect(first.status).to.equal(200);
      const cursor = (await changes()).nextCursor;

      // The customer cancels meanwhile; a repeat of the accept still gets the first answer and changes nothing.
      await simulator.cancelByCustomer(order.id);
      const afterCancel = (await changes(cursor)).nextCursor;
      const repeat = await post(order.id, 'accept', undefined, key);
      expect(repeat.status).to.equal(200);
      expect(await repeat.json()).to.deep.equal(firstBody);
      expect((await changes(afterCancel)).orders).to.have.length(0);
      // A new key is a new request: refused now.
      expect((await post(order.id, 'accept', undefined, `locally:${order.id}:accept:2`)).status).to.equal(409);

      // A refusal is a first answer too.
      const refusedKey = `locally:${order.id}:ready-for-pickup:3`;
      const refused = await post(order.id, 'ready-for-pickup', undefined, refusedKey);
      expect(refused.status).to.equal(409);
      const again = await post(order.id, 'ready-for-pickup', undefined, refusedKey);
      expect(again.status).to.equal(409);
      expect(await again.json()).to.deep.equal(await refused.json());
    });
  });

  describe('state', () => {
    it('survives a new simulator on the same database (a reload)', async () => {
      const { simulator, clock, dbName } = kit.create();
      const order = await simulator.placeOrder('buy');
      const key = `locally:${order.id}:accept:9`;
      const first = (await (await post(order.id, 'accept', undefined, key)).json()) as LocallyOrder;
      await simulator.setFault('malformed-json', { probability: 0.5 });
      simulator.dispose();

      const reloaded = createLocallySimulator({ dbName, now: clock.now });
      kit.serve(reloaded);
      try {
        expect(await reloaded.getOrder(order.id)).to.deep.equal(first);
        expect((await reloaded.getFaults())['malformed-json']).to.deep.equal({ probability: 0.5 });
        await reloaded.clearFaults();
        expect(await (await post(order.id, 'accept', undefined, key)).json()).to.deep.equal(first);
        const next = await reloaded.placeOrder('reserve');
        expect(next.id).not.to.equal(order.id);
        expect((await changes()).orders.map((o) => o.id)).to.deep.equal([order.id, next.id]);
      } finally {
        reloaded.dispose();
      }
    });

    it('keeps counting changes after a reset, so an old cursor does not hide new orders', async () => {
      const { simulator } = kit.create();
      await simulator.placeOrder('buy');
      await simulator.placeOrder('buy');
      const cursor = (await changes()).nextCursor;
      await simulator.setFault('offline', 'on');
      await simulator.reset();
      expect(await simulator.listOrders()).to.deep.equal([]);
      expect((await simulator.getFaults()).offline).to.equal('off');
      const fresh = await simulator.placeOrder('reserve');
      expect((await changes(cursor)).orders.map((o) => o.id)).to.deep.equal([fresh.id]);
    });

    it('tells listeners about changes, also from another instance (another tab)', async () => {
      const { simulator, dbName, clock } = kit.create();
      const other = createLocallySimulator({ dbName, now: clock.now });
      let here = 0;
      let there = 0;
      const a = simulator.onDidChange(() => here++);
      const b = other.onDidChange(() => there++);
      try {
        await simulator.placeOrder('buy');
        await waitFor(() => here > 0 && there > 0);
        expect((await other.listOrders()).length).to.equal(1);
      } finally {
        a.dispose();
        b.dispose();
        other.dispose();
      }
    });

    it('places orders with overrides, recomputing the total and payment', async () => {
      const { simulator } = kit.create();
      const order = await simulator.placeOrder('buy', {
        id: 'TEST01',
        note: 'Graag <i>snel</i> & netjes',
        lines: [{ lineId: '1', upc: '4026495366892', description: 'Band', quantity: 2, unitPrice: '45.00', vatRate: 21 }],
      });
      expect(order.id).to.equal('TEST01');
      expect(order.total).to.equal('90.00');
      expect(order.payment?.amount).to.equal('90.00');
      await expectRejects(simulator.placeOrder('buy', { id: 'TEST01' }));
      const reserve = await simulator.placeOrder('reserve', { kind: 'unknown-customer' });
      expect(reserve).not.to.have.property('payment');
    });
  });
});

async function expectRejects(promise: Promise<unknown>): Promise<void> {
  let failed = false;
  try {
    await promise;
  } catch {
    failed = true;
  }
  expect(failed, 'expected a rejection').to.equal(true);
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export type { Page };
