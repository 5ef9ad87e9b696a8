import { expect } from '@open-wc/testing';
import type { LocallyPluginApi } from '../../src/api.js';
import { loadPlugin } from '../../shell/plugin-loader.js';
import { fetchManifest, startShell, storedOrder, until } from '../helpers/plugin-fixture.js';

// Every other test loads the plugin from its TypeScript source. This one loads what `npm run build`
// ships (served under /shipped/ by web-test-runner.config.mjs; `npm test` builds first): minified,
// split into chunks, and importing Lit, @lit/localize and idb from the host as shared modules.
describe('the shipped bundle (dist/)', () => {
  const tileLabel = (shell: Awaited<ReturnType<typeof startShell>>['shell']) =>
    shell.tiles.all.find((tile) => tile.id === 'locally.ecommerceTile')?.provider.getState().label;

  it('activates in the shell with every contribution, works in both languages, and deactivates cleanly', async function () {
    this.timeout(30_000);
    const { shell } = await startShell();
    const before = shell.snapshot();
    const manifest = await fetchManifest();
    // dist/ is installed on its own: its manifest is ours with `main` relative to dist/.
    const shippedManifest = (await (await fetch('/shipped/dist/plugin.json')).json()) as typeof manifest;
    expect(shippedManifest).to.deep.equal({ ...manifest, main: 'index.js' });

    const plugin = await loadPlugin(shell, '/shipped/dist/plugin.json');
    const during = shell.snapshot();
    expect(during.tiles).to.deep.equal(manifest.contributes.tiles!.map((t) => t.id).sort());
    expect(during.panels).to.deep.equal(manifest.contributes.panels!.map((p) => p.id).sort());
    expect(during.sources).to.deep.equal(manifest.contributes.notificationSources!.map((s) => s.id).sort());
    expect(during.commands).to.deep.equal(manifest.contributes.commands!.map((c) => c.id).sort());
    // What activation loads holds no screen (scripts/check-bundle.mjs); its code comes with the rest of
    // the plugin right after activation, so it is there before anyone opens the screen.
    await until(() => customElements.get('locally-ecommerce-screen') !== undefined, 'the screen fetched after activation');

    // The bundle's IndexedDB store (idb from the host) and its API.
    const api = plugin.api as LocallyPluginApi;
    expect(api.version).to.equal(manifest.version);
    await until(() => tileLabel(shell) === 'eCommerce, 0 te behandelen', 'the tile in Dutch');

    // The one @lit/localize configuration is the host's: the bundle hands it its English templates.
    await until(() => shell.snapshot().listeners.translations === before.listeners.translations + 1, 'translations registered');
    shell.setLanguage('en');
    await shell.locale.settled();
    await until(() => tileLabel(shell) === 'eCommerce, 0 to handle', `the tile in English (${tileLabel(shell)})`);
    shell.setLanguage('nl');
    await shell.locale.settled();

    // The screen from dist/ renders with the host's Lit.
    const { OrderStore } = await import('../../src/services/store/order-store.js');
    const otherTab = new OrderStore({ dbName: `${shell.dbName}:${plugin.manifest.id}:orders` });
    const order = storedOrder({ status: 'in-progress' });
    await otherTab.putOrders([order]);
    await shell.executeCommand('locally.openScreen');
    await until(() => shell.panels.open.some((p) => p.id === 'locally.ecommerceScreen'), 'the screen opened');
    const screen = shell.panels.open.find((p) => p.id === 'locally.ecommerceScreen')!.element;
    document.body.append(screen);
    try {
      await until(() => (screen.shadowRoot?.textContent ?? '').includes(order.orderId), 'the order listed', 10_000);
      expect(screen.shadowRoot!.querySelector('[role="grid"]')).to.not.equal(null);
    } finally {
      screen.remove();
      otherTab.dispose();
    }

    await plugin.deactivate();
    expect(shell.snapshot()).to.deep.equal(before);
    shell.dispose();
  });

  it('reads orders stored by the source build: the same database schema', async () => {
    const { shell } = await startShell();
    const plugin = await loadPlugin(shell, '/shipped/dist/plugin.json');
    const api = plugin.api as LocallyPluginApi;
    const { OrderStore } = await import('../../src/services/store/order-store.js');
    const otherTab = new OrderStore({ dbName: `${shell.dbName}:${plugin.manifest.id}:orders` });
    const order = storedOrder({ status: 'in-progress' });
    await otherTab.putOrders([order]);
    await until(async () => (await api.getOrdersByStatus('in-progress')).length === 1, 'the order read by the bundle');
    expect((await api.getOrder('locally', order.orderId))?.orderId).to.equal(order.orderId);
    otherTab.dispose();
    await plugin.deactivate();
    shell.dispose();
  });
});
