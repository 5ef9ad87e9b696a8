import { expect } from '@open-wc/testing';
import type { ShellHost } from '../../shell/host/shell-host.js';
import { fetchManifest, loadPluginInto, startPlugin, startShell, storedOrder, until, type PluginFixture } from '../helpers/plugin-fixture.js';

function tileLabel(shell: ShellHost): string | undefined {
  return shell.tiles.all.find((tile) => tile.id === 'locally.ecommerceTile')?.provider.getState().label;
}

describe('activation and deactivation', () => {
  it('contributes everything the manifest declares, and deactivate leaves the host exactly as before', async () => {
    const { shell } = await startShell();
    const before = shell.snapshot();
    const manifest = await fetchManifest();

    const plugin = await loadPluginInto(shell);
    // What only the screen and dialogs need is loaded when they first open, not at activation.
    expect(customElements.get('locally-ecommerce-screen')).to.equal(undefined);
    expect(customElements.get('locally-ecommerce-payment-dialog')).to.equal(undefined);
    // The plugin hands the shell its English templates once its localization module is in (a lazy chunk).
    await until(() => shell.snapshot().listeners.translations === before.listeners.translations + 1, 'translations registered');
    const during = shell.snapshot();
    expect(during.tiles).to.deep.equal(manifest.contributes.tiles!.map((t) => t.id).sort());
    expect(during.panels).to.deep.equal(manifest.contributes.panels!.map((p) => p.id).sort());
    expect(during.sources).to.deep.equal(manifest.contributes.notificationSources!.map((s) => s.id).sort());
    expect(during.commands).to.deep.equal(manifest.contributes.commands!.map((c) => c.id).sort());
    for (const [menu, items] of Object.entries(manifest.contributes.menus!)) {
      expect(during.menus[menu]?.map((i) => i.command), menu).to.deep.equal(items.map((i) => i.command));
    }

    // The snapshot sees subscriptions too: while active the plugin listens to transaction changes
    // (the "Blijf Open" recorder and the offer to complete an order after finalizing).
    expect(during.listeners.transactions).to.equal(before.listeners.transactions + 2);
    // And it asks before a price changes on a Locally order's transaction.
    expect(during.listeners.priceChangeGuards).to.equal(before.listeners.priceChangeGuards + 1);
    // Its English templates are registered with the shell, which owns the one @lit/localize configuration
    // the two share here; and it follows the shell's locale for money and dates.
    expect(during.listeners.translations).to.equal(before.listeners.translations + 1);
    expect(during.listeners.locale).to.equal(before.listeners.locale + 1);

    await plugin.deactivate();
    expect(shell.snapshot()).to.deep.equal(before);
    shell.dispose();
  });

  it('activates again after deactivation, with live state', async () => {
    const { shell } = await startShell();
    const first = await loadPluginInto(shell);
    await first.deactivate();
    expect(tileLabel(shell)).to.equal(undefined);

    const second = await loadPluginInto(shell);
    await until(() => tileLabel(shell) === 'eCommerce, 0 te behandelen', 'tile after re-activation');
    await second.deactivate();
    expect(shell.snapshot().tiles).to.deep.equal([]);
    shell.dispose();
  });
});

describe('the tile, the message and the screen', () => {
  let fixture: PluginFixture;
  beforeEach(async () => {
    fixture = await startPlugin();
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  it('counts the orders still to handle, live, also when another tab stores them', async () => {
    const { shell, otherTab } = fixture;
    await until(() => tileLabel(shell) === 'eCommerce, 0 te behandelen', 'initial tile');
    await otherTab.putOrders([
      storedOrder({ status: 'new' }),
      storedOrder({ status: 'customer-id-required' }),
      storedOrder({ status: 'completed' }),
      storedOrder({ status: 'archived' }),
    ]);
    await until(() => tileLabel(shell) === 'eCommerce, 2 te behandelen', 'tile counting 2 open orders');
    expect(shell.tiles.all[0]!.provider.getState().badge).to.equal(2);
  });

  it('opens the screen from the tile; the screen lists the orders and clears the message', async () => {
    const { shell, otherTab } = fixture;
    const order = storedOrder();
    await otherTab.putOrders([order]);
    await until(
      () => shell.messages.messages.some((m) => m.message.text === 'eCommerce-verkoop is beschikbaar voor download'),
      'message in the pane',
    );

    shell.tiles.all.find((t) => t.id === 'locally.ecommerceTile')!.provider.open();
    await until(() => shell.panels.open.some((p) => p.id === 'locally.ecommerceScreen'), 'screen opened');
    const screen = shell.panels.open.find((p) => p.id === 'locally.ecommerceScreen')!.element;
    document.body.append(screen);
    try {
      await until(() => (screen.shadowRoot?.textContent ?? '').includes(order.orderId), 'order listed');
      await until(() => !shell.messages.messages.some((m) => m.message.text.startsWith('eCommerce-verkoop')), 'message gone once shown');
      // The customer's note and names are provider text: rendered as text, never as HTML.
      expect(screen.shadowRoot!.querySelector('b')).to.equal(null);
    } finally {
      screen.remove();
    }
  });

  it('opens the screen from Bekijken › eCommerce-verkopen', async () => {
    const { shell } = fixture;
    const item = shell.visibleMenuItems('menubar/view').find((i) => i.command === 'locally.openScreen');
    expect(item?.title).to.equal('eCommerce-verkopen');
    await shell.executeCommand('locally.openScreen');
    expect(shell.panels.open.map((p) => p.id)).to.include('locally.ecommerceScreen');
  });

  it('returns a public API that reads the stored orders', async () => {
    const { api, otherTab } = fixture;
    const order = storedOrder({ status: 'in-progress' });
    await otherTab.putOrders([order]);
    expect((await api.getOrdersByStatus('in-progress')).map((o) => o.orderId)).to.deep.equal([order.orderId]);
    expect(api.version).to.equal(fixture.manifest.version);
  });
});
