import { msg } from '@lit/localize';
import { statusAfterProviderChange, isProviderCancellation } from '../lifecycle/order-lifecycle.js';
import { deepEqual } from '../store/deep-equal.js';
import type { OrderStatus, ProviderOrderStatus, StoredOrder } from '../store/order-model.js';
import type { Reconcile, ReceivedPage } from '../store/order-store.js';
import type { OrderChangesPage, OrderSource, ReceivedOrder } from './order-source.js';

/**
 * What one fetched page means for the store (pure, so it is tested directly): new valid orders wait
 * for the import ('received'), invalid ones are kept with their raw payload ('processing-failed'),
 * payloads without a readable id go to quarantine; known orders only follow the provider's changes
 * (a cancellation cancels them where the lifecycle allows) and are never imported again.
 */
export function receivedPage(source: OrderSource, page: OrderChangesPage, now: number): ReceivedPage {
  const orders: StoredOrder[] = [];
  const quarantined: ReceivedPage['quarantined'][number][] = [];
  for (const received of page.received) {
    const stored = toStoredOrder(source.id, received, now);
    if (stored) orders.push(stored);
    else if (received.kind === 'invalid') quarantined.push({ source: source.id, raw: received.raw, problems: received.problems, receivedAt: now });
  }
  return {
    orders,
    quarantined,
    reconcile: reconcileWith(source, now),
    syncState: { source: source.id, cursor: page.nextCursor, lastPollAt: now, lastSuccessAt: now, failures: 0 },
  };
}

function toStoredOrder(source: string, received: ReceivedOrder, now: number): StoredOrder | undefined {
  if (received.kind === 'valid') {
    const { order } = received;
    return {
      source,
      orderId: order.id,
      status: firstStatus(order.status),
      placedAt: order.placedAt,
      type: order.type,
      order,
      raw: received.raw,
      keptOpen: false,
      updatedAt: now,
      revision: 0,
    };
  }
  if (received.orderId === undefined) return undefined;
  return {
    source,
    orderId: received.orderId,
    status: 'processing-failed',
    placedAt: now,
    type: guessType(received.raw),
    raw: received.raw,
    problems: received.problems,
    keptOpen: false,
    updatedAt: now,
    revision: 0,
  };
}

/**
 * Only an order still open at the provider waits for the import. One that reaches us already
 * cancelled or declined is cancelled here; one the provider already has past that (accepted,
 * picked up: handled elsewhere, or seen by a till starting from an empty database) is archived,
 * so it never takes stock.
 */
function firstStatus(status: ProviderOrderStatus | undefined): OrderStatus {
  if (status === undefined || status === 'open') return 'received';
  if (isProviderCancellation(status) || status === 'declined') return 'cancelled';
  return 'archived';
}

function guessType(raw: unknown): 'buy' | 'reserve' {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'reserve' ? 'reserve' : 'buy';
}

function reconcileWith(source: OrderSource, now: number): Reconcile {
  return (current, incoming) => {
    // A good copy of an order that arrived unreadable repairs it: it waits for the import after all.
    if (incoming.order && !current.order && current.status === 'processing-failed') {
      const to = firstStatus(incoming.order.status);
      const { problems: _problems, ...rest } = current;
      return {
        next: { ...rest, status: to, order: incoming.order, raw: incoming.raw, placedAt: incoming.placedAt, type: incoming.type, updatedAt: now, revision: current.revision + 1 },
        history: { source: current.source, orderId: current.orderId, from: current.status, to, at: now, by: source.label, note: msg('Opnieuw ontvangen, nu wel leesbaar') },
      };
    }
    // A bad copy of an order we hold in good shape is ignored, and so is an older copy delivered late.
    if (!incoming.order || !current.order) return undefined;
    if ((incoming.order.updatedAt ?? 0) < (current.order.updatedAt ?? 0)) return undefined;
    const to = statusAfterProviderChange(current.status, incoming.order.status);
    if (!to && deepEqual(current.order, incoming.order)) return undefined;
    const next: StoredOrder = {
      ...current,
      order: incoming.order,
      raw: incoming.raw,
      updatedAt: now,
      ...(to ? { status: to, revision: current.revision + 1 } : {}),
    };
    if (!to) return { next };
    return {
      next,
      history: {
        source: current.source,
        orderId: current.orderId,
        from: current.status,
        to,
        at: now,
        by: source.label,
        note: cancellationNote(incoming.order.status),
      },
    };
  };
}

/** Kept in the history in the language of the till that received it. */
function cancellationNote(status: string | undefined): string {
  switch (status) {
    case 'cancelled-by-customer':
      return msg('Geannuleerd door de klant');
    case 'auto-cancelled':
      return msg('Automatisch geannuleerd: niet op tijd geaccepteerd');
    default:
      return msg('Geannuleerd door de aanbieder');
  }
}
