import { ContainerModule } from 'inversify';
import { PluginLog } from './plugin-log.js';
import { OrderStore, OrderStoreOptions } from './store/order-store.js';
import { TransactionOrders } from './transaction-orders.js';

/** The plugin's services; the order store's database is named from the host's storage name. */
export function servicesModule(options: OrderStoreOptions): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(PluginLog).toSelf().inSingletonScope();
    bind(OrderStoreOptions).toConstantValue(options);
    bind(OrderStore).toSelf().inSingletonScope();
    bind(TransactionOrders).toSelf().inSingletonScope();
  });
}
