import type { OutboxMessage, ProviderOrder } from '../store/order-model.js';

/**
 * A marketplace the plugin takes orders from: a contribution point of the plugin. Locally is one;
 * another (a webshop) is added by binding a second `OrderSource` with its own id, or through the
 * API (`registerOrderSource`). Its id prefixes the stored orders and the host transactions'
 * external references (`<id>:<orderId>`), and keys its own cursor; its settings are its own (Locally's
 * are `locally.*`). Each poll asks the sources one after another in their `order`; one that fails,
 * throws or does not answer in time is reported and backs off on its own while the others go on.
 */
export const OrderSource = Symbol('OrderSource');
export interface OrderSource {
  /** Stable and short, e.g. "locally". */
  readonly id: string;
  /** The provider's name as staff read it, e.g. "Locally". */
  readonly label: string;
  /** Its place in each poll: lower is asked first (Locally: 0, the default). */
  readonly order?: number;
  /** One page of new and changed orders after `cursor` (undefined: from the start). Rejects with an {@link OrderSourceError}. */
  fetchChanges(cursor: string | undefined, signal: AbortSignal): Promise<OrderChangesPage>;
  /**
   * One order by id, when the provider can give it; used to read again an order that arrived
   * unreadable. Undefined when the provider does not know it.
   */
  fetchOrder?(orderId: string, signal: AbortSignal): Promise<ReceivedOrder | undefined>;
  /** Tells the provider one outbox message (accept, decline, …). Rejects with an {@link OrderSourceError} to retry later. */
  send(message: OutboxMessage, signal: AbortSignal): Promise<SendOutcome>;
}

export interface OrderChangesPage {
  readonly received: readonly ReceivedOrder[];
  readonly nextCursor: string;
  readonly hasMore: boolean;
}

/** An order as it came: valid and mapped, or invalid with the reasons and the raw payload for support. */
export type ReceivedOrder =
  | { readonly kind: 'valid'; readonly order: ProviderOrder; readonly raw: unknown }
  | { readonly kind: 'invalid'; readonly orderId?: string; readonly raw: unknown; readonly problems: readonly string[] };

/** `refused`: the provider will never take this message (e.g. the order was cancelled meanwhile); not retried. */
export type SendOutcome = { readonly kind: 'sent' } | { readonly kind: 'refused'; readonly reason: string };

export type OrderSourceErrorKind =
  /** No network, or the provider could not be reached. */
  | 'offline'
  /** The store id or key was refused. */
  | 'unauthorized'
  /** Too many requests; wait `retryAfterMs`. */
  | 'rate-limited'
  /** The provider failed (5xx). */
  | 'server'
  /** The answer was not of the agreed shape. */
  | 'malformed'
  /** No answer in time. */
  | 'timeout'
  /** The settings cannot work (no key, a plain-http address that is not this computer, …). */
  | 'misconfigured';

/**
 * Why a call to the provider failed. Its message never contains the key. Another plugin, which has
 * only the types, throws an `Error` of the same shape instead: `name` "OrderSourceError", a `kind`
 * and optionally `retryAfterMs` (see {@link isOrderSourceError}).
 */
export class OrderSourceError extends Error {
  constructor(
    readonly kind: OrderSourceErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'OrderSourceError';
  }
}

const ERROR_KINDS: readonly string[] = ['offline', 'unauthorized', 'rate-limited', 'server', 'malformed', 'timeout', 'misconfigured'];

/** An {@link OrderSourceError}, or an error of its shape from another plugin (`name`, a known `kind`, a numeric `retryAfterMs` if any). */
export function isOrderSourceError(error: unknown): error is OrderSourceError {
  if (error instanceof OrderSourceError) return true;
  if (!(error instanceof Error) || error.name !== 'OrderSourceError') return false;
  const { kind, retryAfterMs } = error as Partial<OrderSourceError>;
  return typeof kind === 'string' && ERROR_KINDS.includes(kind) && (retryAfterMs === undefined || typeof retryAfterMs === 'number');
}
