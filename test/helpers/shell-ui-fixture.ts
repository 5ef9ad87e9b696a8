import { fixture, html } from '@open-wc/testing';
import { findByShadowRole } from 'shadow-dom-testing-library';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import { createShellHost, type ShellHost } from '../../shell/host/shell-host.js';
import { ShellClock } from '../../shell/host/shell-clock.js';
import type { PluginHandle } from '../../shell/plugin-loader.js';
import '../../shell/ui/pos-shell.js';
import type { PosShell } from '../../shell/ui/pos-shell.js';
import type { SimulatorKit } from '../mocks/simulator-test-kit.js';
import { loadPluginInto, TEST_NOW } from './plugin-fixture.js';

/** The seeded shell on screen with the plugin loaded, polling the Locally simulator, and "eCommerce-verkopen" open. */
export interface ShellUiFixture {
  readonly shell: ShellHost;
  readonly simulator: LocallySimulator;
  readonly plugin: PluginHandle;
  readonly ui: PosShell;
  /** The region "eCommerce-verkopen". */
  readonly screen: HTMLElement;
  dispose(): Promise<void>;
}

/** Starts at Friday 27 November 2026, 10:00 in Amsterdam (virtual time): the demo shop is open until 21:00. */
export async function startShellUi(kit: SimulatorKit, name: string): Promise<ShellUiFixture> {
  const clock = new ShellClock({ start: TEST_NOW, realTime: false });
  const shell = await createShellHost({ dbName: `${name}-${crypto.randomUUID()}`, clock, seed: true });
  await shell.settings.secretsFor('locally.ecommerce').store('locally.apiKey', 'demo-key');
  const { simulator } = kit.create({ now: () => clock.now() });
  const plugin = await loadPluginInto(shell);
  const ui = await fixture<PosShell>(html`<pos-shell .host=${shell}></pos-shell>`);
  (await findByShadowRole(ui, 'button', { name: /^eCommerce, \d+ te behandelen$/ })).click();
  // The screen's modules load on first open (from source here): on a busy machine that takes longer than the default second.
  const screen = await findByShadowRole(ui, 'region', { name: 'eCommerce-verkopen' }, { timeout: 20_000 });
  return {
    shell,
    simulator,
    plugin,
    ui,
    screen,
    async dispose() {
      await plugin.deactivate();
      shell.dispose();
    },
  };
}
