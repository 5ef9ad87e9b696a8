import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { Subscription } from 'rxjs';
import type { Disposable } from '../common/disposable.js';
import { Emitter } from '../common/event.js';
import type { TileState } from '../host/index.js';
import { isOpenStatus } from '../services/store/order-model.js';
import { OrderStore } from '../services/store/order-store.js';
import { TileIds } from './contribution-ids.js';
import { EcommerceScreenOpener } from './ecommerce-screen-opener.js';
import type { TileContribution } from './host-contribution-points.js';

/** The desktop tile "eCommerce, N te behandelen": N counts the orders not yet completed or archived. */
@injectable()
export class EcommerceTile implements TileContribution, Disposable {
  readonly tileId = TileIds.ecommerce;
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange = this.onDidChangeEmitter.event;
  protected toHandle = 0;
  protected readonly subscription: Subscription;

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(EcommerceScreenOpener) protected readonly screen: EcommerceScreenOpener,
  ) {
    this.subscription = this.store.orders$.subscribe((orders) => {
      const count = orders.filter((order) => isOpenStatus(order.status)).length;
      if (count === this.toHandle) return;
      this.toHandle = count;
      this.onDidChangeEmitter.fire();
    });
  }

  getState(): TileState {
    const count = this.toHandle;
    return { label: msg(str`eCommerce, ${count} te behandelen`), badge: count };
  }

  open(): void {
    void this.screen.open();
  }

  dispose(): void {
    this.subscription.unsubscribe();
    this.onDidChangeEmitter.dispose();
  }
}
