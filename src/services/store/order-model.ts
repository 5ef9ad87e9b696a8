/**
 * Domain types of the plugin's order store. Plain data only (no DOM, no IndexedDB) so that
 * services, components and tests can share them and every value survives structured cloning.
 */

/** Stable status keys; the public API exposes them, the screen maps them to labels (DESIGN §4). */
export const ORDER_STATUSES = [
  // Fetched and stored, waiting for the import (customer and product matching, the transaction).
  'received',
  'new',
  'customer-id-required',
  'product-link-failed',
  'processing-failed',
  'in-progress',
  'ready-for-pickup',
  'cancelled',
  'completed',
  'archived',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses that keep an order on the screen; completed and archived orders leave it. */
export const OPEN_STATUSES: readonly OrderStatus[] = Object.freeze(
  ORDER_STATUSES.filter((status) => status !== 'completed' && status !== 'archived'),
);

export function isOpenStatus(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** 'buy': paid online; 'reserve': reserved online, paid in store (ROPIS). */
export type OrderType = 'buy' | 'reserve';

/**
 * How a reservation ended, told to the provider with "picked up" (docs/locally-api.md). Defined
 * here because it is stored on the order; the lifecycle's status actions offer and label it.
 */
export type RopisMethod = 'picked-up-paid' | 'not-picked-up' | 'cancelled-by-customer' | 'cancelled-by-store';

export interface Address {
  readonly street: string;
  readonly postcode: string;
  readonly city: string;
  readonly country: string;
}

export interface ProviderCustomer {
  readonly providerCustomerId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone?: string;
  readonly billingAddress: Address;
  readonly shippingAddress: Address;
  readonly emailOptIn: boolean;
}

export interface ProviderOrderLine {
  readonly lineId: string;
  readonly gtin?: string;
  readonly mpn?: string;
  readonly vendorPartNumber?: string;
  readonly description: string;
  readonly quantity: number;
  /** Prices come from the order, never from the shop's catalogue. */
  readonly unitPriceCents: number;
  /** Percentage, e.g. 21. */
  readonly vatRate: number;
}

export interface ProviderPayment {
  readonly provider: 'stripe';
  readonly amountCents: number;
  readonly last4: string;
  readonly authorizationId: string;
}

/** The order's state as the provider reports it (docs/locally-api.md); changes arrive with later polls. */
export type ProviderOrderStatus =
  | 'open'
  | 'accepted'
  | 'declined'
  | 'ready-for-pickup'
  | 'picked-up'
  | 'cancelled-by-customer'
  | 'auto-cancelled'
  | 'cancelled-by-store';

/** A valid order as the provider sent it. */
export interface ProviderOrder {
  readonly id: string;
  /** Epoch milliseconds. */
  readonly placedAt: number;
  readonly type: OrderType;
  readonly customer: ProviderCustomer;
  readonly note?: string;
  readonly lines: readonly ProviderOrderLine[];
  readonly totals: { readonly totalCents: number };
  /** Present on paid ('buy') orders only. */
  readonly payment?: ProviderPayment;
  readonly status?: ProviderOrderStatus;
  /** When the provider last changed the order, epoch milliseconds. */
  readonly updatedAt?: number;
  /** The order's page at the provider. */
  readonly orderUrl?: string;
}

/** Primary key of an order: the same order id may come from several sources. */
export type OrderKey = readonly [source: string, orderId: string];

export function orderKey(source: string, orderId: string): OrderKey {
  return [source, orderId];
}

/** The host transaction's external reference, e.g. `locally:L-1042` (DESIGN §3). */
export function externalRef(source: string, orderId: string): string {
  return `${source}:${orderId}`;
}

export interface StoredOrder {
  readonly source: string;
  readonly orderId: string;
  readonly status: OrderStatus;
  /** Copied from the order (or the raw payload when readable) so the index can sort on it. */
  readonly placedAt: number;
  readonly type: OrderType;
  /** Absent when the payload was invalid. */
  readonly order?: ProviderOrder;
  /** The payload as received, kept for support when it was invalid. */
  readonly raw?: unknown;
  /** Why import or validation failed, one reason per entry. */
  readonly problems?: readonly string[];
  readonly transactionId?: string;
  readonly barcode?: string;
  /** Things staff should know that did not stop the import, e.g. a shortage to call the customer about. */
  readonly warnings?: readonly string[];
  /** Whether the host transaction is kept open ("Blijf Open"). */
  readonly keptOpen: boolean;
  /** How a reservation ended ("ROPIS bestelwijze"), chosen by staff when it went to Afgehandeld. */
  readonly ropisMethod?: RopisMethod;
  /** When this till's screen first showed the order. */
  readonly seenAt?: number;
  readonly updatedAt: number;
  /** Incremented on every status change; guards against concurrent edits from other tabs. */
  readonly revision: number;
}

/**
 * A status change as stored, from staff, the import or the provider alike: `order` is the order
 * after the change. Fired in the tab that wrote it, after the commit.
 */
/** Who made a status change: staff (the screen, the finalize offer), the import, or the provider (sync). */
export type StatusChangeOrigin = 'staff' | 'import' | 'provider';

export interface OrderStatusChangeEvent {
  readonly order: StoredOrder;
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  readonly origin: StatusChangeOrigin;
}

export interface HistoryEntry {
  /** Assigned by the database. */
  readonly id?: number;
  readonly source: string;
  readonly orderId: string;
  readonly from?: OrderStatus;
  readonly to: OrderStatus;
  readonly at: number;
  /** User name. */
  readonly by: string;
  readonly note?: string;
}

export type OutboxKind = 'accept' | 'decline' | 'ready-for-pickup' | 'picked-up' | 'cancel';

export interface OutboxMessage {
  /** Assigned by the database. */
  readonly id?: number;
  readonly source: string;
  readonly orderId: string;
  readonly kind: OutboxKind;
  readonly payload?: unknown;
  readonly createdAt: number;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError?: string;
}

export interface CustomerLink {
  readonly source: string;
  readonly providerCustomerId: string;
  readonly hostCustomerId: string;
  readonly linkedAt: number;
  readonly by: string;
}

export interface ProductLink {
  readonly source: string;
  /** See `lineIdentifier`: the GTIN-14, else `vpn:`, `mpn:` or `text:` and the normalized value. */
  readonly lineIdentifier: string;
  readonly productId: string;
  readonly linkedAt: number;
  readonly by: string;
}

export interface SyncState {
  readonly source: string;
  readonly cursor?: string;
  readonly lastPollAt?: number;
  readonly lastSuccessAt?: number;
  /** Consecutive failed polls; drives the backoff. */
  readonly failures: number;
}

/** A payload without even a readable order id: kept for support, never imported. */
export interface QuarantinedPayload {
  /** Assigned by the database. */
  readonly id?: number;
  readonly source: string;
  readonly raw: unknown;
  readonly problems: readonly string[];
  readonly receivedAt: number;
}

export interface Preference {
  readonly key: string;
  readonly value: unknown;
}
