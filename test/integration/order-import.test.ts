import { expect } from '@open-wc/testing';
import type { Container } from 'inversify';
import type { ShellHost } from '../../shell/host/shell-host.js';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import { type DisposableCollection } from '../../src/common/disposable.js';
import { toGtin14 } from '../../src/common/gtin.js';
import { createPluginContainer } from '../../src/plugin-container.js';
import { lineIdentifier } from '../../src/services/import/built-in-matchers.js';
import { LazyModules } from '../../src/contributions/lazy-modules.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { OrderSync } from '../../src/services/sync/order-sync.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';
import { startImportFixture, type ImportFixture } from '../helpers/import-fixture.js';
import { fetchManifest, storedOrder, until } from '../helpers/plugin-fixture.js';

describe('importing orders against the demo bike shop', function () {
  this.timeout(60_000);
  const kit = new SimulatorKit('order-import');
  let fixture: ImportFixture;
  let shell: ShellHost;
  let simulator: LocallySimulator;
  let container: Container;
  let store: OrderStore;
  let registered: DisposableCollection;

  before(() => kit.start());
  after(() => kit.stop());

  beforeEach(async () => {
    fixture = await startImportFixture(kit, 'order-import');
    ({ shell, simulator, container, store, registered } = fixture);
  });

  afterEach(() => fixture.dispose());

  const placeAndImport = (...args: Parameters<ImportFixture['placeAndImport']>) => fixture.placeAndImport(...args);

  it('a matching order becomes "Nieuw" with a transaction at the order\'s prices, its barcode, and the stock taken', async () => {
    const stockBefore = new Map((await shell.data.products.list(0, 5000)).map((p) => [p.id, p.stock]));
    const { placed, stored } = await placeAndImport('match');
    expect(stored.status, JSON.stringify(stored.problems)).to.equal('new');
    const transaction = (await shell.data.transactions.getByExternalRef(`locally:${placed.id}`))!;
    expect(stored.transactionId).to.equal(transaction.id);
    expect(stored.barcode).to.equal(transaction.barcode);
    expect(transaction.lines.map((l) => [l.quantity, l.unitPriceCents])).to.deep.equal(
      placed.lines.map((l) => [l.quantity, Math.round(Number(l.unitPrice) * 100)]),
    );
    expect(transaction.notes).to.contain(placed.id);
    for (const line of transaction.lines) {
      const now = (await shell.data.products.get(line.productId))!.stock;
      const ordered = transaction.lines.filter((l) => l.productId === line.productId).reduce((n, l) => n + l.quantity, 0);
      expect(now, line.description).to.equal(stockBefore.get(line.productId)! - ordered);
    }
    const history = await store.getHistory('locally', placed.id);
    expect(history.map((h) => [h.from, h.to])).to.deep.equal([['received', 'new']]);
  });

  it('an unknown customer asks "Klant-ID vereist" with the reason; unknown and ambiguous products "Productkoppeling mislukt"', async () => {
    const customer = await placeAndImport('unknown-customer');
    expect(customer.stored.status).to.equal('customer-id-required');
    expect(customer.stored.problems!.join('\n')).to.contain(`geen klant met e-mailadres ${customer.placed.customer.email}`);
    expect(await shell.data.transactions.getByExternalRef(`locally:${customer.placed.id}`)).to.equal(undefined);

    const unknown = await placeAndImport('unknown-product');
    expect(unknown.stored.status).to.equal('product-link-failed');
    expect(unknown.stored.problems!.join('\n')).to.contain('geen product gevonden');

    const ambiguous = await placeAndImport('ambiguous-product');
    expect(ambiguous.stored.status).to.equal('product-link-failed');
    expect(ambiguous.stored.problems!.join('\n')).to.match(/meerdere producten via (EAN|VPN)/);
    expect(await shell.data.transactions.getByExternalRef(`locally:${ambiguous.placed.id}`)).to.equal(undefined);
  });

  it('a product linked by hand is remembered for the line and repairs the order on the next import', async () => {
    const { placed, stored } = await placeAndImport('unknown-product');
    const failing = stored.order!.lines.find((line) => stored.problems!.some((p) => p.includes(line.description)))!;
    const [product] = await shell.data.products.search('Schwalbe', 1);
    await store.putProductLink({ source: 'locally', lineIdentifier: lineIdentifier(failing), productId: product!.id, linkedAt: 0, by: 'test' });
    const [again] = await (await container.get(LazyModules).importer()).importOrders([stored]).then(() => store.getAllOrders()).then((all) => all.filter((o) => o.orderId === placed.id));
    expect(again!.status).to.equal('new');
    const transaction = (await shell.data.transactions.getByExternalRef(`locally:${placed.id}`))!;
    expect(transaction.lines.map((l) => l.productId)).to.include(product!.id);
  });

  it('a shortage is a warning on the order, counted once per product over its lines, and does not block the import', async () => {
    const product = await shell.data.products.create({ description: 'Brooks B17 zadel', ean: '5017983180013', priceCents: 12_000, vatRate: 21, stock: 1 });
    const [customer] = await shell.data.customers.search({ name: 'a' }, 1);
    const base = storedOrder({ status: 'received' });
    const line = { gtin: product.ean!, description: 'Brooks B17 zadel', unitPriceCents: 11_000, vatRate: 21 };
    const order = storedOrder({
      status: 'received',
      order: {
        ...base.order!,
        customer: { ...base.order!.customer, email: customer!.email! },
        lines: [
          { ...line, lineId: '1', quantity: 1 },
          { ...line, lineId: '2', quantity: 2 },
        ],
        totals: { totalCents: 33_000 },
      },
    });
    await store.putOrders([order]);
    await (await container.get(LazyModules).importer()).importOrders([(await store.getOrder('locally', order.orderId))!]);

    const imported = (await store.getOrder('locally', order.orderId))!;
    expect(imported.status, JSON.stringify(imported.problems)).to.equal('new');
    expect(imported.warnings).to.deep.equal(['Tekort: Brooks B17 zadel: 2 van 3 niet op voorraad']);
    expect((await shell.data.products.get(product.id))!.stock).to.equal(-2);
  });

  it('shows the import\'s progress in the message pane, also for an import the runner did not start (a repair)', async () => {
    // The runner stays out: this till does not import, so only the direct call below runs the importer.
    await shell.settings.forPlugin(await fetchManifest()).update('locally.importOnThisTill', false);
    const shown: string[] = [];
    const progressShown = () => shell.messages.messages.filter(({ message }) => message.text.startsWith('Importeren…'));
    const listener = shell.messages.onDidChange(() => shown.push(...progressShown().map(({ message }) => message.text)));
    try {
      const order = storedOrder({ status: 'received' });
      await store.putOrders([order]);
      await (await container.get(LazyModules).importer()).importOrders([(await store.getOrder('locally', order.orderId))!]);
      expect(shown).to.include('Importeren… 0 van 1');
      expect(progressShown(), 'gone once the import ended').to.deep.equal([]);
    } finally {
      listener.dispose();
    }
  });

  it('a provider total that differs from the lines is a warning on the order; the transaction follows the lines', async () => {
    // storedOrder()'s line: 2 × € 45,00 of this tyre.
    await shell.data.products.create({ description: 'Schwalbe Marathon Plus 28 x 1.75', ean: '4026495366892', priceCents: 4_500, vatRate: 21, stock: 10 });
    const [customer] = await shell.data.customers.search({ name: 'a' }, 1);
    const base = storedOrder({ status: 'received' });
    const order = storedOrder({
      status: 'received',
      order: { ...base.order!, customer: { ...base.order!.customer, email: customer!.email! }, totals: { totalCents: 8_500 } },
    });
    await store.putOrders([order]);
    await (await container.get(LazyModules).importer()).importOrders([(await store.getOrder('locally', order.orderId))!]);

    const imported = (await store.getOrder('locally', order.orderId))!;
    expect(imported.status, JSON.stringify(imported.problems)).to.equal('new');
    expect(imported.warnings).to.have.length(1);
    expect(imported.warnings![0]!.replace(/\s/g, ' ')).to.equal('Het totaal bij Locally (€ 85,00) wijkt af van de som van de regels (€ 90,00); controleer de prijzen met de klant.');
    expect((await shell.data.transactions.get(imported.transactionId!))!.totalCents).to.equal(9_000);
  });

  it('replays safely: a transaction made before a crash is found again, and the stock is taken once', async () => {
    const placed = await simulator.placeOrder('buy', { kind: 'match' });
    // The poll stores the order; stop the runner from importing it, as if the tab died right then.
    registered.dispose();
    const plugin = createPluginContainer(shell.forPlugin(await fetchManifest()));
    const quietStore = plugin.get(OrderStore);
    const quietSync = plugin.get(OrderSync);
    const stop = quietSync.start();
    try {
      await until(() => quietSync.status.leader, 'lead', 10_000);
      await quietSync.checkNow();
      const stored = (await quietStore.getOrder('locally', placed.id))!;
      expect(stored.status).to.equal('received');
      // The host commit of the import happened, the plugin commit did not.
      const lines = await Promise.all(
        stored.order!.lines.map(async (line) => {
          const byGtin = line.gtin ? await shell.data.products.findByGtin(toGtin14(line.gtin) ?? line.gtin) : [];
          const product = byGtin.length === 1 ? byGtin[0] : (await shell.data.products.findByVendorPartNumber(line.vendorPartNumber ?? ''))[0];
          return { line, product };
        }),
      );
      expect(lines.every((l) => l.product), 'a matching order has a product for every line').to.equal(true);
      const draftLines = lines.map(({ line, product }) => ({ productId: product!.id, description: line.description, quantity: line.quantity, unitPriceCents: line.unitPriceCents, vatRate: line.vatRate }));
      const first = await shell.data.transactions.createMany([{ externalRef: `locally:${placed.id}`, lines: draftLines }]);
      const stockAfterFirst = (await shell.data.products.get(draftLines[0]!.productId))!.stock;

      await (await plugin.get(LazyModules).importer()).importOrders([stored]);
      const imported = (await quietStore.getOrder('locally', placed.id))!;
      expect(imported.status).to.equal('new');
      expect(imported.transactionId).to.equal(first[0]!.transaction.id);
      expect((await shell.data.products.get(draftLines[0]!.productId))!.stock).to.equal(stockAfterFirst);
    } finally {
      stop.dispose();
      quietStore.dispose();
    }
  });
});
