import { expect } from '@open-wc/testing';
import type { Product } from '../../src/host/products.js';
import type { Transaction } from '../../src/host/transactions.js';
import { EcommerceScreenFactory } from '../../src/contributions/ecommerce-screen-factory.js';
import { LazyModules } from '../../src/contributions/lazy-modules.js';
import { ScreenStatusChanges } from '../../src/contributions/screen-status-changes.js';
import { startImportFixture, type ImportFixture } from '../helpers/import-fixture.js';
import { storedOrder, until } from '../helpers/plugin-fixture.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';

const MINUTE = 60_000;
const NO_IMPORT = 'U heeft geen recht "eCommerce importeren".';

describe('the signed-in user\'s permissions gate the plugin', () => {
  const kit = new SimulatorKit('permissions');
  let fixture: ImportFixture;
  let requests: string[] = [];
  // Only calls to Locally's API: the plugin's lazily loaded modules pass the service worker too.
  const countRequests = ({ request }: { request: Request }) => {
    const { pathname } = new URL(request.url);
    if (pathname.includes('/v1/orders')) requests.push(`${request.method} ${pathname}`);
  };

  before(async () => {
    await kit.start();
    kit.worker!.events.on('request:start', countRequests);
  });
  after(() => {
    kit.worker!.events.removeListener('request:start', countRequests);
    kit.stop();
  });

  beforeEach(async () => {
    fixture = await startImportFixture(kit, 'permissions');
    requests = [];
  });
  afterEach(() => fixture.dispose());

  it('a till signed in by a user without "eCommerce importeren" neither polls, sends nor imports, and starts again when Anne signs in', async () => {
    const { shell, sync, store, simulator } = fixture;
    shell.switchUser('chris');
    expect(sync.status).to.include({ importsHere: false, userMayImport: false });

    const placed = await simulator.placeOrder('buy');
    await sync.checkNow();
    await fixture.advance(20 * MINUTE);
    expect(requests).to.deep.equal([]);
    expect(await store.getOrder('locally', placed.id)).to.equal(undefined);

    // An order stored before the switch waits for the import, and a message to Locally waits in the outbox.
    const waiting = storedOrder({ status: 'received' });
    const queued = storedOrder({ status: 'new' });
    await store.putOrders([waiting, queued]);
    const at = shell.clock.now();
    await store.applyStatusChange({
      source: 'locally', orderId: queued.orderId, to: 'in-progress', by: 'test', at,
      outbox: { source: 'locally', orderId: queued.orderId, kind: 'accept', createdAt: at, attempts: 0, nextAttemptAt: at },
    });
    await fixture.advance(MINUTE);
    expect((await store.getOrder('locally', waiting.orderId))!.status).to.equal('received');
    expect(await store.getPendingOutbox(Number.MAX_SAFE_INTEGER)).to.have.length(1);
    expect(requests).to.deep.equal([]);

    shell.switchUser('anne');
    expect(sync.status).to.include({ importsHere: true, userMayImport: true });
    await until(async () => (await store.getOrder('locally', placed.id)) !== undefined, 'polled at once when Anne signed in', 6_000);
    expect(requests.length).to.be.greaterThan(0);
    await until(async () => (await store.getOrder('locally', waiting.orderId))!.status !== 'received', 'imported once Anne signed in', 6_000);
    await until(() => requests.some((request) => request.startsWith('POST ') && request.includes(queued.orderId)), 'the message sent once Anne signed in', 6_000);
  });

  it('a user with "eCommerce importeren" but without "Geavanceerde betalingen" (Bram) keeps the till polling', async () => {
    const { shell, sync, store, simulator } = fixture;
    shell.switchUser('bram');
    expect(sync.status).to.include({ importsHere: true, userMayImport: true });
    const placed = await simulator.placeOrder('buy');
    await fixture.advance(5 * MINUTE);
    await until(async () => (await store.getOrder('locally', placed.id)) !== undefined, 'polled on the interval', 6_000);
  });

  it('"Opslaan" is refused with the reason for a user without "eCommerce importeren", whoever calls it', async () => {
    const { shell, store, container } = fixture;
    const order = storedOrder({ status: 'new' });
    await store.putOrders([order]);
    shell.switchUser('chris');
    const screenServices = await container.get(LazyModules).screen();
    const outcomes = await screenServices.get(ScreenStatusChanges).apply([{ order, action: 'in-progress' }]);
    expect(outcomes).to.deep.equal([{ kind: 'refused', reason: NO_IMPORT }]);
    expect((await store.getOrder('locally', order.orderId))!.status).to.equal('new');
  });

  it('the screen follows who is signed in while it is shown, and lets go of the session when it closes', async () => {
    const { shell, container } = fixture;
    const factory = (await container.get(LazyModules).screen()).get(EcommerceScreenFactory);
    const listenersBefore = shell.session.listenerCount;
    shell.switchUser('bram');
    const screen = factory.create();
    expect(screen.readOnlyReason).to.equal(undefined);
    document.body.append(screen);
    await screen.updateComplete;
    expect(shell.session.listenerCount).to.equal(listenersBefore + 1);

    shell.switchUser('chris');
    expect(screen.readOnlyReason).to.equal(NO_IMPORT);
    await screen.updateComplete;
    expect(screen.shadowRoot!.textContent).to.contain(`Alleen lezen. ${NO_IMPORT}`);
    shell.switchUser('anne');
    expect(screen.readOnlyReason).to.equal(undefined);

    screen.remove();
    expect(shell.session.listenerCount).to.equal(listenersBefore);
    // Shown again after a user switch while it was away: it reads the session afresh.
    shell.switchUser('chris');
    document.body.append(screen);
    expect(screen.readOnlyReason).to.equal(NO_IMPORT);
    screen.remove();
    expect(shell.session.listenerCount).to.equal(listenersBefore);
  });

  it('the "eCommerce" payment button stays on an eCommerce transaction, unavailable for Bram with the reason, available for Anne', async () => {
    const { shell } = fixture;
    const product: Product = await shell.data.products.create({ description: 'Fietsbel chroom', ean: '8712345678906', priceCents: 1295, vatRate: 21, stock: 2 });
    const order = storedOrder();
    await fixture.store.putOrders([order]);
    const { transaction }: { transaction: Transaction } = await shell.data.transactions.create({
      externalRef: `locally:${order.orderId}`,
      lines: [{ productId: product.id, description: product.description, quantity: 1, unitPriceCents: 1295, vatRate: 21 }],
    });

    shell.switchUser('bram');
    expect(shell.visibleMenuItems('transaction/payments', shell.transactionContext(transaction)).map((item) => item.title)).to.include('eCommerce');
    expect(await shell.getAvailability('locally.ecommercePayment', { transaction })).to.deep.equal({
      enabled: false,
      reason: 'Hiervoor is de bevoegdheid "Geavanceerde betalingen" nodig.',
    });

    shell.switchUser('anne');
    expect(await shell.getAvailability('locally.ecommercePayment', { transaction })).to.deep.equal({ enabled: true });
  });
});
