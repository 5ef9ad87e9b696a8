import type { Container } from 'inversify';
import type { LocallyPluginApi } from './api.js';
import { Disposable, DisposableCollection } from './common/disposable.js';
import { HostContributionRegistrar } from './contributions/host-contribution-registrar.js';
import type { PosHost } from './host/index.js';
import { createPluginContainer } from './plugin-container.js';
import { CustomerMatcherRegistry } from './services/import/customer-matcher-registry.js';
import { ProductMatcherRegistry } from './services/import/product-matcher-registry.js';
import { LifecycleListenerRegistry } from './services/lifecycle/lifecycle-listener-registry.js';
import { OrderColumnRegistry } from './services/screen/order-column-registry.js';
import { OrderStore } from './services/store/order-store.js';
import { OrderSourceRegistry } from './services/sync/order-source-registry.js';

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
  /** Another plugin's registration: undone by its own dispose, or with ours on deactivation. */
  const registerInto =
    <T extends { readonly id: string }>(registry: { register(item: T): Disposable }) =>
    (item: T): Disposable => {
      const registration = registry.register(item);
      const untrack = disposables.push(registration);
      return Disposable.create(() => {
        untrack.dispose();
        registration.dispose();
      });
    };
  return {
    version: host.plugin.manifest.version,
    registerOrderSource: registerInto(container.get<OrderSourceRegistry>(OrderSourceRegistry)),
    registerProductMatcher: registerInto(container.get<ProductMatcherRegistry>(ProductMatcherRegistry)),
    registerCustomerMatcher: registerInto(container.get<CustomerMatcherRegistry>(CustomerMatcherRegistry)),
    registerOrderColumn: registerInto(container.get<OrderColumnRegistry>(OrderColumnRegistry)),
    registerLifecycleListener: registerInto(container.get<LifecycleListenerRegistry>(LifecycleListenerRegistry)),
    getOrders: () => store.getAllOrders(),
    getOrdersByStatus: (status) => store.getOrdersByStatus(status),
    getOrder: (source, orderId) => store.getOrder(source, orderId),
    onDidChangeOrders: store.onDidChangeOrders,
    onDidChangeStatus: store.onDidChangeStatus,
  };
}

/** Called by the shell when the plugin is switched off: leaves the host exactly as before activation. */
export function deactivate(): Promise<void> {
  const current = activation;
  activation = undefined;
  current?.disposables.dispose();
  return Promise.resolve();
}
