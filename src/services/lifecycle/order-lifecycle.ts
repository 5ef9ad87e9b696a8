import type { OrderStatus, ProviderOrderStatus, StoredOrder } from '../store/order-model.js';

/**
 * The order lifecycle (DESIGN §4): which status may follow which. "Verkoop afhandelen" (import
 * again) and the import itself move orders out of 'received', 'customer-id-required' and
 * 'product-link-failed'.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  received: ['new', 'customer-id-required', 'product-link-failed', 'processing-failed', 'cancelled'],
  new: ['in-progress', 'cancelled'],
  'customer-id-required': ['new', 'product-link-failed', 'cancelled'],
  'product-link-failed': ['new', 'customer-id-required', 'archived', 'cancelled'],
  // 'received'/'cancelled': a readable copy arrived after all (the poller repairs it).
  'processing-failed': ['archived', 'received', 'cancelled'],
  'in-progress': ['ready-for-pickup', 'cancelled'],
  'ready-for-pickup': ['completed', 'cancelled'],
  cancelled: ['completed'],
  completed: [],
  archived: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Provider states that end an order from the provider's side: a customer or the provider cancelled it. */
export type ProviderCancellation = Extract<ProviderOrderStatus, 'cancelled-by-customer' | 'auto-cancelled' | 'cancelled-by-store'>;

export function isProviderCancellation(status: ProviderOrderStatus | undefined): status is ProviderCancellation {
  return status === 'cancelled-by-customer' || status === 'auto-cancelled' || status === 'cancelled-by-store';
}

/**
 * What a change reported by the provider does to our status: a cancellation cancels the order
 * where the lifecycle allows it; undefined when nothing changes (already cancelled, completed, …).
 */
export function statusAfterProviderChange(current: OrderStatus, provider: ProviderOrderStatus | undefined): OrderStatus | undefined {
  if (!isProviderCancellation(provider) || current === 'cancelled') return undefined;
  return canTransition(current, 'cancelled') ? 'cancelled' : undefined;
}

/** Stored statuses in which the provider still waits for the shop to accept or decline. */
const AWAITING_ANSWER: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['received', 'new', 'customer-id-required', 'product-link-failed']);

/** Whether the provider still waits for an answer: not accepted, declined or cancelled on either side (DESIGN §7). */
export function isAwaitingAnswer(order: StoredOrder): boolean {
  const provider = order.order?.status;
  return AWAITING_ANSWER.has(order.status) && (provider === undefined || provider === 'open');
}
