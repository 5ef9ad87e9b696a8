// The one entry other plugins import types from: `import type { LocallyPluginApi } from '…/api.js'`.
import type { Disposable } from './common/disposable.js';
import type { Event } from './common/event.js';
import type { CustomerMatcher, ProductMatcher } from './services/import/matchers.js';
import type { LifecycleListener } from './services/lifecycle/lifecycle-listener.js';
import type { OrderColumn } from './services/screen/order-column.js';
import type { OrderStatus, OrderStatusChangeEvent, StoredOrder } from './services/store/order-model.js';
import type { OrderSource } from './services/sync/order-source.js';

export type { Disposable } from './common/disposable.js';
export type { Event } from './common/event.js';
export type { Customer, Product } from './host/index.js';
export type { CustomerMatcher, MatchResult, ProductMatcher } from './services/import/matchers.js';
export type { LifecycleListener } from './services/lifecycle/lifecycle-listener.js';
export type { ColumnContext, ColumnTitle, OrderColumn, OrderDeadline } from './services/screen/order-column.js';
export type {
  Address,
  HistoryEntry,
  OrderStatus,
  OrderStatusChangeEvent,
  OrderType,
  OutboxKind,
  OutboxMessage,
  ProviderCustomer,
  ProviderOrder,
  ProviderOrderLine,
  ProviderOrderStatus,
  ProviderPayment,
  RopisMethod,
  StatusChangeOrigin,
  StoredOrder,
} from './services/store/order-model.js';
export type {
  OrderChangesPage,
  OrderSource,
  OrderSourceError,
  OrderSourceErrorKind,
  ReceivedOrder,
  SendOutcome,
} from './services/sync/order-source.js';

/**
 * What `activate(host)` returns (like a VS Code extension's `exports`), versioned with the
 * manifest's semantic `version`: a minor version adds, a major one may break.
 *
 * Every `register*` adds a contribution next to the plugin's own and returns a Disposable that
 * removes it; all of them are removed when this plugin deactivates. A contribution that throws or
 * does not answer in time is reported in the console and skipped: it never stops a poll, an import,
 * the screen or another listener. Orders are read-only snapshots; their `status` is one of the
 * stable {@link OrderStatus} keys (`received`, `new`, `in-progress`, …), not the Dutch labels.
 */
export interface LocallyPluginApi {
  /** The plugin's version, from its manifest, e.g. "0.2.0". */
  readonly version: string;
  /** Another marketplace polled next to Locally; its id (no ":") prefixes its orders and external references. */
  registerOrderSource(source: OrderSource): Disposable;
  /** Asked for each order line in its `order` among the built-in ones (0 remembered link, 10 EAN, 20 vendor part number). */
  registerProductMatcher(matcher: ProductMatcher): Disposable;
  /** Asked for each order's customer in its `order` (0 remembered link, 10 e-mail). */
  registerCustomerMatcher(matcher: CustomerMatcher): Disposable;
  /** A column of the eCommerce-verkopen grid, also listed in "Kolommen". */
  registerOrderColumn(column: OrderColumn): Disposable;
  /** Told after each stored status change (staff, import, provider), in the tab that made it. */
  registerLifecycleListener(listener: LifecycleListener): Disposable;
  /** Every stored order. */
  getOrders(): Promise<readonly StoredOrder[]>;
  /** The orders in one status. */
  getOrdersByStatus(status: OrderStatus): Promise<readonly StoredOrder[]>;
  /** One order by its source's id and the order id, e.g. `getOrder('locally', 'L-1042')`. */
  getOrder(source: string, orderId: string): Promise<StoredOrder | undefined>;
  /** Fires after stored orders changed, in this tab or another. */
  readonly onDidChangeOrders: Event<void>;
  /** Fires after a status change was stored by this tab: `{ order, from, to }`. */
  readonly onDidChangeStatus: Event<OrderStatusChangeEvent>;
}
