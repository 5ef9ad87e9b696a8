import type { Container } from 'inversify';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import type { GeneratedOrderKind } from '../../mocks/locally/order-generator.js';
import { createShellHost, type ShellHost } from '../../shell/host/shell-host.js';
import { settle, ShellClock } from '../../shell/host/shell-clock.js';
import { DisposableCollection } from '../../src/common/disposable.js';
import { HostContributionRegistrar } from '../../src/contributions/host-contribution-registrar.js';
import { createPluginContainer } from '../../src/plugin-container.js';
import type { OrderType, StoredOrder } from '../../src/services/store/order-model.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { OrderSync } from '../../src/services/sync/order-sync.js';
import type { SimulatorKit } from '../mocks/simulator-test-kit.js';
import { fetchManifest, TEST_NOW, until } from './plugin-fixture.js';
import { waitFor } from './wait-for.js';

/** The plugin's container in a seeded headless shell, polling the Locally simulator, with its contributions registered. */
export interface ImportFixture {
  readonly shell: ShellHost;
  readonly simulator: LocallySimulator;
  readonly container: Container;
  readonly store: OrderStore;
  readonly sync: OrderSync;
  /** Undoes the plugin's registrations; `dispose()` also closes the shell. */
  readonly registered: DisposableCollection;
  /**
   * Moves the shell's clock by `ms` as passing time would: each timer runs once no poll runs and the
   * msw worker holds no request, so a jump of minutes does not overtake a poll's request and run its
   * timeout. An outbox send outside a poll is covered only while the worker holds it. Resolves when
   * what the last timer started is done.
   */
  advance(ms: number): Promise<void>;
  /** Places an order, polls, and waits until the import has decided about it. */
  placeAndImport(kind: GeneratedOrderKind, type?: OrderType): Promise<{ placed: Awaited<ReturnType<LocallySimulator['placeOrder']>>; stored: StoredOrder }>;
  dispose(): void;
}

export async function startImportFixture(kit: SimulatorKit, name: string): Promise<ImportFixture> {
  const clock = new ShellClock({ start: TEST_NOW, realTime: false });
  const shell = await createShellHost({ dbName: `${name}-${crypto.randomUUID()}`, clock, seed: true });
  await shell.settings.secretsFor('locally.ecommerce').store('locally.apiKey', 'demo-key');
  const { simulator } = kit.create({ now: () => clock.now() });
  const container = createPluginContainer(shell.forPlugin(await fetchManifest()));
  const store = container.get(OrderStore);
  const sync = container.get(OrderSync);
  const registered = new DisposableCollection(store);
  container.get(HostContributionRegistrar).registerAll(registered);
  await until(() => sync.status.leader && sync.status.lastSuccessAt !== undefined, 'first poll', 10_000);

  // Shorter than a test's timeout, so a plugin that never goes idle fails with what it was doing.
  const idle = async () => {
    await settle();
    await waitFor(
      () => !sync.status.polling && kit.requestsInFlight === 0,
      () => `no poll and no request in flight; last seen ${JSON.stringify({ ...sync.status, requestsInFlight: kit.requestsInFlight })}`,
      { timeout: 8_000 },
    );
  };

  return {
    shell,
    simulator,
    container,
    store,
    sync,
    registered,
    advance: (ms) => clock.advanceAsync(ms, { settled: idle }),
    async placeAndImport(kind, type = 'buy') {
      const placed = await simulator.placeOrder(type, { kind });
      await sync.checkNow();
      let stored: StoredOrder | undefined;
      await until(
        async () => {
          stored = await store.getOrder('locally', placed.id);
          return stored !== undefined && stored.status !== 'received';
        },
        `order ${placed.id} imported`,
        10_000,
      );
      return { placed, stored: stored! };
    },
    dispose() {
      registered.dispose();
      shell.dispose();
    },
  };
}
