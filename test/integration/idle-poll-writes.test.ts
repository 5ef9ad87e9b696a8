import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { startSimulatorWorker } from '../../mocks/locally/browser.js';
import { createLocallySimulator, type LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import { ShellClock } from '../../shell/host/shell-clock.js';
import { createShellHost, type ShellHost } from '../../shell/host/shell-host.js';
import { loadPlugin, type PluginHandle } from '../../shell/plugin-loader.js';
import type { LocallyPluginApi } from '../../src/api.js';
import { CommandIds } from '../../src/contributions/contribution-ids.js';
import { IdbWriteSpy } from '../helpers/idb-write-spy.js';
import { TEST_NOW, until } from '../helpers/plugin-fixture.js';

const MINUTE = 60_000;
const CHANGES_PATH = '/locally-api/v1/orders/changes';

/**
 * Issue #8's deterministic budget: a poll that finds nothing makes no IndexedDB write, in any of
 * the till's databases (the plugin's and the shell's). The whole plugin runs as installed, against
 * the msw Locally simulator; the simulator's own database (the provider's side) is not counted.
 */
describe('an idle poll (issue #8 budget)', () => {
  const spy = new IdbWriteSpy();
  let worker: SetupWorker;
  let simulator: LocallySimulator;
  let shell: ShellHost;
  let clock: ShellClock;
  let plugin: PluginHandle;
  let api: LocallyPluginApi;
  let changeRequests = 0;
  const originalFetch: typeof fetch = Reflect.get(window, 'fetch');

  /** The till's databases: the shell's and the plugin's all start with the shell's name. */
  const tillWrites = () => spy.total((name) => name.startsWith(shell.dbName));
  const explain = () => JSON.stringify(spy.byDatabase());

  before(async function () {
    // The demo shop (products and customers) so the orders really import; seeding it takes a while.
    this.timeout(60_000);
    spy.install();
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes(CHANGES_PATH)) changeRequests++;
      return originalFetch(input, init);
    };
    clock = new ShellClock({ start: TEST_NOW, realTime: false });
    shell = await createShellHost({ dbName: `idle-poll-writes-${crypto.randomUUID()}`, clock, seed: true });
    simulator = createLocallySimulator({ dbName: `idle-poll-writes-simulator-${crypto.randomUUID()}`, now: () => clock.now(), seed: 8 });
    worker = await startSimulatorWorker(simulator, { quiet: true });
    await shell.settings.secretsFor('locally.ecommerce').store('locally.apiKey', 'demo-key');
    for (let i = 0; i < 6; i++) await simulator.placeOrder(i % 3 === 0 ? 'reserve' : 'buy', { kind: 'match' });

    // Taking the lead polls at once: the six orders are stored and imported.
    plugin = await loadPlugin(shell, '/plugin.json');
    api = plugin.api as LocallyPluginApi;
    await until(async () => {
      const orders = await api.getOrders();
      return orders.length === 6 && orders.every((order) => order.status !== 'received');
    }, 'the first poll stored and imported six orders', 30_000);
    await spy.quiet();
  });

  after(async () => {
    await plugin?.deactivate();
    shell?.dispose();
    simulator?.dispose();
    worker?.stop();
    window.fetch = originalFetch;
    spy.dispose();
  });

  it('"Nu controleren" that finds nothing asks the provider and writes nothing', async () => {
    spy.reset();
    const requestsBefore = changeRequests;
    await shell.executeCommand(CommandIds.checkNow);
    await spy.quiet();
    expect(changeRequests - requestsBefore, 'changes requests').to.be.greaterThan(0);
    expect(tillWrites(), explain()).to.deep.equal({ writes: 0, readwriteTransactions: 0 });
  });

  it('the poll on the interval (5 minutes) that finds nothing writes nothing either', async () => {
    spy.reset();
    const requestsBefore = changeRequests;
    await clock.advanceAsync(5 * MINUTE);
    await until(() => changeRequests > requestsBefore, 'the poll on the interval');
    await spy.quiet();
    expect(tillWrites(), explain()).to.deep.equal({ writes: 0, readwriteTransactions: 0 });
  });

  it('the same spy does count the writes of a poll that finds a new order, and the poll after it is idle again', async () => {
    const placed = await simulator.placeOrder('buy', { kind: 'match' });
    spy.reset();
    await shell.executeCommand(CommandIds.checkNow);
    await until(async () => {
      const order = await api.getOrder('locally', placed.id);
      return order !== undefined && order.status !== 'received';
    }, 'the new order stored and imported');
    await spy.quiet();
    const orderDb = spy.byDatabase()[`${shell.dbName}:${plugin.manifest.id}:orders`];
    expect(orderDb?.writes, explain()).to.be.greaterThan(0);
    expect(orderDb?.readwriteTransactions, explain()).to.be.greaterThan(0);

    spy.reset();
    await shell.executeCommand(CommandIds.checkNow);
    await spy.quiet();
    expect(tillWrites(), explain()).to.deep.equal({ writes: 0, readwriteTransactions: 0 });
  });
});
