import { ContainerModule } from 'inversify';
import { bindContributionProvider } from '../common/contribution-provider.js';
import { bindContributionRegistry, ContributionTimeouts, DEFAULT_CONTRIBUTION_TIMEOUTS } from '../common/contribution-registry.js';
import { LifecycleListener } from '../services/lifecycle/lifecycle-listener.js';
import { LifecycleListenerRegistry } from '../services/lifecycle/lifecycle-listener-registry.js';
import { OrderColumn } from '../services/screen/order-column.js';
import { OrderColumnRegistry } from '../services/screen/order-column-registry.js';
import { StartupContribution } from './host-contribution-points.js';
import { LifecycleNotifier } from './lifecycle-notifier.js';

/**
 * The plugin's own contribution points that other areas do not own: screen columns and lifecycle
 * listeners (order sources and matchers are bound with sync and import), and the time limits for
 * contributions. The registries are disposed (their run-time registrations dropped) on deactivation.
 */
export const extensionModule = new ContainerModule(({ bind }) => {
  bind(ContributionTimeouts).toConstantValue(DEFAULT_CONTRIBUTION_TIMEOUTS);
  // The built-in columns come with the screen's lazily loaded module: the provider reads the bindings as they are then.
  bindContributionProvider(bind, OrderColumn, { live: true });
  bindContributionRegistry(bind, OrderColumnRegistry, OrderColumn, 'order column');
  bindContributionProvider(bind, LifecycleListener);
  bindContributionRegistry(bind, LifecycleListenerRegistry, LifecycleListener, 'lifecycle listener');
  bind(LifecycleNotifier).toSelf().inSingletonScope();
  bind(StartupContribution).toService(LifecycleNotifier);
});
