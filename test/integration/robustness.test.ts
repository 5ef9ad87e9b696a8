import { expect } from '@open-wc/testing';
import { DisposableCollection } from '../../src/common/disposable.js';
import { CommandContribution, TileContribution } from '../../src/contributions/host-contribution-points.js';
import { HostContributionRegistrar } from '../../src/contributions/host-contribution-registrar.js';
import { createPluginContainer } from '../../src/plugin-container.js';
import { PluginLog } from '../../src/services/plugin-log.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { fetchManifest, startPlugin, startShell, storedOrder, until, type PluginFixture } from '../helpers/plugin-fixture.js';
import { RecordingLog } from '../helpers/recording-log.js';

describe('a contribution that fails', () => {
  it('is reported and skipped; the rest registers, and disposing leaves the host as before', async () => {
    const { shell } = await startShell();
    const before = shell.snapshot();
    const container = createPluginContainer(shell.forPlugin(await fetchManifest()));
    const log = new RecordingLog();
    container.rebind(PluginLog).toConstantValue(log);
    container.bind(CommandContribution).toConstantValue({ commandId: 'locally.notInTheManifest', execute() {} });
    container.bind(TileContribution).toDynamicValue(() => {
      throw new Error('tile broke while being built');
    });

    const registered = new DisposableCollection();
    container.get(HostContributionRegistrar).registerAll(registered);
    const during = shell.snapshot();
    expect(during.commands).to.deep.equal(['locally.checkNow', 'locally.ecommercePayment', 'locally.emptyTransaction', 'locally.keepOpen', 'locally.openScreen', 'locally.printReceipt']);
    expect(during.tiles).to.deep.equal([]);
    expect(during.panels).to.deep.equal(['locally.ecommerceScreen']);
    expect(log.errors).to.have.length(2);
    expect(log.errors.join('\n')).to.contain('locally.notInTheManifest').and.contain('tile');

    registered.dispose();
    container.get(OrderStore).dispose();
    expect(shell.snapshot()).to.deep.equal(before);
    shell.dispose();
  });
});

describe('staying in step with the host', () => {
  let fixture: PluginFixture;
  beforeEach(async () => {
    fixture = await startPlugin();
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  async function orderTransaction() {
    const product = await fixture.shell.data.products.create({ description: 'Bel', priceCents: 500, vatRate: 21, stock: 1 });
    const order = storedOrder();
    await fixture.otherTab.putOrders([order]);
    const { transaction } = await fixture.shell.data.transactions.create({
      externalRef: `locally:${order.orderId}`,
      lines: [{ productId: product.id, description: product.description, quantity: 1, unitPriceCents: 500, vatRate: 21 }],
    });
    return { order, transaction };
  }

  it('records "Blijf Open" on the order when staff choose it in the finalize prompt', async () => {
    const { order, transaction } = await orderTransaction();
    await fixture.shell.data.payments.record(transaction.id, { method: 'cash', label: 'Contant', amountCents: 500 });
    fixture.shell.dialogs.answerWhenAsked('Volledige transactie betaald', 'keep-open');
    expect(await fixture.shell.data.transactions.save(transaction.id)).to.equal('kept-open');
    await until(async () => (await fixture.otherTab.getOrder('locally', order.orderId))?.keptOpen === true, 'order kept open');

    await fixture.shell.data.transactions.setKeptOpen(transaction.id, false);
    await until(async () => (await fixture.otherTab.getOrder('locally', order.orderId))?.keptOpen === false, 'lifted on the order');
  });

  it('closes its open payment dialog when the plugin is switched off', async () => {
    const { transaction } = await orderTransaction();
    const running = fixture.shell.executeCommand('locally.ecommercePayment', { transaction });
    await fixture.shell.dialogs.waitFor('eCommerce-betaling');
    await fixture.plugin.deactivate();
    await running;
    expect(fixture.shell.dialogs.pending).to.have.length(0);
    // dispose() deactivates again: harmless.
  });

  it('tells staff in the message pane when the order database is taken over by a newer version', async () => {
    const dbName = `${fixture.shell.dbName}:${fixture.manifest.id}:orders`;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(dbName, 99);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(new Error(String(request.error)));
    });
    await fixture.otherTab.putOrders([storedOrder()]).catch(() => undefined);
    await fixture.api.getOrders().catch(() => undefined);
    await until(
      () => fixture.shell.messages.messages.some((m) => m.message.text.includes('een nieuwere versie draait in een ander tabblad')),
      'problem message',
    );
  });
});
