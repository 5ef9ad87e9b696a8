// The one entry other plugins import types from.
import type { Event } from './common/event.js';
import type { OrderStatus, StoredOrder } from './services/store/order-model.js';

export type { Disposable } from './common/disposable.js';
export type { Event } from './common/event.js';
export type {
  OrderStatus,
  OrderType,
  ProviderOrder,
  StoredOrder,
} from './services/store/order-model.js';

/** What `activate(host)` returns: read access to the orders; more comes with the contribution points. */
export interface LocallyPluginApi {
  /** The plugin's version, from its manifest. */
  readonly version: string;
  /** Every stored order. */
  getOrders(): Promise<readonly StoredOrder[]>;
  /** The orders in one status. */
  getOrdersByStatus(status: OrderStatus): Promise<readonly StoredOrder[]>;
  /** Fires after stored orders changed, in this tab or another. */
  readonly onDidChangeOrders: Event<void>;
}
