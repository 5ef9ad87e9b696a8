import { inject, injectable } from 'inversify';
import { ContributionTimeouts, withTimeout } from '../common/contribution-registry.js';
import type { Disposable } from '../common/disposable.js';
import { LifecycleListenerRegistry } from '../services/lifecycle/lifecycle-listener-registry.js';
import { PluginLog } from '../services/plugin-log.js';
import type { OrderStatusChangeEvent } from '../services/store/order-model.js';
import { OrderStore } from '../services/store/order-store.js';
import type { StartupContribution } from './host-contribution-points.js';

/**
 * Tells the lifecycle listeners about every status change this tab stored. Called after the commit
 * and not awaited by the writer; the listeners run side by side, each with a time limit, so one
 * that throws or hangs is reported and the others are still told.
 */
@injectable()
export class LifecycleNotifier implements StartupContribution {
  readonly startupId = 'lifecycle-listeners';

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(LifecycleListenerRegistry) protected readonly listeners: LifecycleListenerRegistry,
    @inject(ContributionTimeouts) protected readonly timeouts: ContributionTimeouts,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  start(): Disposable {
    return this.store.onDidChangeStatus((change) => void this.notify(change));
  }

  /** Resolves when every listener answered, failed or ran out of time. */
  async notify(change: OrderStatusChangeEvent): Promise<void> {
    await Promise.all(
      this.listeners.getAll().map((listener) =>
        withTimeout(() => listener.statusChanged(change), this.timeouts.lifecycleListenerMs).catch((error: unknown) =>
          this.log.error(`Lifecycle listener "${listener.id}" failed on ${change.order.source}:${change.order.orderId} (${change.from} → ${change.to}); skipped`, error),
        ),
      ),
    );
  }
}
