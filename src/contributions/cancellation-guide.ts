import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import { DisposableCollection, type Disposable } from '../common/disposable.js';
import {
  Permissions,
  type DialogService,
  type NotificationService,
  type PaymentService,
  type SessionService,
  type Transaction,
  type TransactionService,
} from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import {
  emptyingProblem,
  emptyingReason,
  emptyingSteps,
  planEmptying,
  proposedNotes,
} from '../services/lifecycle/empty-transaction-plan.js';
import { PluginLog } from '../services/plugin-log.js';
import type { StoredOrder } from '../services/store/order-model.js';
import { OrderStore } from '../services/store/order-store.js';
import { CommandIds } from './contribution-ids.js';
import { errorMessage } from '../common/error-message.js';

/**
 * Guides the rest of a cancellation (DESIGN §8), and the same for a reservation nobody picked up:
 * the transaction opened, its lines removed (stock returns), the note, the €0,00 eCommerce payment,
 * then the shell's own save, whose "Afronden als een verkoop" hands over to the finalize offer for
 * "Afgehandeld". Each step re-reads the transaction, so a guide stopped half-way resumes where it was.
 */
@injectable()
export class CancellationGuide implements Disposable {
  /** Open guides close when the plugin is switched off: their button would call into a stopped plugin. */
  protected readonly openDialogs = new DisposableCollection();

  constructor(
    @inject(HostTokens.transactions) protected readonly transactions: TransactionService,
    @inject(HostTokens.payments) protected readonly payments: PaymentService,
    @inject(HostTokens.dialogs) protected readonly dialogs: DialogService,
    @inject(HostTokens.notifications) protected readonly notifications: NotificationService,
    @inject(HostTokens.session) protected readonly session: SessionService,
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  /** After "Annuleren" + "Opslaan": one guide after the other for the orders that have a transaction. Never throws. */
  async offerAfterCancel(orders: readonly StoredOrder[]): Promise<void> {
    for (const order of orders) {
      try {
        if (!order.transactionId) continue;
        const transaction = await this.transactions.get(order.transactionId);
        if (!transaction || transaction.state === 'finalized') continue;
        await this.transactions.open(transaction.id);
        await this.show(order, transaction);
      } catch (error) {
        this.log.error(`Could not guide the cancellation of order ${order.source}:${order.orderId}`, error);
        this.notifications.notify(msg(str`De annulering van bestelling ${order.orderId} kon niet worden begeleid: ${errorMessage(error)}`), 'error');
      }
    }
  }

  /** Shows the guide for the order's transaction; resolves once it closed and the save it led to is done. */
  async show(order: StoredOrder, transaction: Transaction): Promise<void> {
    const reason = emptyingReason(order);
    if (!reason) return;
    const { CancellationGuideDialog } = await import('../components/cancellation-guide-dialog.js');
    const dialog = new CancellationGuideDialog();
    dialog.order = order;
    dialog.reason = reason;
    dialog.steps = emptyingSteps(order, transaction, CommandIds.ecommercePayment);
    dialog.notes = proposedNotes(transaction, reason);
    let emptied = false;
    dialog.empty = async (notes) => {
      await this.empty(order, transaction.id, notes);
      emptied = true;
    };
    const title = reason === 'cancelled' ? msg(str`Annulering afronden – ${order.orderId}`) : msg(str`Niet opgehaald – ${order.orderId}`);
    const handle = this.dialogs.showModal({ title, content: dialog });
    const tracked = this.openDialogs.push(handle);
    await handle.closed;
    tracked.dispose();
    if (emptied) await this.save(order, transaction.id);
  }

  /**
   * Removes the lines and earlier eCommerce payments, writes the note and records the €0,00 eCommerce
   * payment. Rejects with a reason for staff when a step cannot be done; what was done stays done.
   */
  protected async empty(asked: StoredOrder, transactionId: string, notes: string): Promise<void> {
    if (!this.session.hasPermission(Permissions.advancedPayments)) {
      throw new Error(msg('Hiervoor is de bevoegdheid "Geavanceerde betalingen" nodig (voor de eCommerce-betaling van € 0,00).'));
    }
    const order = (await this.store.getOrder(asked.source, asked.orderId)) ?? asked;
    let transaction = await this.transactions.get(transactionId);
    const problem = emptyingProblem(order, transaction, CommandIds.ecommercePayment);
    if (problem || !transaction) throw new Error(problem);

    const plan = planEmptying(transaction, CommandIds.ecommercePayment);
    for (const paymentId of plan.ecommercePaymentIds) transaction = await this.payments.remove(transactionId, paymentId);
    if (plan.lineIds.length > 0) transaction = await this.transactions.removeLines(transactionId, plan.lineIds);
    if (notes.trim() !== transaction.notes.trim()) transaction = await this.transactions.setNotes(transactionId, notes.trim());
    // Kept open, the save below would neither prompt nor finalize.
    if (transaction.keptOpen) await this.transactions.setKeptOpen(transactionId, false);
    if (plan.needsZeroPayment) {
      await this.payments.record(transactionId, {
        method: CommandIds.ecommercePayment,
        label: msg('eCommerce'),
        cardType: 'Stripe',
        amountCents: 0,
      });
    }
  }

  /** The shell's save: its "Volledige transactie betaald" prompt is where staff choose "Afronden als een verkoop". */
  protected async save(order: StoredOrder, transactionId: string): Promise<void> {
    const outcome = await this.transactions.save(transactionId);
    if (outcome !== 'finalized') {
      this.notifications.notify(
        msg(str`De transactie van bestelling ${order.orderId} is leeg. Rond haar af met Opslaan en "Afronden als een verkoop"; daarna kan de bestelling naar Afgehandeld.`),
        'warning',
      );
    }
  }

  dispose(): void {
    this.openDialogs.dispose();
  }
}

