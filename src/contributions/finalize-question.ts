import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { DialogService, NotificationService, Transaction } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { OrderLifecycleService, type ChangeOutcome } from '../services/lifecycle/order-lifecycle-service.js';
import { canTransition } from '../services/lifecycle/order-lifecycle.js';
import { orderStatusLabel } from '../services/lifecycle/order-status-labels.js';
import type { RopisMethod, StoredOrder } from '../services/store/order-model.js';
import { OrderStore } from '../services/store/order-store.js';

/** The action id of "Afgehandeld" in the question. */
const COMPLETE = 'complete';

/**
 * The question {@link FinalizeOffer} asks after a Locally order's transaction is finalized, and the
 * change to "Afgehandeld" through the lifecycle service. Part of the screen's module: it loads with
 * the first finalized Locally transaction, not at activation.
 */
@injectable()
export class FinalizeQuestion {
  constructor(
    @inject(HostTokens.dialogs) protected readonly dialogs: DialogService,
    @inject(HostTokens.notifications) protected readonly notifications: NotificationService,
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(OrderLifecycleService) protected readonly lifecycle: OrderLifecycleService,
  ) {}

  /**
   * Offers "Afgehandeld" for the order behind a finalized transaction; throws what staff must be told.
   * `stopped` turns true once the plugin stops, so a late answer changes nothing.
   */
  async offer(ref: { readonly source: string; readonly orderId: string }, transaction: Transaction, stopped: () => boolean): Promise<void> {
    const order = await this.store.getOrder(ref.source, ref.orderId);
    if (!order || stopped()) return;
    if (!canComplete(order)) {
      if (order.status === 'in-progress' || order.status === 'new') {
        this.notifications.notify(
          msg(str`Bestelling ${order.orderId} staat op ${orderStatusLabel(order.status)}: zet haar eerst op Gereed voor afhalen, daarna kan ze naar Afgehandeld.`),
        );
      }
      return;
    }
    if (order.status === 'cancelled' && transaction.lines.length > 0) {
      // DESIGN §8 empties a cancelled order's transaction first; finalized with goods, the stock stays taken.
      this.notifications.notify(
        msg(str`Let op: de transactie van geannuleerde bestelling ${order.orderId} is afgerond met artikelen erin; die zijn niet terug in de voorraad.`),
        'warning',
      );
    }
    await this.ask(order, transaction, stopped);
  }

  protected async ask(order: StoredOrder, transaction: Transaction, stopped: () => boolean): Promise<void> {
    const answer = await this.dialogs.confirm({
      title: msg('Bestelling afhandelen'),
      message: question(order),
      actions: [{ id: COMPLETE, label: msg('Afgehandeld') }],
    });
    if (answer !== COMPLETE || stopped()) return;

    let ropisMethod: RopisMethod | undefined;
    if (order.type === 'reserve') {
      const { askRopisMethod } = await import('../components/ropis-method-dialog.js');
      ropisMethod = await askRopisMethod(this.dialogs, order, suggestedRopisMethod(order, transaction));
      if (!ropisMethod) {
        this.notifications.notify(msg(str`Bestelling ${order.orderId} blijft op ${orderStatusLabel(order.status)}.`));
        return;
      }
    }
    if (stopped()) return;
    const outcome = await this.complete(order, ropisMethod);
    if (outcome.kind === 'applied') {
      this.notifications.notify(msg(str`Bestelling ${order.orderId} staat op Afgehandeld.`));
    } else {
      this.notifications.notify(outcome.reason, 'warning');
    }
  }

  /**
   * Applies 'completed' to the order as stored now. The order may change while staff answer (a poll
   * brings the provider's news); one retry on a fresh copy covers that race, and a refusal that
   * still holds then is what staff are told.
   */
  protected async complete(asked: StoredOrder, ropisMethod: RopisMethod | undefined): Promise<ChangeOutcome> {
    let outcome: ChangeOutcome | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const order = (await this.store.getOrder(asked.source, asked.orderId)) ?? asked;
      outcome = await this.lifecycle.apply({ order, action: 'completed', ...(ropisMethod ? { ropisMethod } : {}) });
      if (outcome.kind === 'applied') return outcome;
      const now = await this.store.getOrder(asked.source, asked.orderId);
      if (!now || now.revision === order.revision) return outcome;
    }
    return outcome!;
  }
}

/** The lifecycle's ways to 'completed': from "Gereed voor afhalen" and from "Geannuleerd". */
function canComplete(order: StoredOrder): boolean {
  return canTransition(order.status, 'completed');
}

/** A reservation ready for pickup whose transaction was emptied was not picked up; a cancelled one, staff say by whom. */
function suggestedRopisMethod(order: StoredOrder, transaction: Transaction): RopisMethod | undefined {
  return order.status === 'ready-for-pickup' && transaction.lines.length === 0 ? 'not-picked-up' : undefined;
}

function question(order: StoredOrder): string {
  const customer = order.order?.customer;
  const name = customer ? `${customer.firstName} ${customer.lastName}`.trim() : '';
  const asked = name ? msg(str`Bestelling ${order.orderId} van ${name} afhandelen?`) : msg(str`Bestelling ${order.orderId} afhandelen?`);
  const why = msg(str`De transactie is afgerond; de bestelling staat op ${orderStatusLabel(order.status)}.`);
  const next = order.type === 'reserve' ? ` ${msg('Daarna kiest u de ROPIS bestelwijze.')}` : '';
  return `${asked} ${why}${next}`;
}

