import { msg } from '@lit/localize';
import { inject, injectable } from 'inversify';
import { Permissions, type CommandAvailability, type CommandContext, type SessionService } from '../host/index.js';
import type { Event } from '../common/event.js';
import { HostTokens } from '../host-tokens.js';
import { OrderStore } from '../services/store/order-store.js';
import { TransactionOrders } from '../services/transaction-orders.js';
import { CommandIds } from './contribution-ids.js';
import type { CommandContribution } from './host-contribution-points.js';
import { LazyModules } from './lazy-modules.js';
import { AVAILABLE, openEcommerceTransactionProblem, unavailable } from './transaction-availability.js';

/**
 * "Transactie leegmaken" in the transaction window: the cancellation guide for a cancelled order or a
 * reservation nobody picked up, also when it was cancelled at the provider or the guide was closed
 * half-way. The guide and its rules load only when asked.
 */
@injectable()
export class EmptyTransactionCommand implements CommandContribution {
  readonly commandId = CommandIds.emptyTransaction;
  /** The answer follows the order's status, which changes in the plugin's store, unseen by the shell. */
  readonly onDidChangeAvailability: Event<void>;

  constructor(
    @inject(HostTokens.session) protected readonly session: SessionService,
    @inject(TransactionOrders) protected readonly transactionOrders: TransactionOrders,
    @inject(LazyModules) protected readonly modules: LazyModules,
    @inject(OrderStore) store: OrderStore,
  ) {
    this.onDidChangeAvailability = store.onDidChangeOrders;
  }

  async getAvailability(context: CommandContext): Promise<CommandAvailability> {
    const problem = openEcommerceTransactionProblem(context);
    if (problem) return unavailable(problem);
    if (!this.session.hasPermission(Permissions.ecommerceImport)) return unavailable(msg('U heeft geen recht "eCommerce importeren".'));
    // The guide records the €0,00 eCommerce payment.
    if (!this.session.hasPermission(Permissions.advancedPayments)) return unavailable(msg('Hiervoor is de bevoegdheid "Geavanceerde betalingen" nodig.'));
    const order = await this.transactionOrders.orderOf(context.transaction);
    if (!order) return unavailable(msg('De bestelling van deze transactie is niet gevonden.'));
    const { emptyingProblem } = await import('../services/lifecycle/empty-transaction-plan.js');
    const blocked = emptyingProblem(order, context.transaction, CommandIds.ecommercePayment);
    return blocked ? unavailable(blocked) : AVAILABLE;
  }

  async execute({ transaction }: CommandContext): Promise<void> {
    const order = await this.transactionOrders.orderOf(transaction);
    if (!order || !transaction) return;
    const container = await this.modules.screen();
    const { CancellationGuide } = await import('./cancellation-guide.js');
    await container.get(CancellationGuide).show(order, transaction);
  }
}
