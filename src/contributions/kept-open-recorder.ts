import { inject, injectable } from 'inversify';
import type { Disposable } from '../common/disposable.js';
import type { Clock, TransactionChange, TransactionService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { PluginLog } from '../services/plugin-log.js';
import { OrderStore } from '../services/store/order-store.js';
import { parseExternalRef } from '../services/transaction-orders.js';
import type { StartupContribution } from './host-contribution-points.js';

/**
 * Keeps the order's "Blijf Open" in step with its transaction, whichever way staff set it: the
 * toolbar button, the finalize prompt's "Blijf Open", or the shell lifting it.
 */
@injectable()
export class KeptOpenRecorder implements StartupContribution {
  readonly startupId = 'kept-open-recorder';

  constructor(
    @inject(HostTokens.transactions) protected readonly transactions: TransactionService,
    @inject(HostTokens.clock) protected readonly clock: Clock,
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  start(): Disposable {
    return this.transactions.onDidChange((change) => void this.record(change));
  }

  protected async record({ transaction }: TransactionChange): Promise<void> {
    const ref = parseExternalRef(transaction.externalRef);
    if (!ref) return;
    try {
      const order = await this.store.getOrder(ref.source, ref.orderId);
      if (order && order.keptOpen !== transaction.keptOpen) {
        await this.store.setKeptOpen(ref.source, ref.orderId, transaction.keptOpen, this.clock.now());
      }
    } catch (error) {
      this.log.error(`Could not record "Blijf Open" on order ${transaction.externalRef}`, error);
    }
  }
}
