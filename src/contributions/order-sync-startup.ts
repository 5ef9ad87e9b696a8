import { inject, injectable } from 'inversify';
import type { Disposable } from '../common/disposable.js';
import { OrderSync } from '../services/sync/order-sync.js';
import type { StartupContribution } from './host-contribution-points.js';

/** Starts the poller with the plugin; deactivation stops it and releases the till's lead. */
@injectable()
export class OrderSyncStartup implements StartupContribution {
  readonly startupId = 'order-sync';

  constructor(@inject(OrderSync) protected readonly sync: OrderSync) {}

  start(): Disposable {
    return this.sync.start();
  }
}
