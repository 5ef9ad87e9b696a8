import type { StoredOrder } from '../services/store/order-model.js';

/** What staff asked the screen to do with one order; the plugin carries it out (dialogs, store). */
export type OrderAction = 'identify-customer' | 'link-products' | 'archive' | 'email';

/** Fired by the eCommerce-verkopen screen (bubbles, composed) when staff pick an action for an order. */
export class OrderActionEvent extends Event {
  static readonly type = 'order-action';

  constructor(
    readonly action: OrderAction,
    readonly order: StoredOrder,
  ) {
    super(OrderActionEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'order-action': OrderActionEvent;
  }
}
