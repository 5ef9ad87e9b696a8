import { expect } from '@open-wc/testing';
import { FAULT_NAMES, FaultSwitches, type FaultName } from '../../mocks/locally/faults.js';
import type { LocallyOrder } from '../../mocks/locally/locally-order.js';
import { api, changes, post, SimulatorKit } from './simulator-test-kit.js';

const kit = new SimulatorKit('locally-faults-test');

/** What a client sees of one request: a status, or a network error. */
async function outcome(request: Promise<Response>): Promise<number | 'network-error'> {
  try {
    return (await request).status;
  } catch {
    return 'network-error';
  }
}

describe('Locally simulator fault switches', () => {
  before(() => kit.start());
  after(() => kit.stop());

  it('offline: every endpoint fails as a network error', async () => {
    const { simulator } = kit.create();
    const order = await simulator.placeOrder('buy');
    await simulator.setFault('offline', 'on');
    expect(await outcome(api('/v1/orders/changes'))).to.equal('network-error');
    expect(await outcome(api(`/v1/orders/${order.id}`))).to.equal('network-error');
    expect(await outcome(post(order.id, 'accept'))).to.equal('network-error');
    expect((await simulator.getOrder(order.id))?.status).to.equal('open');
    await simulator.setFault('offline', 'off');
    expect(await outcome(api('/v1/orders/changes'))).to.equal(200);
  });

  it('server-error: 503 on every endpoint, and the action is not applied', async () => {
    const { simulator } = kit.create();
    const order = await simulator.placeOrder('buy');
    await simulator.setFault('server-error', 'on');
    expect(await outcome(api('/v1/orders/changes'))).to.equal(503);
    expect(await outcome(api(`/v1/orders/${order.id}`))).to.equal(503);
    expect(await outcome(post(order.id, 'accept'))).to.equal(503);
    expect((await simulator.getOrder(order.id))?.status).to.equal('open');
  });

  it('rate-limit: 429 with Retry-After: 30', async () => {
    const { simulator } = kit.create();
    const order = await simulator.placeOrder('reserve');
    await simulator.setFault('rate-limit', 'on');
    for (const request of [api('/v1/orders/changes'), post(order.id, 'accept')]) {
      const response = await request;
      expect(response.status).to.equal(429);
      expect(response.headers.get('Retry-After')).to.equal('30');
    }
  });

  it('faults come before the credentials check', async () => {
    const { simulator } = kit.create();
    await simulator.setFault('server-error', 'on');
    expect(await outcome(fetch('/locally-api/v1/orders/changes'))).to.equal(503);
    await simulator.clearFaults();
    expect(await outcome(fetch('/locally-api/v1/orders/changes'))).to.equal(401);
  });

  it('slow: answers after about 1.5 s of real time', async () => {
    const { simulator } = kit.create();
    await simulator.placeOrder('buy');
    await simulator.setFault('slow', 'on');
    const started = performance.now();
    const page = await changes();
    const took = performance.now() - started;
    expect(page.orders).to.have.length(1);
    expect(took).to.be.within(1_400, 4_000);
  });

  it('malformed-json: 200 with a body that is not JSON; an action is applied but its answer garbled', async () => {
    const { simulator } = kit.create();
    const order = await simulator.placeOrder('buy');
    await simulator.setFault('malformed-json', 'on');
    for (const request of [api('/v1/orders/changes'), api(`/v1/orders/${order.id}`)]) {
      const response = await request;
      expect(response.status).to.equal(200);
      expect(response.headers.get('Content-Type')).to.contain('application/json');
      const text = await response.text();
      expect(() => JSON.parse(text) as unknown).to.throw();
    }
    const key = `locally:${order.id}:accept:1`;
    const garbled = await post(order.id, 'accept', undefined, key);
    expect(garbled.status).to.equal(200);
    const garbledText = await garbled.text();
    expect(() => JSON.parse(garbledText) as unknown).to.throw();
    expect((await simulator.getOrder(order.id))?.status).to.equal('accepted');
    await simulator.clearFaults();
    const repeat = await post(order.id, 'accept', undefined, key);
    expect(((await repeat.json()) as LocallyOrder).status).to.equal('accepted');
  });

  it('truncated-page: 200 with the listing cut off mid-way; other endpoints are untouched', async () => {
    const { simulator } = kit.create();
    const order = await simulator.placeOrder('buy');
    await simulator.placeOrder('reserve');
    await simulator.setFault('truncated-page', 'on');
    const response = await api('/v1/orders/changes');
    expect(response.status).to.equal(200);
    const text = await response.text();
    expect(text.startsWith('{"orders":[')).to.equal(true);
    expect(() => JSON.parse(text) as unknown).to.throw();
    expect((await (await api(`/v1/orders/${order.id}`)).json()) as LocallyOrder).to.deep.equal(order);
  });

  it('duplicate-delivery: an order twice in the page and again in the next page', async () => {
    const { simulator } = kit.create();
    const a = await simulator.placeOrder('buy');
    const b = await simulator.placeOrder('buy');
    const c = await simulator.placeOrder('reserve');
    await simulator.setFault('duplicate-delivery', 'on');
    const first = await changes(undefined, 2);
    expect(first.orders.map((o) => o.id)).to.deep.equal([a.id, b.id, b.id]);
    expect(first.hasMore).to.equal(true);
    await simulator.setFault('duplicate-delivery', 'off');
    const second = await changes(first.nextCursor, 2);
    expect(second.orders.map((o) => o.id)).to.deep.equal([b.id, c.id]);
    expect(second.hasMore).to.equal(false);
  });

  it('wrong-types: one order of the page with fields of the wrong type, sometimes without an id', async () => {
    const { simulator } = kit.create({ seed: 7 });
    for (let i = 0; i < 3; i++) await simulator.placeOrder('buy');
    await simulator.setFault('wrong-types', 'on');
    let withoutId = 0;
    for (let round = 0; round < 12; round++) {
      const page = (await (await api('/v1/orders/changes')).json()) as { orders: Record<string, unknown>[] };
      expect(page.orders).to.have.length(3);
      const broken = page.orders.filter((o) => typeof o.total === 'number');
      expect(broken).to.have.length(1);
      const lines = broken[0]!.lines as Record<string, unknown>[];
      expect(lines[0]!.quantity).to.equal('twee');
      if (!('id' in broken[0]!)) withoutId++;
      const healthy = page.orders.filter((o) => typeof o.total === 'string');
      expect(healthy.every((o) => typeof o.id === 'string')).to.equal(true);
    }
    expect(withoutId).to.be.within(1, 11);
    // The stored order is untouched.
    await simulator.clearFaults();
    const clean = await changes();
    expect(clean.orders.every((o) => typeof o.id === 'string')).to.equal(true);
  });

  it('listing-only faults leave single orders and actions alone', async () => {
    const { simulator } = kit.create();
    const order = await simulator.placeOrder('buy');
    for (const name of ['truncated-page', 'duplicate-delivery', 'wrong-types'] as const) await simulator.setFault(name, 'on');
    expect(await (await api(`/v1/orders/${order.id}`)).json()).to.deep.equal(order);
    expect((await post(order.id, 'accept')).status).to.equal(200);
  });

  it('draws probabilities from the seed: the same seed gives the same faults', async () => {
    const run = async (seed: number): Promise<(number | 'network-error')[]> => {
      const { simulator } = kit.create({ seed });
      await simulator.setFault('server-error', { probability: 0.2 });
      await simulator.setFault('offline', { probability: 0.1 });
      await simulator.setFault('rate-limit', { probability: 0.1 });
      const seen: (number | 'network-error')[] = [];
      for (let i = 0; i < 40; i++) seen.push(await outcome(api('/v1/orders/changes')));
      return seen;
    };
    const a = await run(42);
    const b = await run(42);
    const c = await run(43);
    expect(a).to.deep.equal(b);
    expect(a).not.to.deep.equal(c);
    const errors = a.filter((s) => s !== 200).length;
    expect(errors).to.be.within(4, 24);
    expect(a).to.include(503);
  });

  it('validates fault modes and lists every switch', async () => {
    const { simulator } = kit.create();
    const faults = await simulator.getFaults();
    expect(Object.keys(faults).sort()).to.deep.equal([...FAULT_NAMES].sort());
    expect(Object.values(faults).every((m) => m === 'off')).to.equal(true);
    for (const bad of [{ probability: 1.5 }, { probability: -0.1 }, { probability: Number.NaN }]) {
      let thrown = false;
      try {
        await simulator.setFault('slow', bad);
      } catch (error) {
        thrown = error instanceof RangeError;
      }
      expect(thrown, JSON.stringify(bad)).to.equal(true);
    }
    let unknown = false;
    try {
      await simulator.setFault('gremlins' as FaultName, 'on');
    } catch (error) {
      unknown = error instanceof RangeError;
    }
    expect(unknown).to.equal(true);
    expect(new FaultSwitches(1).draw(FaultSwitches.none(), 'changes').size).to.equal(0);
  });
});
