import { msg, str } from '@lit/localize';
import type { OrderStatus, OutboxKind, RopisMethod, StoredOrder } from '../store/order-model.js';
import { canTransition } from './order-lifecycle.js';
import { orderStatusLabel } from './order-status-labels.js';

export type { RopisMethod } from '../store/order-model.js';

/** What the status select of a row offers: a status to go to, or "Verkoop afhandelen" (import again). */
export type StatusAction = OrderStatus | 'handle-sale';

/** In the order the dialog shows them (docs/locally-api.md, `picked-up`). */
export const ROPIS_METHODS: readonly RopisMethod[] = Object.freeze([
  'picked-up-paid',
  'not-picked-up',
  'cancelled-by-customer',
  'cancelled-by-store',
] as const);

export interface StatusOption {
  readonly action: StatusAction;
  readonly label: string;
}

/**
 * What staff may do from each status (DESIGN §4, "can go to"), in the order the select shows it.
 * Narrower than ORDER_TRANSITIONS on purpose: that table also holds the import's and the poller's own
 * moves (received → new, processing-failed → received, …), which staff must never pick.
 * 'received' may be declined: an order the import keeps failing on must not be stuck there.
 */
const STAFF_ACTIONS: Readonly<Record<OrderStatus, readonly StatusAction[]>> = {
  received: ['cancelled'],
  new: ['in-progress', 'cancelled'],
  'customer-id-required': ['handle-sale', 'cancelled'],
  'product-link-failed': ['handle-sale', 'archived', 'cancelled'],
  'processing-failed': ['archived'],
  'in-progress': ['ready-for-pickup', 'cancelled'],
  'ready-for-pickup': ['completed', 'cancelled'],
  cancelled: ['completed'],
  completed: [],
  archived: [],
};

/** Statuses in which the provider still sees the order as open: cancelling it is a decline there. */
const NEVER_ACCEPTED: readonly OrderStatus[] = ['received', 'new', 'customer-id-required', 'product-link-failed'];

function isStaffAction(status: OrderStatus, action: StatusAction): boolean {
  return STAFF_ACTIONS[status].includes(action);
}

function actionLabel(action: StatusAction): string {
  if (action === 'handle-sale') return msg('Verkoop afhandelen');
  // "Annuleren" is what staff do; "Geannuleerd" is where the order then is.
  if (action === 'cancelled') return msg('Annuleren');
  return orderStatusLabel(action);
}

/** The select's options: the current status first (its label), then each allowed action: "Annuleren" for cancelled, "Verkoop afhandelen" for handle-sale, the status label otherwise. */
export function statusOptions(order: StoredOrder): StatusOption[] {
  return [
    { action: order.status, label: orderStatusLabel(order.status) },
    ...STAFF_ACTIONS[order.status].map((action) => ({ action, label: actionLabel(action) })),
  ];
}

/** Whether applying this action asks for the ROPIS bestelwijze first (a reservation going to 'completed'). */
export function needsRopisMethod(order: StoredOrder, action: StatusAction): boolean {
  return order.type === 'reserve' && action === 'completed' && isStaffAction(order.status, action);
}

export type ChangePlan =
  | { readonly ok: true; readonly to: OrderStatus; readonly outbox?: { readonly kind: OutboxKind; readonly payload?: unknown }; readonly note?: string }
  | { readonly ok: false; readonly reason: string };

/** Decides one change from the order as stored now (pure): allowed by the lifecycle (src/services/lifecycle/order-lifecycle.ts ORDER_TRANSITIONS), with its provider message. */
export function planStatusChange(
  order: StoredOrder,
  action: Exclude<StatusAction, 'handle-sale'>,
  context: { readonly ropisMethod?: RopisMethod; readonly transactionFinalized?: boolean },
): ChangePlan {
  const from = order.status;
  if (action === from) return refuse(msg(str`De bestelling heeft al status ${orderStatusLabel(from)}.`));
  // Both tables must agree: a staff action the lifecycle does not know would be a bug in STAFF_ACTIONS.
  if (!isStaffAction(from, action) || !canTransition(from, action)) {
    return refuse(msg(str`Van ${orderStatusLabel(from)} naar ${orderStatusLabel(action)} kan niet.`));
  }
  switch (action) {
    case 'in-progress':
      return { ok: true, to: action, outbox: { kind: 'accept' } };
    case 'ready-for-pickup':
      return { ok: true, to: action, outbox: { kind: 'ready-for-pickup' } };
    case 'cancelled':
      // The card is only charged at accept: before that, the provider expects a decline.
      return { ok: true, to: action, outbox: { kind: NEVER_ACCEPTED.includes(from) ? 'decline' : 'cancel' } };
    case 'completed':
      return planCompleted(order, context);
    default:
      // archived: handled by hand, nothing to tell the provider.
      return { ok: true, to: action };
  }
}

function planCompleted(order: StoredOrder, context: { readonly ropisMethod?: RopisMethod; readonly transactionFinalized?: boolean }): ChangePlan {
  if (context.transactionFinalized === false) {
    return refuse(msg('Rond eerst de transactie af (Afronden als een verkoop); daarna kan de bestelling naar Afgehandeld.'));
  }
  if (order.type === 'buy') {
    // A cancelled order was already declined or cancelled at the provider: completing it is ours alone.
    return order.status === 'cancelled' ? { ok: true, to: 'completed' } : { ok: true, to: 'completed', outbox: { kind: 'picked-up' } };
  }
  const method = context.ropisMethod;
  if (method === undefined) return refuse(msg('Kies eerst de ROPIS bestelwijze.'));
  // It goes to the provider as it is: guard against callers outside TypeScript.
  if (!ROPIS_METHODS.includes(method)) return refuse(msg(str`Onbekende ROPIS bestelwijze: ${String(method)}.`));
  const note = ropisMethodLabel(method);
  if (order.status === 'cancelled') return { ok: true, to: 'completed', note };
  return { ok: true, to: 'completed', outbox: { kind: 'picked-up', payload: { ropisMethod: method } }, note };
}

function refuse(reason: string): ChangePlan {
  return { ok: false, reason };
}

export function ropisMethodLabel(method: RopisMethod): string {
  switch (method) {
    case 'picked-up-paid':
      return msg('Opgehaald en betaald in de winkel');
    case 'not-picked-up':
      return msg('Niet opgehaald');
    case 'cancelled-by-customer':
      return msg('Geannuleerd door de klant');
    case 'cancelled-by-store':
      return msg('Geannuleerd door de winkel');
  }
}
