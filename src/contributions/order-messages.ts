import { msg } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { Subscription } from 'rxjs';
import type { Disposable } from '../common/disposable.js';
import { Emitter } from '../common/event.js';
import type { HostMessage, PanelService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import type { StoredOrder } from '../services/store/order-model.js';
import { OrderStore } from '../services/store/order-store.js';
import { NotificationSourceIds, PanelIds } from './contribution-ids.js';
import type { NotificationSourceContribution } from './host-contribution-points.js';

/**
 * The plugin's feed in the message pane: one message while this till has orders its screen has not
 * shown yet; it goes by itself once the screen has shown them.
 */
@injectable()
export class OrderMessages implements NotificationSourceContribution, Disposable {
  readonly sourceId = NotificationSourceIds.orderMessages;
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange = this.onDidChangeEmitter.event;
  protected messages: readonly HostMessage[] = [];
  protected readonly subscription: Subscription;

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(HostTokens.panels) protected readonly panels: PanelService,
  ) {
    this.subscription = this.store.orders$.subscribe((orders) => this.update(orders));
  }

  getMessages(): readonly HostMessage[] {
    return this.messages;
  }

  openMessage(): void {
    void this.panels.open(PanelIds.ecommerceScreen);
  }

  protected update(orders: readonly StoredOrder[]): void {
    const unseen = orders.filter((order) => order.seenAt === undefined);
    const newest = Math.max(...unseen.map((order) => order.placedAt));
    const next: HostMessage[] = unseen.length
      ? [{ id: 'orders-available', text: msg('eCommerce-verkoop is beschikbaar voor download'), severity: 'info', time: newest }]
      : [];
    if (JSON.stringify(next) === JSON.stringify(this.messages)) return;
    this.messages = next;
    this.onDidChangeEmitter.fire();
  }

  dispose(): void {
    this.subscription.unsubscribe();
    this.onDidChangeEmitter.dispose();
  }
}
