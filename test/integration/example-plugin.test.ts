import { expect, waitUntil } from '@open-wc/testing';
import { findAllByShadowRole, findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import { createWebshopSimulator, type WebshopSimulator } from '../../examples/webshop-plugin/mocks/webshop-handlers.js';
import { readWebshopOrder, type WebshopOrder } from '../../examples/webshop-plugin/src/webshop-order.js';
import { demoProducts } from '../../shell/data/index.js';
import { loadPlugin, type PluginHandle } from '../../shell/plugin-loader.js';
import type { Disposable, LocallyPluginApi, StoredOrder } from '../../src/api.js';
import { screenDriver } from '../helpers/screen-driver.js';
import { startShellUi, type ShellUiFixture } from '../helpers/shell-ui-fixture.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';

const EXAMPLE = '/examples/webshop-plugin/plugin.json';
const REGISTRATIONS = ['registerOrderSource', 'registerProductMatcher', 'registerCustomerMatcher', 'registerOrderColumn', 'registerLifecycleListener'] as const;

/** The product a seeded web shop line was made from (its id is `<productId>-ean` or `<productId>-mpn`). */
const productIdOf = (item: WebshopOrder['items'][number]) => item.id.replace(/-(ean|mpn)$/, '');

// The worked example of issue #7 as a shop would run it: our plugin and the example plugin loaded
// into the seeded shell, the example's web shop answered by the same msw worker as the Locally simulator.
describe('the worked example (examples/webshop-plugin) next to Locally eCommerce in the shell', function () {
  this.timeout(120_000);
  const kit = new SimulatorKit('example-plugin');
  let fixture: ShellUiFixture;
  let webshop: WebshopSimulator;
  let locally: LocallyPluginApi;
  let webshopRequests: string[];
  let example: PluginHandle | undefined;

  before(async () => {
    await kit.start();
    kit.worker!.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.startsWith('/webshop-api/')) webshopRequests.push(`${request.method} ${new URL(request.url).pathname}`);
    });
  });
  after(() => kit.stop());

  beforeEach(async () => {
    webshopRequests = [];
    fixture = await startShellUi(kit, 'example-plugin');
    webshop = createWebshopSimulator({ now: () => fixture.shell.clock.now() });
    kit.worker!.use(...webshop.handlers);
    locally = fixture.plugin.api as LocallyPluginApi;
  });

  afterEach(async () => {
    await example?.deactivate();
    example = undefined;
    await fixture.dispose();
  });

  /** "Nu controleren" until `check` holds. */
  async function pollUntil(check: () => Promise<boolean>, what: string): Promise<void> {
    const button = await findByShadowRole(fixture.screen, 'button', { name: 'Nu controleren' });
    const deadline = performance.now() + 30_000;
    while (!(await check())) {
      if (performance.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
      button.click();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const imported = (source: string, orderId: string) => async () => {
    const order = await locally.getOrder(source, orderId);
    return order !== undefined && order.status !== 'received';
  };

  /** The text of the "Kanaal" cell in the order's row. */
  async function channelOf(orderId: string): Promise<string | undefined> {
    const headers = await findAllByShadowRole(fixture.screen, 'columnheader');
    const index = headers.findIndex((header) => header.textContent.trim().startsWith('Kanaal'));
    const row = (await findAllByShadowRole(fixture.screen, 'row')).find((r) => r.textContent.includes(orderId));
    if (index < 0 || !row) return undefined;
    return row.querySelectorAll('th, td')[index]?.textContent.trim();
  }

  it('imports the web shop’s orders as "Nieuw" (webshop:<id>), matches a line by MPN, takes stock, and shows "Kanaal"', async () => {
    const seeded = webshop.listOrders();
    expect(seeded.map((o) => o.number)).to.deep.equal(['FB-1001', 'FB-1002']);
    const mpnLine = seeded[1]!.items.find((item) => item.mpn && !item.ean)!;
    expect(mpnLine, 'the second seeded order has a line with only an MPN').to.exist;
    const ordered = new Map<string, number>();
    for (const item of seeded.flatMap((o) => o.items)) ordered.set(productIdOf(item), (ordered.get(productIdOf(item)) ?? 0) + item.qty);
    const stockBefore = new Map<string, number>();
    for (const id of ordered.keys()) stockBefore.set(id, (await fixture.shell.data.products.get(id))!.stock);

    example = await loadPlugin(fixture.shell, EXAMPLE);
    expect(example.manifest.id).to.equal('example.webshop');
    await pollUntil(async () => (await imported('webshop', 'FB-1001')()) && imported('webshop', 'FB-1002')(), 'both web shop orders imported');
    for (const number of ['FB-1001', 'FB-1002']) {
      const order = (await locally.getOrder('webshop', number))!;
      expect(order.status, `${number}: ${JSON.stringify(order.problems)}`).to.equal('new');
      const transaction = await fixture.shell.data.transactions.getByExternalRef(`webshop:${number}`);
      expect(transaction?.id).to.equal(order.transactionId);
      expect(transaction?.barcode).to.equal(order.barcode);
    }
    const reserved = (await locally.getOrder('webshop', 'FB-1002'))!;
    expect(reserved.type).to.equal('reserve');
    const reservedTransaction = (await fixture.shell.data.transactions.get(reserved.transactionId!))!;
    expect(reservedTransaction.lines.map((line) => line.productId)).to.include(productIdOf(mpnLine));
    for (const [id, quantity] of ordered) expect((await fixture.shell.data.products.get(id))!.stock, id).to.equal(stockBefore.get(id)! - quantity);

    // The column registered after the screen opened shows in it.
    await findByShadowRole(fixture.screen, 'columnheader', { name: /^Kanaal/ }, { timeout: 10_000 });
    await waitUntil(async () => (await channelOf('FB-1001')) === 'Webwinkel', 'FB-1001 shown with Kanaal "Webwinkel"', { timeout: 10_000 });

    // Another order placed at the web shop (as `posShell.webshop.placeOrder()` or POST /webshop-api/demo/orders does in npm start).
    const placed = (await (await fetch('/webshop-api/demo/orders', { method: 'POST' })).json()) as WebshopOrder;
    const locallyOrder = await fixture.simulator.placeOrder('buy', { kind: 'match' });
    await pollUntil(async () => (await imported('webshop', placed.number)()) && imported('locally', locallyOrder.id)(), 'the new orders imported');
    expect((await locally.getOrder('webshop', placed.number))!.status).to.equal('new');
    await waitUntil(async () => (await channelOf(locallyOrder.id)) === 'Locally', 'the Locally order shown with Kanaal "Locally"', { timeout: 10_000 });

    // Staff's answer goes to the web shop: "In behandeling" + "Opslaan" sends it "accept".
    const { stageAndSave, statusOf } = screenDriver(fixture.screen, fixture.simulator);
    await stageAndSave('FB-1001', 'Nieuw', 'In behandeling');
    await statusOf('FB-1001', 'In behandeling');
    await pollUntil(() => Promise.resolve(webshop.getOrder('FB-1001')?.state === 'accepted'), 'FB-1001 accepted at the web shop');
    expect(webshopRequests).to.include('POST /webshop-api/orders/FB-1001/events');
  });

  it('deactivating the example leaves our plugin’s registries and the shell as before it', async () => {
    // Every registration the example makes through our API, and whether it was undone.
    const registered: { method: string; id: string; disposed: boolean }[] = [];
    const api = locally as unknown as Record<string, (item: { id: string }) => Disposable>;
    for (const method of REGISTRATIONS) {
      const original = api[method]!.bind(locally);
      api[method] = (item) => {
        const entry = { method, id: item.id, disposed: false };
        registered.push(entry);
        const registration = original(item);
        return { dispose: () => ((entry.disposed = true), registration.dispose()) };
      };
    }
    const before = fixture.shell.snapshot();
    const settingsBefore = fixture.shell.settings.plugins.map((p) => p.id);

    example = await loadPlugin(fixture.shell, EXAMPLE);
    expect(registered.map((r) => `${r.method}:${r.id}`)).to.deep.equal([
      'registerOrderSource:webshop',
      'registerProductMatcher:MPN',
      'registerOrderColumn:webshop-channel',
    ]);
    expect(fixture.shell.settings.plugins.map((p) => p.id)).to.deep.equal([...settingsBefore, 'example.webshop']);
    await pollUntil(imported('webshop', 'FB-1001'), 'a web shop order imported');
    await findByShadowRole(fixture.screen, 'columnheader', { name: /^Kanaal/ });

    await example.deactivate();
    example = undefined;
    expect(registered.filter((r) => !r.disposed), 'every registration undone').to.deep.equal([]);
    expect(fixture.shell.plugins.get('example.webshop')).to.equal(undefined);
    await waitUntil(() => !queryByShadowRole(fixture.screen, 'columnheader', { name: /^Kanaal/ }), 'the Kanaal column gone', { timeout: 10_000 });

    // No source: the web shop is not asked again. No matcher: a Locally line with only a part number
    // as MPN is no longer matched (the example's matcher would have).
    const asked = webshopRequests.length;
    const product = demoProducts().find((p) => p.vendorPartNumber && p.ean && !p.vendorPartNumber.includes(' '))!;
    const mpnOnly = await fixture.simulator.placeOrder('reserve', {
      kind: 'match',
      lines: [{ lineId: 'mpn-1', mpn: product.vendorPartNumber!, description: product.description, quantity: 1, unitPrice: (product.priceCents / 100).toFixed(2), vatRate: product.vatRate }],
      total: (product.priceCents / 100).toFixed(2),
    });
    await pollUntil(imported('locally', mpnOnly.id), 'the Locally order through the import');
    const stored: StoredOrder = (await locally.getOrder('locally', mpnOnly.id))!;
    expect(stored.status, JSON.stringify(stored.problems)).to.equal('product-link-failed');
    expect(webshopRequests.length, webshopRequests.slice(asked).join(', ')).to.equal(asked);

    // Locally's own poll and deadline timers come and go with its schedule while this runs; the
    // example sets no timers, so everything else must be exactly as before.
    const apartFromLocallyTimers = (snapshot: typeof before) => ({ ...snapshot, listeners: { ...snapshot.listeners, clockTimers: 0 } });
    expect(apartFromLocallyTimers(fixture.shell.snapshot())).to.deep.equal(apartFromLocallyTimers(before));
    expect(fixture.shell.settings.plugins.map((p) => p.id)).to.deep.equal(settingsBefore);
  });
});

// The example's own check of the web shop's payload (src/webshop-order.ts), without a shell.
describe('the example web shop source reads its payload', () => {
  const valid = () => createWebshopSimulator().listOrders()[0]!;

  it('maps a valid order to the plugin’s order', () => {
    const raw = valid();
    const read = readWebshopOrder(raw);
    expect(read.kind).to.equal('valid');
    const order = (read as Extract<typeof read, { kind: 'valid' }>).order;
    expect(order).to.include({ id: 'FB-1001', type: 'buy', status: 'open' });
    expect(order.lines.map((line) => line.gtin)).to.deep.equal(raw.items.map((item) => item.ean));
    expect(order.payment?.amountCents).to.equal(raw.totalCents);
  });

  it('keeps an invalid order with its number and one reason per problem; without a number, none', () => {
    const raw = { ...valid(), placed: 'gisteren', items: [{ ...valid().items[0]!, qty: 0 }], payment: undefined };
    const read = readWebshopOrder(raw);
    expect(read).to.deep.include({ kind: 'invalid', orderId: 'FB-1001' });
    expect((read as { problems: readonly string[] }).problems).to.deep.equal([
      'placed: een tijdstip (ISO 8601) verwacht',
      'items.0.qty: een aantal van minstens 1 verwacht',
      'payment: een betaling (betaalde bestelling) verwacht',
    ]);
    const withoutNumber = readWebshopOrder({ ...valid(), number: 42 });
    expect(withoutNumber.kind).to.equal('invalid');
    expect('orderId' in withoutNumber).to.equal(false);
  });
});
