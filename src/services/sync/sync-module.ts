import { ContainerModule } from 'inversify';
import { bindContributionProvider } from '../../common/contribution-provider.js';
import { bindContributionRegistry } from '../../common/contribution-registry.js';
import { ClockScheduler } from './clock-scheduler.js';
import { LocallyOrderSource } from './locally/locally-order-source.js';
import { NetworkStatus } from './network-status.js';
import { OrderSource } from './order-source.js';
import { OrderSourceRegistry } from './order-source-registry.js';
import { OrderSync, SyncRandom } from './order-sync.js';

/** Sync: the order sources (Locally registered like any other) and the poller. */
export const syncModule = new ContainerModule(({ bind }) => {
  bindContributionProvider(bind, OrderSource);
  bind(LocallyOrderSource).toSelf().inSingletonScope();
  bind(OrderSource).toService(LocallyOrderSource);
  bindContributionRegistry(bind, OrderSourceRegistry, OrderSource, 'order source');
  bind(ClockScheduler).toSelf().inSingletonScope().onDeactivation((scheduler) => scheduler.dispose());
  bind(NetworkStatus).toSelf().inSingletonScope().onDeactivation((status) => status.dispose());
  bind(SyncRandom).toConstantValue(Math.random);
  bind(OrderSync).toSelf().inSingletonScope();
});
