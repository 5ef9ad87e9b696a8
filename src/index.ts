import type { Container } from 'inversify';
import type { LocallyPluginApi } from './api.js';
import { Disposable, DisposableCollection } from './common/disposable.js';
import { HostContributionRegistrar } from './contributions/host-contribution-registrar.js';
import type { PosHost } from './host/index.js';
import { createPluginContainer } from './plugin-container.js';
import { OrderStore } from './services/store/order-store.js';

export type { LocallyPluginApi } from './api.js';

/** Everything activation did, undone by one dispose. */
let activation: { readonly container: Container; readonly disposables: DisposableCollection } | undefined;

/** Called by the shell once the manifest's activation event happens. */
export async function activate(host: PosHost): Promise<LocallyPluginApi> {
  if (activation) await deactivate();
  const container = createPluginContainer(host);
  const disposables = new DisposableCollection();
  // Recorded before anything registers, so a failure half-way is still undone by deactivate().
  activation = { container, disposables };
  // Pushed first so it is undone last: the services outlive the contributions that use them.
  disposables.push(Disposable.create(() => container.unbindAll()));
  const store = container.get(OrderStore);
  disposables.push(store);
  container.get(HostContributionRegistrar).registerAll(disposables);
  return {
    version: host.plugin.manifest.version,
    getOrders: () => store.getAllOrders(),
    getOrdersByStatus: (status) => store.getOrdersByStatus(status),
    onDidChangeOrders: store.onDidChangeOrders,
  };
}

/** Called by the shell when the plugin is switched off: leaves the host exactly as before activation. */
export function deactivate(): Promise<void> {
  const current = activation;
  activation = undefined;
  current?.disposables.dispose();
  return Promise.resolve();
}
