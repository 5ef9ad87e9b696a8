import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { NotificationService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import type { LifecycleListener } from '../services/lifecycle/lifecycle-listener.js';
import type { OrderStatusChangeEvent } from '../services/store/order-model.js';
import { OrderSourceRegistry } from '../services/sync/order-source-registry.js';

/**
 * A built-in lifecycle listener: when a customer or the provider cancels an order staff may be
 * working on, say so at once, and point to the guide that returns its goods to stock. Staff's own
 * cancellations get the guide itself.
 */
@injectable()
export class ProviderCancellationNotice implements LifecycleListener {
  readonly id = 'provider-cancellation-notice';

  constructor(
    @inject(HostTokens.notifications) protected readonly notifications: NotificationService,
    @inject(OrderSourceRegistry) protected readonly sources: OrderSourceRegistry,
  ) {}

  statusChanged({ order, from, to, origin }: OrderStatusChangeEvent): void {
    if (origin !== 'provider' || to !== 'cancelled' || from === 'cancelled') return;
    const source = this.sources.getAll().find((candidate) => candidate.id === order.source)?.label ?? order.source;
    // Its transaction still holds the goods: point staff to the guide that returns them.
    const next = order.transactionId ? ` ${msg('Open de transactie en kies "Transactie leegmaken".')}` : '';
    this.notifications.notify(`${msg(str`Bestelling ${order.orderId} is bij ${source} geannuleerd.`)}${next}`, 'warning');
  }
}
