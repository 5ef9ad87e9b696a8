import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import { Disposable } from '../common/disposable.js';
import type { DialogService, NotificationService, Transaction, TransactionChange, TransactionService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import type { ChangeOutcome } from '../services/lifecycle/order-lifecycle-service.js';
import { canTransition } from '../services/lifecycle/order-lifecycle.js';
import { orderStatusLabel } from '../services/lifecycle/order-status-labels.js';
import { PluginLog } from '../services/plugin-log.js';
import type { RopisMethod, StoredOrder } from '../services/store/order-model.js';
import { OrderStore } from '../services/store/order-store.js';
import { parseExternalRef } from '../services/transaction-orders.js';
import type { StartupContribution } from './host-contribution-points.js';
import { LazyModules } from './lazy-modules.js';
import { errorMessage } from '../common/error-message.js';

/** The action id of "Afgehandeld" in the question. */
const COMPLETE = 'complete';

/**
 * After "Afronden als een verkoop" on a Locally order's transaction, offers to set the order to
 * "Afgehandeld" (DESIGN §8), through the ROPIS dialog for a reservation, and applies it through the
 * lifecycle service (loaded with the screen's module only when staff say yes).
 *
 * Only the tab that finalized asks: the host's TransactionService fires its changes in the tab that
 * made them (the shell's emitter is local, not broadcast), so no visibility or leader check is needed.
 */
@injectable()
export class FinalizeOffer implements StartupContribution {
  readonly startupId = 'finalize-offer';
  protected disposed = false;

  constructor(
    @inject(HostTokens.transactions) protected readonly transactions: TransactionService,
    @inject(HostTokens.dialogs) protected readonly dialogs: DialogService,
    @inject(HostTokens.notifications) protected readonly notifications: NotificationService,
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(LazyModules) protected readonly modules: LazyModules,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  start(): Disposable {
    this.disposed = false;
    const listener = this.transactions.onDidChange((change) => void this.offer(change));
    // Stopped also stops a question still open from finishing its work after deactivation.
    return Disposable.create(() => {
      this.disposed = true;
      listener.dispose();
    });
  }

  /** Never throws: a failure is logged and told to staff. */
  protected async offer({ kind, transaction }: TransactionChange): Promise<void> {
    if (kind !== 'finalized') return;
    const ref = parseExternalRef(transaction.externalRef);
    if (!ref) return;
    try {
      const order = await this.store.getOrder(ref.source, ref.orderId);
      if (!order || this.disposed) return;
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
      await this.ask(order, transaction);
    } catch (error) {
      this.log.error(`Could not offer "Afgehandeld" for order ${transaction.externalRef}`, error);
      this.notifications.notify(msg(str`Bestelling ${ref.orderId} kon niet op Afgehandeld worden gezet: ${errorMessage(error)}`), 'error');
    }
  }

  protected async ask(order: StoredOrder, transaction: Transaction): Promise<void> {
    const answer = await this.dialogs.confirm({
      title: msg('Bestelling afhandelen'),
      message: question(order),
      actions: [{ id: COMPLETE, label: msg('Afgehandeld') }],
    });
    if (answer !== COMPLETE || this.disposed) return;

    let ropisMethod: RopisMethod | undefined;
    if (order.type === 'reserve') {
      const { askRopisMethod } = await import('../components/ropis-method-dialog.js');
      ropisMethod = await askRopisMethod(this.dialogs, order, suggestedRopisMethod(order, transaction));
      if (!ropisMethod) {
        this.notifications.notify(msg(str`Bestelling ${order.orderId} blijft op ${orderStatusLabel(order.status)}.`));
        return;
      }
    }
    if (this.disposed) return;
    const outcome = await this.complete(order, ropisMethod);
    if (outcome.kind === 'applied') {
      this.notifications.notify(msg(str`Bestelling ${order.orderId} staat op Afgehandeld.`));
    } else {
      this.notifications.notify(outcome.reason, 'warning');
    }
  }

  /**
   * Applies 'completed' to the order as stored now. The kept-open recorder may bump the revision
   * for the same finalize while staff answer; one retry on a fresh copy covers that race.
   */
  protected async complete(asked: StoredOrder, ropisMethod: RopisMethod | undefined): Promise<ChangeOutcome> {
    const container = await this.modules.use(async () => (await import('./screen-module.js')).screenModule);
    const { OrderLifecycleService } = await import('../services/lifecycle/order-lifecycle-service.js');
    const lifecycle = container.get(OrderLifecycleService);
    let outcome: ChangeOutcome | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const order = (await this.store.getOrder(asked.source, asked.orderId)) ?? asked;
      outcome = await lifecycle.apply({ order, action: 'completed', ...(ropisMethod ? { ropisMethod } : {}) });
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

