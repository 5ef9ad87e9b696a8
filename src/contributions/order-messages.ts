import { msg } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { Subscription } from 'rxjs';
import { type Disposable, DisposableCollection } from '../common/disposable.js';
import { Emitter } from '../common/event.js';
import type { Clock, HostMessage } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import type { StoredOrder } from '../services/store/order-model.js';
import { OrderStore, type OrderStoreProblem } from '../services/store/order-store.js';
import { NotificationSourceIds } from './contribution-ids.js';
import { EcommerceScreenOpener } from './ecommerce-screen-opener.js';
import type { NotificationSourceContribution } from './host-contribution-points.js';

const ORDERS_AVAILABLE = 'orders-available';
const STORE_PROBLEM = 'store-problem';

/**
 * The plugin's feed in the message pane: one message while this till has orders its screen has not
 * shown yet (it goes by itself once the screen has shown them), and one when the order database
 * cannot be used, saying what staff can do.
 */
@injectable()
export class OrderMessages implements NotificationSourceContribution, Disposable {
  readonly sourceId = NotificationSourceIds.orderMessages;
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange = this.onDidChangeEmitter.event;
  protected available: HostMessage | undefined;
  protected problem: HostMessage | undefined;
  protected readonly subscription: Subscription;
  protected readonly toDispose = new DisposableCollection();

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(EcommerceScreenOpener) protected readonly screen: EcommerceScreenOpener,
    @inject(HostTokens.clock) protected readonly clock: Clock,
  ) {
    this.subscription = this.store.orders$.subscribe((orders) => this.showAvailable(orders));
    this.toDispose.push(this.store.onDidReportProblem((problem) => this.showProblem(problem)));
  }

  getMessages(): readonly HostMessage[] {
    return [this.problem, this.available].filter((message): message is HostMessage => message !== undefined);
  }

  openMessage(): void {
    void this.screen.open();
  }

  protected showAvailable(orders: readonly StoredOrder[]): void {
    // Orders could be read again: whatever kept the database away has passed.
    const hadProblem = this.problem !== undefined;
    this.problem = undefined;
    const unseen = orders.filter((order) => order.seenAt === undefined);
    const next: HostMessage | undefined = unseen.length
      ? {
          id: ORDERS_AVAILABLE,
          text: msg('eCommerce-verkoop is beschikbaar voor download'),
          severity: 'info',
          time: Math.max(...unseen.map((order) => order.placedAt)),
        }
      : undefined;
    if (!hadProblem && JSON.stringify(next) === JSON.stringify(this.available)) return;
    this.available = next;
    this.onDidChangeEmitter.fire();
  }

  protected showProblem(problem: OrderStoreProblem): void {
    this.problem = { id: STORE_PROBLEM, text: problemText(problem), severity: 'error', time: this.clock.now() };
    this.onDidChangeEmitter.fire();
  }

  dispose(): void {
    this.subscription.unsubscribe();
    this.toDispose.dispose();
    this.onDidChangeEmitter.dispose();
  }
}

/** What staff read, and what they can do about it. */
function problemText(problem: OrderStoreProblem): string {
  switch (problem.kind) {
    case 'blocked':
      return msg('eCommerce: sluit de andere tabbladen van deze kassa of laad ze opnieuw, zodat de bestellingen bijgewerkt kunnen worden.');
    case 'outdated':
      return msg('eCommerce: een nieuwere versie draait in een ander tabblad. Laad dit tabblad opnieuw.');
    case 'terminated':
      return msg('eCommerce: de browser heeft de bestellingen gesloten; ze worden bij het volgende gebruik opnieuw geopend.');
    case 'unavailable':
      return msg('eCommerce: de bestellingen kunnen nu niet worden gelezen. Laad de pagina opnieuw; blijft dit, meld het dan.');
  }
}
