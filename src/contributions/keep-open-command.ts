import { msg } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { Clock, CommandAvailability, CommandContext, NotificationService, TransactionService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { OrderStore } from '../services/store/order-store.js';
import { TransactionOrders } from '../services/transaction-orders.js';
import { CommandIds } from './contribution-ids.js';
import type { CommandContribution } from './host-contribution-points.js';
import { AVAILABLE, openEcommerceTransactionProblem, unavailable } from './transaction-availability.js';

/**
 * "Blijf Open" in the transaction window: the sale stays open until pickup, so saving it neither
 * prompts nor finalizes. Recorded on the order too, so the screen can show it.
 */
@injectable()
export class KeepOpenCommand implements CommandContribution {
  readonly commandId = CommandIds.keepOpen;

  constructor(
    @inject(HostTokens.transactions) protected readonly transactions: TransactionService,
    @inject(HostTokens.notifications) protected readonly notifications: NotificationService,
    @inject(HostTokens.clock) protected readonly clock: Clock,
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(TransactionOrders) protected readonly transactionOrders: TransactionOrders,
  ) {}

  getAvailability(context: CommandContext): CommandAvailability {
    const problem = openEcommerceTransactionProblem(context);
    if (problem) return unavailable(problem);
    if (context.transaction?.keptOpen) return unavailable(msg('Deze transactie blijft al open tot het afhalen.'));
    return AVAILABLE;
  }

  async execute({ transaction }: CommandContext): Promise<void> {
    if (!transaction) return;
    await this.transactions.setKeptOpen(transaction.id, true);
    const order = await this.transactionOrders.orderOf(transaction);
    if (order) await this.store.setKeptOpen(order.source, order.orderId, true, this.clock.now());
    this.notifications.notify(msg('De transactie blijft open tot het afhalen.'));
  }
}
