import { createShellHost, type ShellHost } from '../../shell/host/shell-host.js';
import { ShellClock } from '../../shell/host/shell-clock.js';
import { loadPlugin, type PluginHandle } from '../../shell/plugin-loader.js';
import type { LocallyPluginApi } from '../../src/api.js';
import type { PluginManifest } from '../../src/host/manifest.js';
import type { StoredOrder } from '../../src/services/store/order-model.js';
import { OrderStore } from '../../src/services/store/order-store.js';

export const TEST_NOW = Date.parse('2026-11-27T10:00:00+01:00');

/** The plugin loaded into a headless reference shell, exactly as an installed plugin, on fresh databases. */
export interface PluginFixture {
  readonly shell: ShellHost;
  readonly clock: ShellClock;
  readonly plugin: PluginHandle;
  readonly api: LocallyPluginApi;
  readonly manifest: PluginManifest;
  /** A second connection to the plugin's order database: another tab of the same till. */
  readonly otherTab: OrderStore;
  dispose(): Promise<void>;
}

export async function fetchManifest(): Promise<PluginManifest> {
  return (await (await fetch('/plugin.json')).json()) as PluginManifest;
}

export async function startShell(): Promise<{ shell: ShellHost; clock: ShellClock }> {
  const clock = new ShellClock({ start: TEST_NOW, realTime: false });
  const shell = await createShellHost({ dbName: `plugin-test-${crypto.randomUUID()}`, clock, seed: false });
  return { shell, clock };
}

export async function loadPluginInto(shell: ShellHost): Promise<PluginHandle> {
  return loadPlugin(shell, '/plugin.json');
}

export async function startPlugin(): Promise<PluginFixture> {
  const { shell, clock } = await startShell();
  const plugin = await loadPluginInto(shell);
  const otherTab = new OrderStore({ dbName: `${shell.dbName}:${plugin.manifest.id}:orders` });
  return {
    shell,
    clock,
    plugin,
    api: plugin.api as LocallyPluginApi,
    manifest: plugin.manifest,
    otherTab,
    async dispose() {
      otherTab.dispose();
      await plugin.deactivate();
      shell.dispose();
    },
  };
}

/** Resolves once `check` holds, polling briefly; rejects with `what` after a second. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let counter = 0;

/** A valid stored Locally order; paid ('buy') unless told otherwise. */
export function storedOrder(overrides: Partial<StoredOrder> = {}): StoredOrder {
  const orderId = overrides.orderId ?? `QE${++counter}X${Math.floor(Math.random() * 1e4)}`;
  const type = overrides.type ?? 'buy';
  return {
    source: 'locally',
    orderId,
    status: 'new',
    placedAt: TEST_NOW - 60_000,
    type,
    keptOpen: false,
    updatedAt: TEST_NOW,
    revision: 0,
    order: {
      id: orderId,
      placedAt: TEST_NOW - 60_000,
      type,
      customer: {
        providerCustomerId: 'LC-1001',
        firstName: 'Sanne',
        lastName: 'de Vries',
        email: 'sanne.devries@example.nl',
        billingAddress: { street: 'Oudegracht 12', postcode: '3511 AB', city: 'Utrecht', country: 'NL' },
        shippingAddress: { street: 'Oudegracht 12', postcode: '3511 AB', city: 'Utrecht', country: 'NL' },
        emailOptIn: true,
      },
      note: 'Graag <b>voor</b> zaterdag',
      lines: [
        { lineId: '1', gtin: '4026495366892', description: 'Schwalbe Marathon Plus 28 x 1.75', quantity: 2, unitPriceCents: 4500, vatRate: 21 },
      ],
      totals: { totalCents: 9000 },
      ...(type === 'buy' ? { payment: { provider: 'stripe' as const, amountCents: 9000, last4: '4242', authorizationId: 'pi_3Nf1' } } : {}),
    },
    ...overrides,
  };
}
