// Several tabs of one till, and reloads at bad moments, against the Locally simulator.
// Each "tab" is a same-origin iframe running the real plugin in a headless shell on a shared
// database name (tab-runtime.ts); the msw worker of this page answers their requests. Which tab
// polls and sends is seen from the requests each tab makes; what was stored is read through a
// fresh OrderStore on the till's order database.
import { expect } from '@open-wc/testing';
import type { LocallyOrder } from '../../mocks/locally/locally-order.js';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { SimulatorKit, START } from '../mocks/simulator-test-kit.js';
import { MINUTE, Tabs, pause, until, warmUpTabs, type SeenRequest } from './tabs.js';

const PLUGIN_ID = 'locally.ecommerce';
/** The plugin reads the provider's changes in pages of 50. */
const PAGE_SIZE = 50;

describe('tabs of one till and reloads (iframes, real plugin, Locally simulator)', () => {
  const kit = new SimulatorKit('reliability-tabs');
  let simulator: LocallySimulator;
  let tabs: Tabs;
  let store: OrderStore;

  before(async function () {
    this.timeout(60_000);
    await kit.start();
    await warmUpTabs({ start: START, apiKey: 'demo-key' });
  });

  after(() => {
    kit.stop();
  });

  beforeEach(() => {
    ({ simulator } = kit.create());
    // A new till per test: its own databases, and with them its own lock and channel names.
    tabs = new Tabs(`reliability-tabs-${crypto.randomUUID()}`, { start: START, apiKey: 'demo-key' });
    store = new OrderStore({ dbName: `${tabs.dbName}:${PLUGIN_ID}:orders` });
  });

  afterEach(() => {
    tabs.dispose();
    store.dispose();
  });

  const summary = (): string => tabs.summary();

  async function placeOrders(count: number): Promise<LocallyOrder[]> {
    const placed: LocallyOrder[] = [];
    for (let i = 0; i < count; i++) placed.push(await simulator.placeOrder(i % 3 === 2 ? 'reserve' : 'buy'));
    return placed;
  }

  /** Waits until every tab has started, one has polled and no request is in flight; returns the polling tab. */
  async function settledLeader(what: string, timeoutMs = 10_000): Promise<string> {
    await until(() => tabs.allReady() && tabs.polling().length > 0 && tabs.inFlight().length === 0, what, timeoutMs, summary);
    // Time for a second tab that wrongly believes it leads to show itself with a poll of its own.
    await pause(300);
    expect(tabs.polling(), `one tab polls\n${summary()}`).to.have.length(1);
    return tabs.polling()[0]!;
  }

  /** Every order the simulator has is stored exactly once, then imported at most once, and nothing else is. */
  async function expectStoredExactlyOnce(placed: readonly LocallyOrder[]): Promise<void> {
    const stored = await store.getAllOrders();
    const storedIds = stored.map((order) => order.orderId).sort();
    const simulatorIds = (await simulator.listOrders()).map((order) => order.id).sort();
    expect(simulatorIds).to.deep.equal(placed.map((order) => order.id).sort());
    expect(storedIds, 'stored orders = the simulator orders, each once').to.deep.equal(simulatorIds);
    for (const order of stored) {
      // Stored once (revision 0) and imported at most once (revision 1); never written over by a second delivery.
      expect(order.revision, order.orderId).to.be.at.most(1);
      expect(['received', 'new', 'customer-id-required', 'product-link-failed'], order.orderId).to.include(order.status);
      expect((await store.getHistory('locally', order.orderId)).length, order.orderId).to.be.at.most(1);
    }
  }

  async function storedCount(): Promise<number> {
    return (await store.getAllOrders()).length;
  }

  function cursorOf(request: SeenRequest): string | null {
    return new URL(request.path, 'http://x').searchParams.get('cursor');
  }

  describe('one poller per till', () => {
    it('of two tabs exactly one polls, also after an interval; closing it hands over to the other at once', async function () {
      this.timeout(30_000);
      const placed = await placeOrders(3);
      tabs.open('a');
      tabs.open('b');
      const leader = await settledLeader('both tabs started and one polled');
      const other = leader === 'a' ? 'b' : 'a';
      await until(async () => (await storedCount()) === placed.length, 'the leader stored the orders', 5_000, summary);

      // One interval later (virtual time, in every tab) the leader polls again, the other still not.
      const polls = tabs.changesBy(leader).length;
      await Promise.all(['a', 'b'].map((frame) => tabs.advance(frame, 5 * MINUTE)));
      await until(() => tabs.changesBy(leader).length === polls + 1 && tabs.inFlight().length === 0, 'the leader polls after the interval', 5_000, summary);
      await pause(200);
      expect(tabs.changesBy(other), summary()).to.have.length(0);

      // The leader's tab closes: the other takes the lead and polls, before any time passes on its clock.
      tabs.remove(leader);
      await until(() => tabs.changesBy(other).length > 0 && tabs.inFlight().length === 0, 'the other tab polls after the leader closed', 5_000, summary);
      expect(tabs.polling()).to.deep.equal([other]);
      await expectStoredExactlyOnce(placed);
      expect(tabs.errors, summary()).to.deep.equal([]);
    });

    it('of three tabs exactly one polls; closing the polling tab twice hands over each time', async function () {
      this.timeout(30_000);
      const placed = await placeOrders(2);
      for (const frame of ['a', 'b', 'c']) tabs.open(frame);
      const first = await settledLeader('three tabs started and one polled');

      tabs.remove(first);
      const second = await settledLeader('one of the two other tabs polls after the leader closed', 5_000);
      expect(second).to.not.equal(first);

      tabs.remove(second);
      const third = await settledLeader('the last tab polls', 5_000);
      expect([first, second, third].sort()).to.deep.equal(['a', 'b', 'c']);

      // The last tab keeps polling at the interval.
      const polls = tabs.changesBy(third).length;
      await tabs.advance(third, 5 * MINUTE);
      await until(() => tabs.changesBy(third).length === polls + 1, 'the last tab polls after the interval', 5_000, summary);
      await expectStoredExactlyOnce(placed);
      expect(tabs.errors, summary()).to.deep.equal([]);
    });
  });

  describe('a reload in the middle of a poll', () => {
    it('of the only tab, during its first request: after the reload it polls again and stores every order once', async function () {
      this.timeout(30_000);
      const placed = await placeOrders(PAGE_SIZE + 20);
      // Every answer takes 1.5 s (real time), so the reload lands while the request is on its way.
      await simulator.setFault('slow', 'on');
      tabs.open('a');
      await until(() => tabs.changesBy('a').length === 1, 'the tab starts polling', 10_000, summary);
      const reloaded = tabs.docOf('a');
      tabs.load('a');
      expect(await storedCount(), 'nothing stored before the first answer').to.equal(0);

      await until(
        async () => tabs.isReady('a') && tabs.inFlight().length === 0 && tabs.changesBy('a').length >= 2 && (await storedCount()) === placed.length,
        'the reloaded tab polls every page',
        15_000,
        summary,
      );
      // The first document's request was never answered to it; the new document started from the beginning.
      expect(tabs.requests.filter((r) => r.doc === reloaded).map((r) => r.outcome)).to.deep.equal([undefined]);
      expect(cursorOf(tabs.changesBy('a')[0]!)).to.equal(null);
      await expectStoredExactlyOnce(placed);
      expect(tabs.errors, summary()).to.deep.equal([]);
    });

    it('of the polling tab between pages: the other tab takes over from the stored cursor, every order once', async function () {
      this.timeout(30_000);
      const placed = await placeOrders(PAGE_SIZE + 20);
      await simulator.setFault('slow', 'on');
      tabs.open('a');
      tabs.open('b');
      await until(() => tabs.allChanges().length === 2, 'the leader asks for its second page', 15_000, summary);
      const [firstPage, secondPage] = tabs.allChanges();
      const leader = firstPage!.frame;
      const other = leader === 'a' ? 'b' : 'a';
      expect(secondPage!.frame, 'the same tab asks for both pages').to.equal(leader);
      expect(firstPage!.outcome).to.equal(200);
      // The first page is stored, with its cursor, before the second is asked for.
      expect(await storedCount()).to.equal(PAGE_SIZE);
      const storedCursor = cursorOf(secondPage!);
      expect(storedCursor).to.be.a('string');

      // The reload lands while the second page is on its way.
      tabs.load(leader);
      await until(
        async () =>
          tabs.allReady() && tabs.inFlight().length === 0 && tabs.changesBy(other).length > 0 && (await storedCount()) === placed.length,
        'the other tab polls the rest',
        15_000,
        summary,
      );
      // It went on from where the stored cursor said, not from the beginning.
      expect(cursorOf(tabs.changesBy(other)[0]!)).to.equal(storedCursor);
      await pause(200);
      expect(tabs.changesBy(leader), 'the reloaded tab waits its turn').to.have.length(0);
      await expectStoredExactlyOnce(placed);

      // A later poll (faults off) finds nothing new and changes nothing.
      await simulator.clearFaults();
      const polls = tabs.changesBy(other).length;
      await tabs.advance(other, 5 * MINUTE);
      await until(() => tabs.changesBy(other).length > polls && tabs.inFlight().length === 0, 'the next poll', 5_000, summary);
      await expectStoredExactlyOnce(placed);
      expect(tabs.errors, summary()).to.deep.equal([]);
    });
  });

  describe('a reload in the middle of an outbox send', () => {
    it('loses nothing: the next leader sends the message again with the same Idempotency-Key, and both get the same answer', async function () {
      this.timeout(30_000);
      const [order] = await placeOrders(1);
      tabs.open('a');
      tabs.open('b');
      const leader = await settledLeader('both tabs started and one polled');
      const other = leader === 'a' ? 'b' : 'a';
      await until(async () => (await storedCount()) === 1, 'the order is stored', 5_000, summary);

      const answers: { key: string | null; status: number; body: string }[] = [];
      const onMocked = ({ request, response }: { request: Request; response: Response }): void => {
        if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/accept')) return;
        const key = request.headers.get('Idempotency-Key');
        void response
          .clone()
          .text()
          .then((body) => answers.push({ key, status: response.status, body }));
      };
      kit.worker!.events.on('response:mocked', onMocked);
      try {
        await simulator.setFault('slow', 'on');
        // Staff accept the order (in some tab of the till): the status change and its message in one transaction.
        await store.applyStatusChange({
          source: 'locally',
          orderId: order!.id,
          to: 'new',
          by: 'anne',
          at: START,
          outbox: { source: 'locally', orderId: order!.id, kind: 'accept', createdAt: START, attempts: 0, nextAttemptAt: START },
        });
        const isAccept = (r: SeenRequest) => r.method === 'POST' && r.path.endsWith('/accept');
        await until(() => tabs.requests.some(isAccept), 'the leader sends the accept', 5_000, summary);
        const firstSend = tabs.requests.find(isAccept)!;
        expect(firstSend.frame).to.equal(leader);

        // The reload lands while the accept is on its way (the simulator answers after 1.5 s).
        tabs.load(leader);
        expect(await store.getPendingOutbox(Number.MAX_SAFE_INTEGER), 'the message survives the reload').to.have.length(1);

        await until(
          async () =>
            (await store.getPendingOutbox(Number.MAX_SAFE_INTEGER)).length === 0 &&
            (await simulator.getOrder(order!.id))?.status === 'accepted' &&
            answers.length === 2,
          'the other tab sends the message and the outbox empties',
          15_000,
          () => `${summary()}\nanswers: ${JSON.stringify(answers.map((a) => [a.key, a.status]))}`,
        );
        const sends = tabs.requests.filter(isAccept);
        expect(sends.map((s) => s.frame)).to.deep.equal([leader, other]);
        // The first send's answer never reached its document (the reload came first); the second's did.
        expect(sends.map((s) => s.outcome)).to.deep.equal([undefined, 200]);
        // The same message, the same key: the provider answers the second exactly as the first.
        expect(new Set(sends.map((s) => s.idempotencyKey)).size).to.equal(1);
        expect(sends[0]!.idempotencyKey).to.be.a('string');
        expect(answers.map((a) => a.key)).to.deep.equal([sends[0]!.idempotencyKey, sends[0]!.idempotencyKey]);
        expect(answers.map((a) => a.status)).to.deep.equal([200, 200]);
        expect(answers[1]!.body).to.equal(answers[0]!.body);
        expect((JSON.parse(answers[0]!.body) as LocallyOrder).status).to.equal('accepted');

        expect((await store.getOrder('locally', order!.id))?.status).to.equal('new');
        expect(await store.getAllOrders()).to.have.length(1);
        expect(tabs.errors, summary()).to.deep.equal([]);
      } finally {
        kit.worker!.events.removeListener('response:mocked', onMocked);
      }
    });
  });
});
