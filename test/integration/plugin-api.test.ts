import { expect, waitUntil } from '@open-wc/testing';
import { findByShadowRole } from 'shadow-dom-testing-library';
import type {
  LocallyPluginApi,
  OrderChangesPage,
  OrderColumn,
  OrderSource,
  OrderStatusChangeEvent,
  ProviderOrder,
  SendOutcome,
} from '../../src/api.js';
import { CommandIds, PanelIds } from '../../src/contributions/contribution-ids.js';
import { createTestHost, type TestHost } from '../../src/testing/index.js';
import { TEST_NOW, until } from '../helpers/plugin-fixture.js';

/** A made-up webshop with one order, in memory: what another plugin's source could be. */
class WebshopSource implements OrderSource {
  readonly id = 'webshop';
  readonly label = 'Webshop';
  readonly sent: string[] = [];
  polls = 0;

  constructor(protected readonly provided: ProviderOrder) {}

  fetchChanges(cursor: string | undefined): Promise<OrderChangesPage> {
    this.polls++;
    const received = cursor ? [] : [{ kind: 'valid' as const, order: this.provided, raw: this.provided }];
    return Promise.resolve({ received, nextCursor: '1', hasMore: false });
  }

  send(message: { kind: string }): Promise<SendOutcome> {
    this.sent.push(message.kind);
    return Promise.resolve({ kind: 'sent' });
  }
}

function webshopOrder(id: string, email: string, gtin: string): ProviderOrder {
  const address = { street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Ergens', country: 'NL' };
  return {
    id,
    placedAt: TEST_NOW - 60_000,
    type: 'reserve',
    customer: { providerCustomerId: 'WS-1', firstName: 'Wim', lastName: 'Webshop', email, billingAddress: address, shippingAddress: address, emailOptIn: false },
    lines: [{ lineId: '1', gtin, description: 'Bel', quantity: 1, unitPriceCents: 1250, vatRate: 21 }],
    totals: { totalCents: 1250 },
  };
}

const channelColumn: OrderColumn = {
  id: 'webshop.channel',
  title: { nl: 'Verkoopkanaal', en: 'Sales channel' },
  value: (order) => (order.source === 'webshop' ? 'via de webshop' : 'via Locally'),
};

describe('the public API, as another plugin uses it', function () {
  this.timeout(60_000);
  let test: TestHost;
  let api: LocallyPluginApi;
  let source: WebshopSource;

  beforeEach(async () => {
    test = await createTestHost({ now: TEST_NOW });
    await test.host.products.create({ description: 'Bel', ean: '8712345678906', priceCents: 1250, vatRate: 21, stock: 3 });
    await test.host.customers.create({ firstName: 'Wim', lastName: 'Webshop', email: 'wim@example.nl', includeInCommunication: false });
    source = new WebshopSource(webshopOrder('W-1', 'wim@example.nl', '8712345678906'));
    api = await test.loadLocally();
  });

  afterEach(() => test.dispose());

  /** "Nu controleren" until the order is there and through the import. */
  async function pollUntilImported(orderId: string) {
    await until(
      async () => {
        await test.shell.executeCommand(CommandIds.checkNow);
        const order = await api.getOrder('webshop', orderId);
        return order !== undefined && order.status !== 'received';
      },
      `order ${orderId} imported`,
      15_000,
    );
    return (await api.getOrder('webshop', orderId))!;
  }

  it('says its semantic version', () => {
    expect(api.version).to.equal('0.2.0');
  });

  it('polls an order source registered through the API, next to Locally (which fails here, having no key), and imports its order', async () => {
    const changes: OrderStatusChangeEvent[] = [];
    const listening = api.onDidChangeStatus((change) => changes.push(change));
    const registration = api.registerOrderSource(source);

    const order = await pollUntilImported('W-1');
    expect(order.status, JSON.stringify(order.problems)).to.equal('new');
    const transaction = await test.shell.data.transactions.getByExternalRef('webshop:W-1');
    expect(transaction?.id).to.equal(order.transactionId);
    expect((await api.getOrdersByStatus('new')).map((o) => `${o.source}:${o.orderId}`)).to.deep.equal(['webshop:W-1']);
    expect(changes.map((c) => [c.order.orderId, c.from, c.to, c.origin])).to.deep.equal([['W-1', 'received', 'new', 'import']]);

    registration.dispose();
    listening.dispose();
    const polls = source.polls;
    await test.shell.executeCommand(CommandIds.checkNow);
    expect(source.polls, 'not asked once disposed').to.equal(polls);
  });

  it('shows a column registered through the API in "Kolommen" and in the grid, and takes it away when disposed', async () => {
    api.registerOrderSource(source);
    const column = api.registerOrderColumn(channelColumn);
    await pollUntilImported('W-1');

    await test.shell.panels.show(PanelIds.ecommerceScreen);
    const screen = test.shell.panels.open.find((panel) => panel.id === PanelIds.ecommerceScreen)!.element;
    document.body.append(screen);
    try {
      await findByShadowRole(screen, 'columnheader', { name: 'Verkoopkanaal' });
      const row = () => [...screen.shadowRoot!.querySelectorAll('tbody tr.row')].find((r) => r.textContent.includes('W-1'));
      await waitUntil(row, 'the webshop order in the grid');
      expect(row()!.textContent).to.contain('via de webshop');
      (await findByShadowRole(screen, 'button', { name: 'Kolommen' })).click();
      await findByShadowRole(screen, 'checkbox', { name: 'Verkoopkanaal' });

      column.dispose();
      await waitUntil(() => !screen.shadowRoot!.querySelector('[aria-label="Verkoopkanaal"]'), 'the column gone from the grid');
      const labels = [...screen.shadowRoot!.querySelectorAll('#column-chooser label')].map((label) => label.textContent.trim());
      expect(labels).not.to.include('Verkoopkanaal');
    } finally {
      screen.remove();
    }
  });

  it('fires onDidChangeStatus for a provider cancellation, with the order before and after', async () => {
    const cancelling = new (class extends WebshopSource {
      cancelled = false;
      override fetchChanges(cursor: string | undefined): Promise<OrderChangesPage> {
        if (!this.cancelled || cursor === '2') return super.fetchChanges(cursor);
        const order = { ...this.provided, status: 'cancelled-by-customer' as const, updatedAt: TEST_NOW };
        return Promise.resolve({ received: [{ kind: 'valid' as const, order, raw: order }], nextCursor: '2', hasMore: false });
      }
    })(webshopOrder('W-2', 'wim@example.nl', '8712345678906'));
    api.registerOrderSource(cancelling);
    await pollUntilImported('W-2');

    const changes: OrderStatusChangeEvent[] = [];
    api.onDidChangeStatus((change) => changes.push(change));
    cancelling.cancelled = true;
    await until(
      async () => {
        await test.shell.executeCommand(CommandIds.checkNow);
        return changes.length > 0;
      },
      'the cancellation stored',
    );
    expect(changes.map((c) => [c.order.orderId, c.from, c.to, c.origin])).to.deep.equal([['W-2', 'new', 'cancelled', 'provider']]);
    expect((await api.getOrder('webshop', 'W-2'))!.status).to.equal('cancelled');
  });

  it('leaves no trace in the shell: registrations disposed, or dropped with the plugin on deactivation', async () => {
    const before = JSON.stringify(test.shell.snapshot());
    const registrations = [
      api.registerOrderSource(source),
      api.registerProductMatcher({ id: 'mpn', order: 30, match: () => ({ kind: 'none' }) }),
      api.registerCustomerMatcher({ id: 'phone', order: 30, match: () => ({ kind: 'none' }) }),
      api.registerOrderColumn(channelColumn),
      api.registerLifecycleListener({ id: 'audit', statusChanged: () => undefined }),
    ];
    // Ids are unique per point: a second "webshop" would file its orders under the first one's prefix.
    expect(() => api.registerOrderSource(source)).to.throw(/already registered/);
    expect(() => api.registerOrderSource(Object.assign(new WebshopSource(webshopOrder('W-9', 'wim@example.nl', '1')), { id: 'web:shop' }))).to.throw(/without ":"/);
    for (const registration of registrations) registration.dispose();
    expect(JSON.stringify(test.shell.snapshot())).to.equal(before);
    // Free again once disposed.
    const again = api.registerOrderSource(source);
    await test.dispose();
    again.dispose();
    expect(test.shell.snapshot().tiles).to.deep.equal([]);
  });
});
