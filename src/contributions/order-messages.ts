import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { Subscription } from 'rxjs';
import { type Disposable, DisposableCollection } from '../common/disposable.js';
import { Emitter } from '../common/event.js';
import type { Clock, HostMessage, NotificationService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import type { StoredOrder } from '../services/store/order-model.js';
import { ImportProgressRelay } from '../services/import/import-progress-relay.js';
import { OrderStore, type OrderStoreProblem } from '../services/store/order-store.js';
import { OrderSync, type SyncReceivedEvent, type SyncStatus } from '../services/sync/order-sync.js';
import { NotificationSourceIds } from './contribution-ids.js';
import { EcommerceScreenOpener } from './ecommerce-screen-opener.js';
import type { NotificationSourceContribution } from './host-contribution-points.js';

const ORDERS_AVAILABLE = 'orders-available';
const STORE_PROBLEM = 'store-problem';
const SYNC_PROBLEM = 'sync-problem';
const QUARANTINED = 'quarantined';
const IMPORTING = 'importing';
/** Failed polls in a row before staff are told; a single hiccup heals by itself. */
const FAILURES_BEFORE_TELLING = 3;

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
  protected syncProblem: HostMessage | undefined;
  protected quarantined: HostMessage | undefined;
  protected quarantinedCount = 0;
  protected importing: HostMessage | undefined;
  protected readonly subscription: Subscription;
  protected readonly toDispose = new DisposableCollection();

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(EcommerceScreenOpener) protected readonly screen: EcommerceScreenOpener,
    @inject(HostTokens.clock) protected readonly clock: Clock,
    @inject(OrderSync) protected readonly sync: OrderSync,
    @inject(HostTokens.notifications) protected readonly notifications: NotificationService,
    @inject(ImportProgressRelay) protected readonly importProgress: ImportProgressRelay,
  ) {
    this.subscription = this.store.orders$.subscribe((orders) => this.showAvailable(orders));
    this.toDispose.push(
      this.store.onDidReportProblem((problem) => this.showProblem(problem)),
      this.sync.onDidChangeStatus((status) => this.showSyncStatus(status)),
      this.sync.onDidReceive((event) => this.tellQuarantined(event)),
      this.importProgress.onDidProgress((progress) => {
        this.importing = progress && {
          id: IMPORTING,
          text: msg(str`Importeren… ${progress.done} van ${progress.total}`),
          severity: 'info',
          time: this.clock.now(),
        };
        this.onDidChangeEmitter.fire();
      }),
      this.sync.onDidRefuseMessage(({ orderId, reason }) =>
        this.notifications.notify(msg(str`Locally weigerde een bericht over bestelling ${orderId}: ${reason}`), 'warning'),
      ),
    );
  }

  getMessages(): readonly HostMessage[] {
    return [this.problem, this.syncProblem, this.quarantined, this.importing, this.available].filter(
      (message): message is HostMessage => message !== undefined,
    );
  }

  openMessage(messageId: string): void {
    // Seen once is enough for payloads nobody can act on at the counter.
    if (messageId === QUARANTINED) {
      this.quarantined = undefined;
      this.quarantinedCount = 0;
      this.onDidChangeEmitter.fire();
    }
    void this.screen.open();
  }

  protected showAvailable(orders: readonly StoredOrder[]): void {
    // Orders could be read again: whatever kept the database away has passed.
    const hadProblem = this.problem !== undefined;
    this.problem = undefined;
    // Fetched orders not yet imported, or orders this till's screen has not shown yet.
    const unseen = orders.filter((order) => order.seenAt === undefined || order.status === 'received');
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

  /** Payloads without a readable order id were kept for support: say so (cancellations: ProviderCancellationNotice). */
  protected tellQuarantined({ quarantined }: SyncReceivedEvent): void {
    if (quarantined > 0) {
      this.quarantinedCount += quarantined;
      const count = this.quarantinedCount;
      this.quarantined = {
        id: QUARANTINED,
        text: msg(str`eCommerce: Locally stuurde ${count} bestelling(en) zonder leesbaar order-ID. Ze zijn bewaard voor ondersteuning; neem contact op met Locally.`),
        severity: 'warning',
        time: this.clock.now(),
      };
      this.onDidChangeEmitter.fire();
    }
  }

  protected showSyncStatus(status: SyncStatus): void {
    const error = status.lastError;
    // A refused key or unusable settings will not heal by retrying: say so at once.
    const tell = error && (error.kind === 'unauthorized' || error.kind === 'misconfigured' || status.failures >= FAILURES_BEFORE_TELLING);
    const text = tell ? syncProblemText(error.kind, error.message) : undefined;
    if (text === this.syncProblem?.text) return;
    this.syncProblem = text ? { id: SYNC_PROBLEM, text, severity: 'error', time: this.clock.now() } : undefined;
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

/** What staff read when fetching fails, with the reason in plain words and what to do. */
function syncProblemText(kind: string, reason: string): string {
  switch (kind) {
    case 'unauthorized':
      return msg('eCommerce: Locally weigert het winkel-ID of de API-sleutel. Controleer ze in de instellingen.');
    case 'misconfigured':
      return msg(str`eCommerce: de koppeling met Locally is niet goed ingesteld: ${reason}.`);
    default:
      return msg(str`eCommerce: bestellingen ophalen lukt steeds niet. ${reason}. Er wordt opnieuw geprobeerd; er gaat niets verloren.`);
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
