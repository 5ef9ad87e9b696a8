import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import type { PluginHandle } from '../../shell/plugin-loader.js';
import '../../shell/ui/pos-shell.js';
import type { PosShell } from '../../shell/ui/pos-shell.js';
import { deepActiveElement } from '../../shell/ui/host-controller.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { loadPluginInto, startShell, storedOrder } from '../helpers/plugin-fixture.js';

// What a person sees: the shell with the plugin installed, found by role and accessible name only.
describe('the shell with the plugin, as staff see it', () => {
  let shell: ShellHost;
  let plugin: PluginHandle;
  let ui: PosShell;

  beforeEach(async () => {
    ({ shell } = await startShell());
    plugin = await loadPluginInto(shell);
    ui = await fixture<PosShell>(html`<pos-shell .host=${shell}></pos-shell>`);
  });
  afterEach(async () => {
    await plugin.deactivate();
    shell.dispose();
  });

  it('shows the tile, the message pane and the menus, and opens the screen from the tile', async () => {
    expect(await findByShadowRole(ui, 'region', { name: 'Berichten' })).to.exist;
    for (const name of ['Bestand', 'Bekijken', 'Gereedschap']) {
      expect(await findByShadowRole(ui, 'menuitem', { name }), name).to.exist;
    }
    const tile = await findByShadowRole(ui, 'button', { name: 'eCommerce, 0 te behandelen' });
    tile.click();
    const region = await findByShadowRole(ui, 'region', { name: 'eCommerce-verkopen' });
    await findByShadowRole(region, 'button', { name: 'Sluiten' });
    await expect(ui).to.be.accessible();
  });

  it('opens the screen from Bekijken › eCommerce-verkopen with the keyboard', async () => {
    const view = await findByShadowRole(ui, 'menuitem', { name: 'Bekijken' });
    view.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => view.getAttribute('aria-expanded') === 'true', 'Bekijken opened');
    const item = await findByShadowRole(ui, 'menuitem', { name: 'eCommerce-verkopen' });
    await waitUntil(() => deepActiveElement() === item, 'focus on the menu item');
    await sendKeys({ press: 'Enter' });
    expect(await findByShadowRole(ui, 'region', { name: 'eCommerce-verkopen' })).to.exist;
  });

  it('says why "Locally Ontvangstbewijs afdrukken" is unavailable without a paid Locally order', async () => {
    (await findByShadowRole(ui, 'menuitem', { name: 'Gereedschap' })).click();
    const item = await findByShadowRole(ui, 'menuitem', { name: 'Locally Ontvangstbewijs afdrukken' });
    await waitUntil(() => item.getAttribute('aria-disabled') === 'true', 'unavailable');
    const description = await findByShadowRole(ui, 'menuitem', {
      name: 'Locally Ontvangstbewijs afdrukken',
      description: 'Alleen beschikbaar op de transactie van een betaalde Locally-bestelling.',
    });
    expect(description).to.equal(item);
  });

  it('shows "Blijf Open" and "eCommerce" in the window of an eCommerce transaction, and the tile counts live', async () => {
    const product = await shell.data.products.create({
      description: 'AXA Defender ringslot', ean: '8713249182836', vendorPartNumber: 'AXA-59530095SC', priceCents: 3499, vatRate: 21, stock: 3,
    });
    const order = storedOrder();
    const store = new OrderStore({ dbName: `${shell.dbName}:${plugin.manifest.id}:orders` });
    await store.putOrders([order]);
    store.dispose();
    await findByShadowRole(ui, 'button', { name: 'eCommerce, 1 te behandelen' });

    const { transaction } = await shell.data.transactions.create({
      externalRef: `locally:${order.orderId}`,
      lines: [{ productId: product.id, description: product.description, quantity: 1, unitPriceCents: 3000, vatRate: 21 }],
    });
    await shell.data.transactions.open(transaction.id);
    const window = await findByShadowRole(ui, 'region', { name: `Transactie ${transaction.barcode}` });
    expect(await findByShadowRole(window, 'button', { name: 'Blijf Open' })).to.exist;
    const payments = await findByShadowRole(window, 'toolbar', { name: 'Betalingen' });
    expect(await findByShadowRole(payments, 'button', { name: 'eCommerce' })).to.exist;
    expect(await findByShadowRole(window, 'button', { name: 'Opslaan' })).to.exist;
    expect(await findByShadowRole(window, 'button', { name: 'Bon afdrukken' })).to.exist;

    const counterSale = await shell.newTransaction();
    const counterWindow = await findByShadowRole(ui, 'region', { name: `Transactie ${counterSale.barcode}` });
    expect(queryByShadowRole(counterWindow, 'button', { name: 'Blijf Open' })).to.equal(null);
    expect(queryByShadowRole(counterWindow, 'button', { name: 'eCommerce' })).to.equal(null);
    await expect(ui).to.be.accessible();
  });
});
