import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { Clock, SessionService, Transaction, TransactionService } from '../../host/index.js';
import { HostTokens } from '../../host-tokens.js';
import { OrderRepair } from '../import/order-repair.js';
import { PluginLog } from '../plugin-log.js';
import type { OutboxMessage, StoredOrder } from '../store/order-model.js';
import { OrderNotFoundError, OrderStore, RevisionConflictError, type StatusChange, type StoredOrderPatch } from '../store/order-store.js';
import { orderStatusLabel } from './order-status-labels.js';
import { needsRopisMethod, planStatusChange, statusOptions, type RopisMethod, type StatusAction } from './status-actions.js';

/** A change staff picked in the status select, with the order as the screen showed it. */
export interface StagedChange {
  readonly order: StoredOrder;
  readonly action: StatusAction;
  readonly ropisMethod?: RopisMethod;
}

export type ChangeOutcome = { readonly kind: 'applied'; readonly order: StoredOrder } | { readonly kind: 'refused'; readonly reason: string };

/**
 * Applies the status changes staff make ("Opslaan" in eCommerce-verkopen; DESIGN §4): each is
 * planned against the order as stored now, then written with its history entry and provider message
 * in one IndexedDB transaction. A refusal is an answer, not an error: the screen keeps the change
 * staged and shows the reason.
 */
@injectable()
export class OrderLifecycleService {
  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(OrderRepair) protected readonly repair: OrderRepair,
    @inject(HostTokens.transactions) protected readonly transactions: TransactionService,
    @inject(HostTokens.session) protected readonly session: SessionService,
    @inject(HostTokens.clock) protected readonly clock: Clock,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  /** Applies one change; never throws for a refusal (lifecycle, revision conflict because another tab changed the order, not finalized, import still failing): returns the reason. */
  async apply(change: StagedChange): Promise<ChangeOutcome> {
    try {
      return await this.applyOne(change);
    } catch (error) {
      if (error instanceof RevisionConflictError) return refused(changedMeanwhile());
      if (error instanceof OrderNotFoundError) return refused(gone(change.order));
      // Anything else (the database, the host) also leaves the change staged, so staff can try again;
      // the rows after it still get their turn in applyAll.
      this.log.error(`Could not apply ${change.action} to order ${change.order.source}:${change.order.orderId}`, error);
      return refused(msg(str`Opslaan mislukt: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  /** Row by row in the given order: each allowed change is written, each refused one reported. */
  async applyAll(changes: readonly StagedChange[]): Promise<ChangeOutcome[]> {
    const outcomes: ChangeOutcome[] = [];
    // One after the other: two changes of the same order must see each other's revision.
    for (const change of changes) outcomes.push(await this.apply(change));
    return outcomes;
  }

  protected async applyOne({ order: staged, action, ropisMethod }: StagedChange): Promise<ChangeOutcome> {
    const order = await this.store.getOrder(staged.source, staged.orderId);
    if (!order) return refused(gone(staged));
    if (order.revision !== staged.revision) return refused(changedMeanwhile());
    // "Blijf Open" does not count as a revision (a staged change stays valid), but "Gereed voor
    // afhalen" lifts it: one pressed after this was staged, here or at another till, must not be
    // lifted unseen.
    if (action === 'ready-for-pickup' && order.keptOpen && !staged.keptOpen) return refused(changedMeanwhile());
    if (action === 'handle-sale') return this.handleSale(order);

    const transaction = action === 'completed' || action === 'ready-for-pickup' ? await this.transactionOf(order) : undefined;
    const plan = planStatusChange(order, action, {
      ...(ropisMethod === undefined ? {} : { ropisMethod }),
      ...(transaction ? { transactionFinalized: transaction.state === 'finalized' } : {}),
    });
    if (!plan.ok) return refused(plan.reason);

    const at = this.clock.now();
    const patch: StoredOrderPatch = {
      ...(ropisMethod !== undefined && needsRopisMethod(order, action) ? { ropisMethod } : {}),
      // DESIGN §4: ready for pickup lifts "Blijf Open", so saving at pickup offers to finalize.
      ...(action === 'ready-for-pickup' && order.transactionId ? { keptOpen: false } : {}),
    };
    const outbox: Omit<OutboxMessage, 'id'> | undefined = plan.outbox && {
      source: order.source,
      orderId: order.orderId,
      kind: plan.outbox.kind,
      ...(plan.outbox.payload === undefined ? {} : { payload: plan.outbox.payload }),
      createdAt: at,
      attempts: 0,
      nextAttemptAt: at,
    };
    const statusChange: StatusChange = {
      source: order.source,
      orderId: order.orderId,
      expectedRevision: order.revision,
      to: plan.to,
      by: this.session.user.name,
      at,
      ...(plan.note === undefined ? {} : { note: plan.note }),
      ...(outbox ? { outbox } : {}),
      ...(Object.keys(patch).length ? { patch } : {}),
    };
    const updated = await this.store.applyStatusChange(statusChange);
    if (transaction && action === 'ready-for-pickup') await this.liftKeptOpen(transaction);
    return { kind: 'applied', order: updated };
  }

  /** "Verkoop afhandelen": the import once more; applied only when the order became Nieuw. */
  protected async handleSale(order: StoredOrder): Promise<ChangeOutcome> {
    if (!statusOptions(order).some((option) => option.action === 'handle-sale')) {
      return refused(msg(str`Verkoop afhandelen kan niet bij status ${orderStatusLabel(order.status)}.`));
    }
    const result = await this.repair.importAgain(order);
    const after = await this.store.getOrder(order.source, order.orderId);
    if (result.status === 'new' && after) return { kind: 'applied', order: after };
    const problems = result.problems.length ? result.problems.join('\n') : msg(str`De bestelling heeft nog status ${orderStatusLabel(result.status)}.`);
    return refused(problems);
  }

  /** The order's host transaction, or undefined when it has none (never imported) or the host lost it. */
  protected async transactionOf(order: StoredOrder): Promise<Transaction | undefined> {
    return order.transactionId ? this.transactions.get(order.transactionId) : undefined;
  }

  /**
   * After the status is written, so the kept-open recorder finds the order already saying so and has
   * nothing to write. The status change stands if the host refuses: staff can lift it by hand.
   */
  protected async liftKeptOpen(transaction: Transaction): Promise<void> {
    if (transaction.state !== 'open' || !transaction.keptOpen) return;
    try {
      await this.transactions.setKeptOpen(transaction.id, false);
    } catch (error) {
      this.log.error(`Could not lift "Blijf Open" on transaction ${transaction.id}`, error);
    }
  }
}

function refused(reason: string): ChangeOutcome {
  return { kind: 'refused', reason };
}

function changedMeanwhile(): string {
  return msg('De bestelling is intussen veranderd; kijk opnieuw.');
}

function gone(order: StoredOrder): string {
  return msg(str`Bestelling ${order.orderId} bestaat niet meer.`);
}
