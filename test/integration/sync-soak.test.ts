import { expect } from '@open-wc/testing';
import { mulberry32 } from '../../shell/data/mulberry32.js';
import { FAULT_NAMES, type FaultName } from '../../mocks/locally/faults.js';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import type { ShellClock } from '../../shell/host/shell-clock.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import { createPluginContainer } from '../../src/plugin-container.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { OrderSync, SyncRandom } from '../../src/services/sync/order-sync.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';
import { fetchManifest, startShell, until } from '../helpers/plugin-fixture.js';

const SOAK_SEED = 20261127;
const CYCLES = 200;
/** Slow answers cost real seconds; they are mixed in, but rarely. */
const FAULT_RATE: Record<FaultName, number> = {
  offline: 0.5,
  'server-error': 0.5,
  'rate-limit': 0.3,
  slow: 0.05,
  'malformed-json': 0.4,
  'truncated-page': 0.4,
  'duplicate-delivery': 0.5,
  'wrong-types': 0.4,
};

describe('sync under every fault at once (seeded soak)', function () {
  this.timeout(300_000);
  const kit = new SimulatorKit('sync-soak');
  let shell: ShellHost;
  let clock: ShellClock;
  let simulator: LocallySimulator;
  let store: OrderStore;
  let sync: OrderSync;
  let stop: () => void;
  let polls = 0;

  before(() => kit.start());
  after(() => kit.stop());

  beforeEach(async () => {
    ({ shell, clock } = await startShell());
    await shell.settings.secretsFor('locally.ecommerce').store('locally.apiKey', 'demo-key');
    ({ simulator } = kit.create({ now: () => clock.now(), seed: SOAK_SEED }));
    const container = createPluginContainer(shell.forPlugin(await fetchManifest()));
    container.rebind(SyncRandom).toConstantValue(mulberry32(SOAK_SEED + 1));
    store = container.get(OrderStore);
    sync = container.get(OrderSync);
    let wasPolling = false;
    sync.onDidChangeStatus(({ polling }) => {
      if (wasPolling && !polling) polls++;
      wasPolling = polling;
    });
    const started = sync.start();
    stop = () => started.dispose();
    await until(() => polls === 1, 'first poll', 10_000);
  });

  afterEach(() => {
    stop();
    store.dispose();
    shell.dispose();
  });

  /** Moves virtual time to the next planned poll and waits for it to finish. */
  async function nextPoll(): Promise<void> {
    const before = polls;
    const due = sync.status.nextPollAt ?? clock.now();
    await clock.advanceAsync(Math.max(0, due - clock.now()));
    await until(() => polls > before, `poll ${before + 1}`, 20_000);
  }

  it(`stores every placed order exactly once through ${CYCLES} polls of mixed faults, and empties the outbox after`, async () => {
    const random = mulberry32(SOAK_SEED);
    const placed = new Set<string>();
    let accepted = 0;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      if (random() < 0.5) placed.add((await simulator.placeOrder(random() < 0.7 ? 'buy' : 'reserve')).id);
      if (random() < 0.05 && placed.size > 0) {
        const ids = [...placed];
        await simulator.cancelByCustomer(ids[Math.floor(random() * ids.length)]!).catch(() => undefined);
      }
      // Staff accept a waiting order now and then: its message goes through the outbox.
      if (random() < 0.2) {
        const [waiting] = await store.getOrdersByStatus('received');
        if (waiting) {
          const at = clock.now();
          await store.applyStatusChange({
            source: 'locally', orderId: waiting.orderId, to: 'in-progress', by: 'soak', at,
            outbox: { source: 'locally', orderId: waiting.orderId, kind: 'accept', createdAt: at, attempts: 0, nextAttemptAt: at },
          });
          accepted++;
        }
      }
      for (const name of FAULT_NAMES) {
        await simulator.setFault(name, random() < 0.25 ? { probability: FAULT_RATE[name] } : 'off');
      }
      await nextPoll();
    }

    // Faults stop; polls go on for a virtual working day, past every acceptance window, so each
    // order changes at least once more and a copy damaged on the way is delivered again.
    await simulator.clearFaults();
    for (let i = 0; i < 60; i++) await nextPoll();
    for (let i = 0; i < 36 && (await pendingRetries()) + (await unreadable()) > 0; i++) await nextPoll();

    const stored = (await store.getAllOrders()).filter((order) => order.source === 'locally');
    const storedIds = stored.map((order) => order.orderId);
    expect(new Set(storedIds).size, 'no order stored twice').to.equal(storedIds.length);
    expect([...placed].filter((id) => !storedIds.includes(id)), 'no placed order lost').to.deep.equal([]);
    expect(storedIds.filter((id) => !placed.has(id)), 'nothing stored that was never placed').to.deep.equal([]);
    expect(await unreadable(), 'every damaged copy repaired by a later delivery').to.equal(0);
    expect(await pendingRetries(), 'the outbox empties once faults stop').to.equal(0);
    expect(accepted).to.be.greaterThan(0);
    expect(polls).to.be.greaterThan(CYCLES);
  });

  /** Outbox messages still waiting to be retried (refused ones are parked with their reason, not retried). */
  async function pendingRetries(): Promise<number> {
    return (await store.getPendingOutbox(Number.MAX_SAFE_INTEGER - 1)).length;
  }

  async function unreadable(): Promise<number> {
    return (await store.getOrdersByStatus('processing-failed')).length;
  }
});
