import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Container } from 'inversify';
import { BehaviorSubject } from 'rxjs';
import { findByShadowRole } from 'shadow-dom-testing-library';
import type { ShellHost } from '../../shell/host/shell-host.js';
import '../../src/components/ecommerce-screen.js';
import type { EcommerceScreen } from '../../src/components/ecommerce-screen.js';
import { ContributionTimeouts } from '../../src/common/contribution-registry.js';
import type { Disposable } from '../../src/common/disposable.js';
import { LifecycleNotifier } from '../../src/contributions/lifecycle-notifier.js';
import { createPluginContainer } from '../../src/plugin-container.js';
import { CustomerMatcherRegistry } from '../../src/services/import/customer-matcher-registry.js';
import { LazyModules } from '../../src/contributions/lazy-modules.js';
import { ProductMatcherRegistry } from '../../src/services/import/product-matcher-registry.js';
import { LifecycleListenerRegistry } from '../../src/services/lifecycle/lifecycle-listener-registry.js';
import { OrderLifecycleService } from '../../src/services/lifecycle/order-lifecycle-service.js';
import { OrderColumnRegistry } from '../../src/services/screen/order-column-registry.js';
import { builtInOrderColumns, type OrderColumn } from '../../src/services/screen/order-columns.js';
import type { OrderStatusChangeEvent, ProviderOrder } from '../../src/services/store/order-model.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import type { OrderChangesPage, OrderSource, SendOutcome } from '../../src/services/sync/order-source.js';
import { OrderSourceRegistry } from '../../src/services/sync/order-source-registry.js';
import { OrderSync, SyncRandom } from '../../src/services/sync/order-sync.js';
import { fetchManifest, startShell, storedOrder, until } from '../helpers/plugin-fixture.js';
import { customerDraft, productDraft } from '../shell/data/shell-data-fixture.js';

const TIMEOUT_MS = 200;
const never = () => new Promise<never>(() => undefined);

/** A source that answers with the orders given, once. */
function source(id: string, orders: readonly ProviderOrder[], fetch?: () => Promise<OrderChangesPage>): OrderSource {
  return {
    id,
    label: id,
    fetchChanges: fetch ?? ((cursor) => Promise.resolve({ received: cursor ? [] : orders.map((order) => ({ kind: 'valid' as const, order, raw: order })), nextCursor: '1', hasMore: false })),
    send: (): Promise<SendOutcome> => Promise.resolve({ kind: 'sent' }),
  };
}

describe("the plugin's own contribution points", function () {
  this.timeout(30_000);
  let shell: ShellHost;
  let container: Container;
  let store: OrderStore;
  let errors: unknown[][];
  const originalError = console.error;

  beforeEach(async () => {
    ({ shell } = await startShell());
    container = createPluginContainer(shell.forPlugin(await fetchManifest()));
    // Short limits, so a hanging contribution is given up on within the test.
    container.rebind(ContributionTimeouts).toConstantValue({ orderSourceMs: TIMEOUT_MS, matcherMs: TIMEOUT_MS, lifecycleListenerMs: TIMEOUT_MS });
    container.rebind(SyncRandom).toConstantValue(() => 0.5);
    store = container.get(OrderStore);
    errors = [];
    console.error = (...args: unknown[]) => errors.push(args);
  });

  afterEach(() => {
    console.error = originalError;
    store.dispose();
    shell.dispose();
  });

  const reported = (text: string) => errors.some((args) => args.some((arg) => typeof arg === 'string' && arg.includes(text)));

  it('registering and disposing leaves every registry as it was, and says so through onDidChange', async () => {
    await container.get(LazyModules).screen();
    const cases: [{ getAll(): readonly { id: string }[]; register(x: never): Disposable; onDidChange(l: () => void): Disposable }, object][] = [
      [container.get<OrderSourceRegistry>(OrderSourceRegistry), source('webshop', [])],
      [container.get<ProductMatcherRegistry>(ProductMatcherRegistry), { id: 'mpn', order: 30, match: () => ({ kind: 'none' }) }],
      [container.get<CustomerMatcherRegistry>(CustomerMatcherRegistry), { id: 'phone', order: 30, match: () => ({ kind: 'none' }) }],
      [container.get<OrderColumnRegistry>(OrderColumnRegistry), { id: 'channel', title: { nl: 'Kanaal', en: 'Channel' }, value: () => 'x' }],
      [container.get<LifecycleListenerRegistry>(LifecycleListenerRegistry), { id: 'audit', statusChanged: () => undefined }],
    ];
    for (const [registry, item] of cases) {
      const before = registry.getAll().map((x) => x.id);
      let changes = 0;
      const listening = registry.onDidChange(() => changes++);
      const registration = registry.register(item as never);
      expect(registry.getAll().map((x) => x.id)).to.deep.equal([...before, (item as { id: string }).id]);
      registration.dispose();
      registration.dispose();
      expect(registry.getAll().map((x) => x.id)).to.deep.equal(before);
      expect(changes).to.equal(2);
      listening.dispose();
    }
    // The built-in features use the points themselves.
    expect(container.get<OrderSourceRegistry>(OrderSourceRegistry).getAll().map((s) => s.id)).to.deep.equal(['locally']);
    expect(container.get<ProductMatcherRegistry>(ProductMatcherRegistry).getAll().map((m) => m.id)).to.deep.equal(['link', 'EAN', 'VPN']);
    expect(container.get<OrderColumnRegistry>(OrderColumnRegistry).getAll().map((c) => c.id)).to.deep.equal(builtInOrderColumns().map((c) => c.id));
    expect(container.get<LifecycleListenerRegistry>(LifecycleListenerRegistry).getAll().map((l) => l.id)).to.deep.equal(['provider-cancellation-notice']);
  });

  it('a throwing and a hanging order source are reported and skipped; the other sources are still polled', async () => {
    const registry = container.get<OrderSourceRegistry>(OrderSourceRegistry);
    const order = storedOrder({ orderId: 'G-1' }).order!;
    let hangingAsked = 0;
    registry.register(source('broken', [], () => Promise.reject(new Error('kapot'))));
    registry.register(source('hanging', [], () => (hangingAsked++, never())));
    registry.register(source('good', [order]));
    const sync = container.get(OrderSync);
    const running = sync.start();
    try {
      await until(async () => (await store.getOrder('good', 'G-1')) !== undefined, 'the good source polled', 5_000);
      await until(() => sync.status.lastSuccessAt !== undefined, 'the poll done', 5_000);
      expect(sync.status.failures, 'the poll as a whole is good').to.equal(0);
      expect(hangingAsked).to.equal(1);
      expect(reported('Order source "broken" failed')).to.equal(true);
      expect(reported('Order source "hanging" failed')).to.equal(true);
    } finally {
      running.dispose();
    }
  });

  it('a throwing and a hanging matcher are reported and skipped: the import still runs', async () => {
    await shell.data.products.create(productDraft());
    await shell.data.customers.create(customerDraft({ email: 'sanne.devries@example.nl' }));
    container.get<ProductMatcherRegistry>(ProductMatcherRegistry).register({ id: 'throws', order: -2, match: () => { throw new Error('kapot'); } });
    container.get<ProductMatcherRegistry>(ProductMatcherRegistry).register({ id: 'hangs', order: -1, match: never });
    container.get<CustomerMatcherRegistry>(CustomerMatcherRegistry).register({ id: 'throws', order: -2, match: () => { throw new Error('kapot'); } });
    container.get<CustomerMatcherRegistry>(CustomerMatcherRegistry).register({ id: 'hangs', order: -1, match: never });
    const order = storedOrder({ status: 'received' });
    await store.putOrders([order]);
    const summary = await (await container.get(LazyModules).importer()).importOrders([order]);
    expect(summary).to.deep.equal({ imported: 1, failed: 0 });
    expect((await store.getOrder('locally', order.orderId))!.status).to.equal('new');
    expect(reported('Matcher "throws"')).to.equal(true);
    expect(reported('Matcher "hangs"')).to.equal(true);
  });

  it('lifecycle listeners hear of staff changes and imports; a throwing or hanging one never blocks the write or the others', async () => {
    await container.get(LazyModules).screen();
    const notifier = container.get(LifecycleNotifier);
    const running = notifier.start();
    const heard: OrderStatusChangeEvent[] = [];
    const fired: OrderStatusChangeEvent[] = [];
    store.onDidChangeStatus((change) => fired.push(change));
    const listeners = container.get<LifecycleListenerRegistry>(LifecycleListenerRegistry);
    listeners.register({ id: 'throws', statusChanged: () => { throw new Error('kapot'); } });
    listeners.register({ id: 'hangs', statusChanged: never });
    listeners.register({ id: 'rejects', statusChanged: () => Promise.reject(new Error('kapot')) });
    listeners.register({ id: 'good', statusChanged: (change) => void heard.push(change) });
    try {
      // The import: received → new.
      await shell.data.products.create(productDraft());
      await shell.data.customers.create(customerDraft({ email: 'sanne.devries@example.nl' }));
      const received = storedOrder({ status: 'received' });
      await store.putOrders([received]);
      await (await container.get(LazyModules).importer()).importOrders([received]);
      // Staff: new → in-progress, through the screen's lifecycle service.
      const imported = (await store.getOrder('locally', received.orderId))!;
      const started = performance.now();
      const outcome = await container.get(OrderLifecycleService).apply({ order: imported, action: 'in-progress' });
      expect(outcome.kind).to.equal('applied');
      expect(performance.now() - started, 'the write does not wait for the hanging listener').to.be.below(TIMEOUT_MS);

      await until(() => heard.length === 2, 'the good listener told twice');
      expect(heard.map((c) => [c.from, c.to, c.origin])).to.deep.equal([['received', 'new', 'import'], ['new', 'in-progress', 'staff']]);
      expect(fired.map((c) => [c.from, c.to, c.order.status])).to.deep.equal([['received', 'new', 'new'], ['new', 'in-progress', 'in-progress']]);
      await until(() => reported('Lifecycle listener "hangs"'), 'the hanging listener reported', 2_000);
      expect(reported('Lifecycle listener "throws"')).to.equal(true);
      expect(reported('Lifecycle listener "rejects"')).to.equal(true);
    } finally {
      running.dispose();
    }
  });

  it('a column whose value throws shows empty cells, is reported once, and the screen still renders and sorts', async () => {
    const reports: string[] = [];
    const broken: OrderColumn = { id: 'broken', title: { nl: 'Kapot', en: 'Broken' }, value: () => { throw new Error('kapot'); }, sortKey: () => { throw new Error('kapot'); } };
    const orders = [storedOrder({ orderId: 'R-1' }), storedOrder({ orderId: 'R-2' })];
    const screen = await fixture<EcommerceScreen>(
      html`<locally-ecommerce-screen .orders=${new BehaviorSubject(orders)} .columns=${[...builtInOrderColumns(), broken]} .reportColumnError=${(id: string) => reports.push(id)}></ecommerce-screen>`,
    );
    await findByShadowRole(screen, 'columnheader', { name: 'Kapot' });
    const rows = () => [...screen.shadowRoot!.querySelectorAll('tbody tr.row')];
    await waitUntil(() => rows().length === 2, 'both rows rendered');
    (await findByShadowRole(screen, 'button', { name: 'Sorteren op Kapot' })).click();
    await screen.updateComplete;
    expect(rows().length).to.equal(2);
    expect(reports).to.deep.equal(['broken']);
  });
});
