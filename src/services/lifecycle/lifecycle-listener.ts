import type { OrderStatusChangeEvent } from '../store/order-model.js';

/**
 * Told after an order's status change was stored, whoever made it (staff in the screen, the import,
 * a cancellation at the provider): a contribution point of the plugin. It runs after the write, in
 * the tab that wrote it; a listener that throws or takes too long is reported and skipped, and
 * never holds up the write or the other listeners.
 */
export const LifecycleListener = Symbol('LifecycleListener');
export interface LifecycleListener {
  /** Unique among the listeners; names it in reports. */
  readonly id: string;
  statusChanged(change: OrderStatusChangeEvent): void | Promise<void>;
}
