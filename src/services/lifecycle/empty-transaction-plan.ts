import { msg, str } from '@lit/localize';
import type { Payment, Transaction } from '../../host/index.js';
import type { StoredOrder } from '../store/order-model.js';
import { orderStatusLabel } from './order-status-labels.js';

/**
 * Why an order's transaction is emptied and finalized at €0,00 (DESIGN §8 "Cancel"): the order was
 * cancelled, or a reservation ready for pickup was never picked up (ROPIS "Niet opgehaald").
 */
export type EmptyingReason = 'cancelled' | 'not-picked-up';

/** The steps of the shop's cancellation procedure, in its order. */
export type EmptyingStepId = 'remove-lines' | 'note' | 'zero-payment' | 'finalize' | 'complete';

export interface EmptyingStep {
  readonly id: EmptyingStepId;
  readonly label: string;
  readonly done: boolean;
}

/** What emptying a transaction writes, worked out from the order and the transaction as they are now. */
export interface EmptyingPlan {
  readonly lineIds: readonly string[];
  /** Earlier eCommerce payments: the money stays with the provider (its hold is released there), not in the till. */
  readonly ecommercePaymentIds: readonly string[];
  /** Whether the €0,00 eCommerce payment still has to be recorded. */
  readonly needsZeroPayment: boolean;
}

/** Why this order's transaction may be emptied, or undefined when it must not be. */
export function emptyingReason(order: StoredOrder): EmptyingReason | undefined {
  if (order.status === 'cancelled') return 'cancelled';
  if (order.type === 'reserve' && order.status === 'ready-for-pickup') return 'not-picked-up';
  return undefined;
}

/** The note the procedure asks for ("Opmerkingen"); staff may edit it. */
export function defaultEmptyingNote(reason: EmptyingReason): string {
  return reason === 'cancelled' ? msg('Bestelling geannuleerd – artikel uitverkocht') : msg('Reservering niet opgehaald');
}

/** The notes to propose: what staff wrote before stays, the procedure's note goes below it once. */
export function proposedNotes(transaction: Pick<Transaction, 'notes'>, reason: EmptyingReason): string {
  const note = defaultEmptyingNote(reason);
  const before = transaction.notes.trim();
  if (!before) return note;
  return before.includes(note) ? before : `${before}\n${note}`;
}

/**
 * Why the transaction cannot be emptied here, or undefined when it can. Payments other than eCommerce
 * (cash, card at the counter) are money in the till: they go back to the customer by hand first.
 */
export function emptyingProblem(order: StoredOrder, transaction: Transaction | undefined, ecommerceMethod: string): string | undefined {
  if (!emptyingReason(order)) {
    return msg(str`Alleen voor een geannuleerde bestelling of een reservering die niet is opgehaald; deze staat op ${orderStatusLabel(order.status)}.`);
  }
  if (!transaction) return msg('Deze bestelling heeft geen transactie.');
  if (transaction.state === 'finalized') return msg('Deze transactie is al afgerond.');
  const counter = counterPayments(transaction, ecommerceMethod);
  if (counter.length > 0) {
    const list = counter.map((p) => p.label).join(', ');
    return msg(str`Er staan betalingen uit de winkel op deze transactie (${list}). Geef die eerst terug en verwijder ze.`);
  }
  return undefined;
}

export function planEmptying(transaction: Transaction, ecommerceMethod: string): EmptyingPlan {
  const ecommerce = transaction.payments.filter((p) => p.method === ecommerceMethod);
  const stale = ecommerce.filter((p) => p.amountCents !== 0);
  return {
    lineIds: transaction.lines.map((line) => line.id),
    ecommercePaymentIds: stale.map((p) => p.id),
    needsZeroPayment: ecommerce.length === stale.length,
  };
}

/** The procedure's steps with what is done already, for the guide to show. */
export function emptyingSteps(order: StoredOrder, transaction: Transaction, ecommerceMethod: string): EmptyingStep[] {
  const reason = emptyingReason(order) ?? 'cancelled';
  const plan = planEmptying(transaction, ecommerceMethod);
  const finalized = transaction.state === 'finalized';
  return [
    { id: 'remove-lines', label: msg('Alle artikelen verwijderen (de voorraad komt terug)'), done: plan.lineIds.length === 0 },
    { id: 'note', label: msg(str`Opmerking "${defaultEmptyingNote(reason)}"`), done: transaction.notes.includes(defaultEmptyingNote(reason)) },
    { id: 'zero-payment', label: msg('eCommerce-betaling € 0,00, kaarttype Stripe'), done: !plan.needsZeroPayment && plan.ecommercePaymentIds.length === 0 },
    { id: 'finalize', label: msg('Opslaan en "Afronden als een verkoop" (€ 0,00)'), done: finalized },
    {
      id: 'complete',
      label: order.type === 'reserve' ? msg('Status Afgehandeld, met de ROPIS bestelwijze') : msg('Status Afgehandeld'),
      done: order.status === 'completed',
    },
  ];
}

function counterPayments(transaction: Transaction, ecommerceMethod: string): Payment[] {
  return transaction.payments.filter((p) => p.method !== ecommerceMethod && p.amountCents !== 0);
}
