import { inject, injectable } from 'inversify';
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { EMPTY, Subject, catchError, defer, shareReplay, startWith, switchMap, type Observable } from 'rxjs';
import type { Disposable } from '../../common/disposable.js';
import { Emitter, type Event } from '../../common/event.js';
import { deepEqual } from './deep-equal.js';
import { ORDER_DB_VERSION, upgradeOrderDb, type LocallyDB, type LocallyDBStoreName } from './order-db-schema.js';
import type {
  CustomerLink,
  HistoryEntry,
  OrderStatus,
  OrderStatusChangeEvent,
  OutboxMessage,
  ProductLink,
  QuarantinedPayload,
  StoredOrder,
  SyncState,
} from './order-model.js';
import { errorMessage } from '../../common/error-message.js';

/**
 * Why the order database cannot be used right now. `kind` is for the words staff read; `message`
 * is for developers (English, with the database name).
 */
export interface OrderStoreProblem {
  /** blocked: an old tab holds up an upgrade; outdated: a newer plugin upgraded the database in another tab;
   * terminated: the browser closed it; unavailable: it could not be opened or read. */
  readonly kind: 'blocked' | 'outdated' | 'terminated' | 'unavailable';
  readonly message: string;
}

export const OrderStoreOptions = Symbol('OrderStoreOptions');
export interface OrderStoreOptions {
  /** One database per till profile; tests give each case its own name. */
  readonly dbName: string;
}

/** Fields a status change may set besides the status; identity and bookkeeping stay the store's. */
export type StoredOrderPatch = Partial<Omit<StoredOrder, 'source' | 'orderId' | 'status' | 'revision' | 'updatedAt'>>;

export interface StatusChange {
  readonly source: string;
  readonly orderId: string;
  /** When given, the change is refused if another tab changed the order since it was read. */
  readonly expectedRevision?: number;
  readonly to: OrderStatus;
  /** User name, kept in the history. */
  readonly by: string;
  /** Timestamp from the shell's clock: becomes the history entry's `at` and the order's `updatedAt`. */
  readonly at: number;
  readonly note?: string;
  /** Provider message written in the same transaction, so it is never lost nor sent for an unsaved change. */
  readonly outbox?: Omit<OutboxMessage, 'id'>;
  readonly patch?: StoredOrderPatch;
}

export class OrderNotFoundError extends Error {
  override readonly name = 'OrderNotFoundError';
  constructor(
    readonly source: string,
    readonly orderId: string,
  ) {
    super(`Order ${source}:${orderId} does not exist in the order store`);
  }
}

export class RevisionConflictError extends Error {
  override readonly name = 'RevisionConflictError';
  constructor(
    readonly source: string,
    readonly orderId: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(
      `Order ${source}:${orderId} was changed elsewhere (revision ${actualRevision}, expected ${expectedRevision}); ` +
        'reload it and try again',
    );
  }
}

/** A newer plugin version upgraded the database from another tab; this tab's code cannot use it. */
export class OrderStoreOutdatedError extends Error {
  override readonly name = 'OrderStoreOutdatedError';
  constructor(
    readonly dbName: string,
    cause: unknown,
  ) {
    super(
      `The order database "${dbName}" was upgraded by a newer version of the plugin in another tab; ` +
        'reload this tab to keep working with orders',
      { cause },
    );
  }
}

export class OrderStoreDisposedError extends Error {
  override readonly name = 'OrderStoreDisposedError';
  constructor() {
    super('The order store is closed');
  }
}

/** How a poll's orders meet what is stored: the next version of a known order, or undefined to keep it. */
export type Reconcile = (
  current: StoredOrder,
  incoming: StoredOrder,
) => { readonly next: StoredOrder; readonly history?: Omit<HistoryEntry, 'id'> } | undefined;

/** One page of a poll, written together with the cursor that follows it. */
export interface ReceivedPage {
  /** The orders as received; an order id not stored yet is added as it is, never twice. */
  readonly orders: readonly StoredOrder[];
  /** Decides, inside the transaction, what a known order becomes. */
  readonly reconcile: Reconcile;
  readonly quarantined: readonly Omit<QuarantinedPayload, 'id'>[];
  readonly syncState: SyncState;
}

export interface ReceivedResult {
  readonly added: readonly StoredOrder[];
  readonly changed: readonly { readonly before: StoredOrder; readonly after: StoredOrder }[];
  readonly quarantined: number;
}

/** 'outbox': a message was queued (the sender wakes); 'outbox-state': one was sent or rescheduled. */
/** What the import decided for one order, written with the others of its chunk in one commit. */
export interface ImportedOrder {
  readonly source: string;
  readonly orderId: string;
  /** The revision the decision was made on; a changed order is left for the next run. */
  readonly expectedRevision: number;
  readonly to: OrderStatus;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly transactionId?: string;
  readonly barcode?: string;
  /** The host had a transaction for this order with other lines; it is used, and said in the history. */
  readonly conflict?: string;
  /** The warning kept when the order changed while it was imported (its transaction is kept on it). */
  readonly changedMeanwhile: string;
}

type ChangedStore = 'orders' | 'outbox' | 'outbox-state';
interface ChangeMessage {
  readonly stores: readonly ChangedStore[];
}

const noop = (): void => {};

/**
 * The plugin's IndexedDB store for orders, their history, the provider outbox, links, sync state
 * and preferences. Every tab of a till has one; changes reach the other tabs by BroadcastChannel,
 * which only carries a "changed" trigger: the data itself is always re-read from IndexedDB.
 */
@injectable()
export class OrderStore implements Disposable {
  /** All stored orders by placedAt, re-emitted after every change to orders in any tab of this origin. */
  readonly orders$: Observable<readonly StoredOrder[]>;

  protected readonly onDidChangeOrdersEmitter = new Emitter<void>();
  /** Orders changed, in this tab or another. */
  readonly onDidChangeOrders: Event<void> = this.onDidChangeOrdersEmitter.event;

  protected readonly onDidQueueOutboxMessageEmitter = new Emitter<void>();
  /** A provider message was queued, in this tab or another; lets the sending tab flush without waiting for its poll. */
  readonly onDidQueueOutboxMessage: Event<void> = this.onDidQueueOutboxMessageEmitter.event;

  protected readonly onDidChangeStatusEmitter = new Emitter<OrderStatusChangeEvent>();
  /**
   * Fires after a status change was committed by this tab (staff, import, provider); other tabs see
   * the orders change but do not fire it, so a listener runs once per change per till.
   */
  readonly onDidChangeStatus: Event<OrderStatusChangeEvent> = this.onDidChangeStatusEmitter.event;
  protected readonly onDidReportProblemEmitter = new Emitter<OrderStoreProblem>();
  /** Something the user must act on (another tab blocks an upgrade, this tab is outdated, …). */
  readonly onDidReportProblem: Event<OrderStoreProblem> = this.onDidReportProblemEmitter.event;

  protected readonly ordersChanged = new Subject<void>();
  protected readonly outboxChanged = new Subject<void>();
  protected readonly channel: BroadcastChannel;
  protected dbPromise: Promise<IDBPDatabase<LocallyDB>> | undefined;
  protected disposed = false;
  /** Avoids repeating the same problem on every call while the cause persists. */
  protected lastProblem: string | undefined;

  constructor(@inject(OrderStoreOptions) protected readonly options: OrderStoreOptions) {
    this.channel = new BroadcastChannel(`${options.dbName}:changes`);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isChangeMessage(event.data)) this.notify(event.data.stores);
    };
    this.orders$ = this.ordersChanged.pipe(
      startWith(undefined),
      // switchMap: a newer trigger supersedes an older read, so the latest state wins.
      switchMap(() =>
        defer(() => this.getAllOrders()).pipe(
          catchError((error: unknown) => {
            if (!this.disposed) this.reportProblem('unavailable', `Could not read the orders: ${errorMessage(error)}`);
            return EMPTY;
          }),
        ),
      ),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

  /**
   * Every message not yet accepted by the provider (pending, or refused with its reason), in every
   * tab, so the screen can show it on the order's row.
   */
  readonly outbox$: Observable<readonly OutboxMessage[]> = defer(() => this.outboxChanged.pipe(startWith(undefined))).pipe(
    switchMap(() => defer(() => this.getPendingOutbox(Number.MAX_SAFE_INTEGER)).pipe(catchError(() => EMPTY))),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** The schema version this code opens; a subclass may raise it (tests use that to provoke `blocked`). */
  protected get schemaVersion(): number {
    return ORDER_DB_VERSION;
  }

  // ---- orders ----

  async getOrder(source: string, orderId: string): Promise<StoredOrder | undefined> {
    return (await this.db()).get('orders', [source, orderId]);
  }

  /** Ordered by placedAt (oldest first), then by key. */
  async getAllOrders(): Promise<StoredOrder[]> {
    return (await this.db()).getAllFromIndex('orders', 'by-placed');
  }

  /** Ordered by placedAt (oldest first), then by key. */
  async getOrdersByStatus(status: OrderStatus): Promise<StoredOrder[]> {
    const orders = await (await this.db()).getAllFromIndex('orders', 'by-status', status);
    // The index sorts by status then key; Array.prototype.sort is stable, so ties keep key order.
    return orders.sort((a, b) => a.placedAt - b.placedAt);
  }

  /**
   * Writes the orders in one strict transaction (all or none). An order equal to its stored copy
   * (ignoring updatedAt) is skipped, so a poll that brings nothing new writes nothing and notifies
   * nobody. Of several entries with the same key the last wins. Returns the number written.
   */
  async putOrders(orders: readonly StoredOrder[]): Promise<number> {
    if (orders.length === 0) return 0;
    const byKey = new Map<string, StoredOrder>();
    for (const order of orders) byKey.set(JSON.stringify([order.source, order.orderId]), order);
    const candidates = [...byKey.values()];

    const written = await this.write(['orders'], async (tx, track) => {
      const store = tx.objectStore('orders');
      const stored = await Promise.all(candidates.map((order) => track(store.get([order.source, order.orderId]))));
      let count = 0;
      candidates.forEach((order, i) => {
        if (isSameOrder(stored[i], order)) return;
        void track(store.put(order));
        count++;
      });
      return count;
    });
    if (written > 0) this.publish(['orders']);
    return written;
  }

  /**
   * Stores one page of a poll and its cursor in one strict transaction, before anything is told to
   * the provider: a crash before the commit re-reads the page, after it never loses it. Known order
   * ids are never added again; `reconcile` decides against the stored copy (read in the same
   * transaction, so a change from another tab is not overwritten). Writes nothing when nothing changed.
   */
  async recordReceived(page: ReceivedPage): Promise<ReceivedResult> {
    const result = await this.write(['orders', 'history', 'quarantine', 'syncState'], async (tx, track) => {
      const orders = tx.objectStore('orders');
      const added: StoredOrder[] = [];
      const changed: { before: StoredOrder; after: StoredOrder }[] = [];
      // The latest version of each order this page touched: a later copy in the same page (a
      // cancellation right after the order, a duplicate) is reconciled against it, never dropped.
      const latest = new Map<string, StoredOrder>();
      for (const incoming of page.orders) {
        const key = JSON.stringify([incoming.source, incoming.orderId]);
        const current = latest.get(key) ?? (await track(orders.get([incoming.source, incoming.orderId])));
        if (!current) {
          latest.set(key, incoming);
          added.push(incoming);
          void track(orders.add(incoming));
          continue;
        }
        const outcome = page.reconcile(current, incoming);
        if (!outcome) continue;
        latest.set(key, outcome.next);
        const addedAt = added.findIndex((order) => order.source === incoming.source && order.orderId === incoming.orderId);
        if (addedAt >= 0) added[addedAt] = outcome.next;
        else changed.push({ before: current, after: outcome.next });
        void track(orders.put(outcome.next));
        if (outcome.history) void track(tx.objectStore('history').add(outcome.history));
      }
      for (const payload of page.quarantined) void track(tx.objectStore('quarantine').add(payload));
      const syncStore = tx.objectStore('syncState');
      const stored = await track(syncStore.get(page.syncState.source));
      const touched = added.length + changed.length + page.quarantined.length > 0;
      if (touched || stored?.cursor !== page.syncState.cursor || !stored) void track(syncStore.put(page.syncState));
      return { added, changed, quarantined: page.quarantined.length };
    });
    if (result.added.length || result.changed.length) this.publish(['orders']);
    this.publishStatusChanges(
      result.changed.filter(({ before, after }) => before.status !== after.status).map(({ before, after }) => ({ order: after, from: before.status, to: after.status, origin: 'provider' as const })),
    );
    return result;
  }

  /**
   * Writes the import's decisions for a chunk of orders in one strict transaction: status, reasons,
   * warnings, the transaction and its barcode, and a history entry for each status change. An order
   * changed since the decision (another tab) is skipped and returned as it is stored.
   */
  async recordImport(outcomes: readonly ImportedOrder[], at: number, by: string): Promise<StoredOrder[]> {
    if (outcomes.length === 0) return [];
    const statusChanges: OrderStatusChangeEvent[] = [];
    const written = await this.write(['orders', 'history'], async (tx, track) => {
      const orders = tx.objectStore('orders');
      const result: StoredOrder[] = [];
      statusChanges.length = 0;
      // Every order of the chunk is asked for at once (one round trip, not one per order); `latest`
      // then holds each as this transaction leaves it, so an order given twice sees its first outcome.
      const keyOf = (outcome: ImportedOrder) => JSON.stringify([outcome.source, outcome.orderId]);
      const distinct = [...new Map(outcomes.map((outcome) => [keyOf(outcome), outcome])).entries()];
      const stored = await Promise.all(distinct.map(([, outcome]) => track(orders.get([outcome.source, outcome.orderId]))));
      const latest = new Map<string, StoredOrder | undefined>(distinct.map(([key], i) => [key, stored[i]]));
      for (const outcome of outcomes) {
        const current = latest.get(keyOf(outcome));
        if (!current) continue;
        if (current.revision !== outcome.expectedRevision) {
          // Changed meanwhile (cancelled by the customer during the import): its status stands, but a
          // transaction made for it is recorded, so staff find it and return its stock.
          if (outcome.transactionId && !current.transactionId) {
            const next: StoredOrder = {
              ...current,
              transactionId: outcome.transactionId,
              barcode: outcome.barcode,
              warnings: [...(current.warnings ?? []), ...outcome.warnings, outcome.changedMeanwhile],
              revision: current.revision + 1,
              updatedAt: at,
            };
            latest.set(keyOf(outcome), next);
            void track(orders.put(next));
            result.push(next);
          }
          continue;
        }
        const { problems: _problems, warnings: _warnings, ...rest } = current;
        const next: StoredOrder = {
          ...rest,
          status: outcome.to,
          ...(outcome.problems.length ? { problems: outcome.problems } : {}),
          ...(outcome.warnings.length ? { warnings: outcome.warnings } : {}),
          ...(outcome.transactionId ? { transactionId: outcome.transactionId, barcode: outcome.barcode } : {}),
          revision: current.revision + 1,
          updatedAt: at,
        };
        latest.set(keyOf(outcome), next);
        void track(orders.put(next));
        if (current.status !== outcome.to) statusChanges.push({ order: next, from: current.status, to: outcome.to, origin: 'import' });
        if (current.status !== outcome.to || outcome.conflict) {
          const entry: HistoryEntry = {
            source: outcome.source,
            orderId: outcome.orderId,
            from: current.status,
            to: outcome.to,
            at,
            by,
            ...(outcome.conflict ? { note: outcome.conflict } : {}),
          };
          void track(tx.objectStore('history').add(entry));
        }
        result.push(next);
      }
      return result;
    });
    if (written.length) this.publish(['orders']);
    this.publishStatusChanges(statusChanges);
    return written;
  }

  /** Payloads kept without a readable order id, oldest first. */
  async getQuarantined(): Promise<QuarantinedPayload[]> {
    return (await this.db()).getAll('quarantine');
  }

  /**
   * Changes an order's status with its history entry and optional provider message in one strict
   * transaction: all three are written or none. Rejects with {@link OrderNotFoundError} or
   * {@link RevisionConflictError} without writing anything.
   */
  async applyStatusChange(change: StatusChange): Promise<StoredOrder> {
    const { source, orderId, expectedRevision, to, by, at, note, outbox, patch } = change;
    if (outbox && (outbox.source !== source || outbox.orderId !== orderId)) {
      throw new TypeError(`Outbox message for ${outbox.source}:${outbox.orderId} given with a change of ${source}:${orderId}`);
    }
    let from: OrderStatus | undefined;
    const updated = await this.write(['orders', 'history', 'outbox'], async (tx, track) => {
      const orders = tx.objectStore('orders');
      const current = await orders.get([source, orderId]);
      if (!current) throw new OrderNotFoundError(source, orderId);
      if (expectedRevision !== undefined && current.revision !== expectedRevision) {
        throw new RevisionConflictError(source, orderId, expectedRevision, current.revision);
      }
      const next: StoredOrder = {
        ...current,
        ...patch,
        source,
        orderId,
        status: to,
        revision: current.revision + 1,
        updatedAt: at,
      };
      from = current.status;
      const entry: HistoryEntry = { source, orderId, from: current.status, to, at, by, ...(note === undefined ? {} : { note }) };
      void track(orders.put(next));
      void track(tx.objectStore('history').add(entry));
      if (outbox) void track(tx.objectStore('outbox').add(outbox));
      return next;
    });
    this.publish(outbox ? ['orders', 'outbox'] : ['orders']);
    if (from !== undefined && from !== to) this.publishStatusChanges([{ order: updated, from, to, origin: 'staff' }]);
    return updated;
  }

  /**
   * Records when this till's screen first showed the orders. An order already marked (maybe by
   * another tab) keeps its first mark. No revision bump: a seen mark must not make someone's staged
   * status change conflict. Returns the number marked.
   */
  async markSeen(orders: readonly Pick<StoredOrder, 'source' | 'orderId'>[], at: number): Promise<number> {
    if (orders.length === 0) return 0;
    // Losing a seen mark in a crash only shows the order as new once more: no need to wait for the disk.
    const marked = await this.write(
      ['orders'],
      async (tx, track) => {
        const store = tx.objectStore('orders');
        const current = await Promise.all(orders.map((order) => track(store.get([order.source, order.orderId]))));
        let count = 0;
        for (const order of current) {
          if (!order || order.seenAt !== undefined) continue;
          void track(store.put({ ...order, seenAt: at }));
          count++;
        }
        return count;
      },
      'relaxed',
    );
    if (marked > 0) this.publish(['orders']);
    return marked;
  }

  /**
   * Records the host transaction's "Blijf Open" on the order. No revision bump: a status change
   * staged before it (a quick "In behandeling" right after pressing "Blijf Open") stays valid, since
   * every status change patches the order as stored and so keeps this mark; the one that lifts it,
   * "Gereed voor afhalen", lifts it by design (DESIGN §4). `at` becomes updatedAt when given.
   * Returns the order as stored, or undefined when there is no such order.
   */
  async setKeptOpen(source: string, orderId: string, keptOpen: boolean, at?: number): Promise<StoredOrder | undefined> {
    let changed = false;
    const result = await this.write(['orders'], async (tx, track) => {
      const store = tx.objectStore('orders');
      const current = await store.get([source, orderId]);
      if (!current || current.keptOpen === keptOpen) return current;
      const next: StoredOrder = { ...current, keptOpen, updatedAt: at ?? current.updatedAt };
      void track(store.put(next));
      changed = true;
      return next;
    });
    if (changed) this.publish(['orders']);
    return result;
  }

  /** Oldest first. */
  async getHistory(source: string, orderId: string): Promise<HistoryEntry[]> {
    return (await this.db()).getAllFromIndex('history', 'by-order', [source, orderId]);
  }

  // ---- outbox ----

  /** Messages due at `now`, earliest nextAttemptAt first (then in the order they were queued). */
  async getPendingOutbox(now: number): Promise<OutboxMessage[]> {
    return (await this.db()).getAllFromIndex('outbox', 'by-next-attempt', IDBKeyRange.upperBound(now));
  }

  async removeOutbox(id: number): Promise<void> {
    await this.write(['outbox'], async (tx) => tx.objectStore('outbox').delete(id));
    this.publish(['outbox-state']);
  }

  /** Queues a message (without id) or reschedules one (with id, e.g. after a failed attempt). Returns its id. */
  async putOutbox(message: OutboxMessage | Omit<OutboxMessage, 'id'>): Promise<number> {
    const isNew = !('id' in message) || message.id === undefined;
    const id = await this.write(['outbox'], async (tx) => tx.objectStore('outbox').put(message));
    this.publish([isNew ? 'outbox' : 'outbox-state']);
    return id;
  }

  // ---- links, sync state, preferences ----

  async getCustomerLink(source: string, providerCustomerId: string): Promise<CustomerLink | undefined> {
    return (await this.db()).get('customerLinks', [source, providerCustomerId]);
  }

  /** {@link getCustomerLink} for many provider customers, in one read transaction; same order as `providerCustomerIds`. */
  async getCustomerLinks(source: string, providerCustomerIds: readonly string[]): Promise<(CustomerLink | undefined)[]> {
    return this.getLinks('customerLinks', source, providerCustomerIds, (link) => link.providerCustomerId);
  }

  async putCustomerLink(link: CustomerLink): Promise<void> {
    await this.write(['customerLinks'], async (tx) => tx.objectStore('customerLinks').put(link));
  }

  async getProductLink(source: string, lineIdentifier: string): Promise<ProductLink | undefined> {
    return (await this.db()).get('productLinks', [source, lineIdentifier]);
  }

  /** {@link getProductLink} for many lines, in one read transaction; same order as `lineIdentifiers`. */
  async getProductLinks(source: string, lineIdentifiers: readonly string[]): Promise<(ProductLink | undefined)[]> {
    return this.getLinks('productLinks', source, lineIdentifiers, (link) => link.lineIdentifier);
  }

  async putProductLink(link: ProductLink): Promise<void> {
    await this.write(['productLinks'], async (tx) => tx.objectStore('productLinks').put(link));
  }

  async getSyncState(source: string): Promise<SyncState | undefined> {
    return (await this.db()).get('syncState', source);
  }

  async putSyncState(state: SyncState): Promise<void> {
    await this.write(['syncState'], async (tx) => tx.objectStore('syncState').put(state));
  }

  async getPreference<T>(key: string): Promise<T | undefined> {
    const preference = await (await this.db()).get('preferences', key);
    return preference?.value as T | undefined;
  }

  async setPreference(key: string, value: unknown): Promise<void> {
    // A lost preference is cheap to set again: no need to wait for the disk.
    await this.write(['preferences'], async (tx) => tx.objectStore('preferences').put({ key, value }), 'relaxed');
  }

  /**
   * Links of one source by their second key part, in the order asked, in one read transaction. Staff
   * make links by hand, so a source has few: when it has no more than are asked for, they are read
   * in one go (two requests in all, none when there are no links) rather than one request each.
   */
  protected async getLinks<Name extends 'customerLinks' | 'productLinks'>(
    storeName: Name,
    source: string,
    ids: readonly string[],
    idOf: (link: LocallyDB[Name]['value']) => string,
  ): Promise<(LocallyDB[Name]['value'] | undefined)[]> {
    if (ids.length === 0) return [];
    const store = (await this.db()).transaction(storeName).store;
    // Every [source, id] key lies in this range: arrays sort after strings.
    const ofSource = IDBKeyRange.bound([source], [source, []]);
    const count = await store.count(ofSource);
    if (count === 0) return ids.map(() => undefined);
    if (count <= ids.length) {
      const links = new Map((await store.getAll(ofSource)).map((link) => [idOf(link), link]));
      return ids.map((id) => links.get(id));
    }
    return Promise.all(ids.map((id) => store.get([source, id])));
  }

  // ---- lifecycle ----

  /** Closes the database and the channel and completes orders$; later calls reject. */
  close(): void {
    if (this.disposed) return;
    this.disposed = true;
    const opening = this.dbPromise;
    this.dbPromise = undefined;
    // close() lets running transactions finish first.
    void opening?.then((db) => db.close(), noop);
    this.channel.onmessage = null;
    this.channel.close();
    this.ordersChanged.complete();
    this.outboxChanged.complete();
    this.onDidChangeOrdersEmitter.dispose();
    this.onDidQueueOutboxMessageEmitter.dispose();
    this.onDidReportProblemEmitter.dispose();
    this.onDidChangeStatusEmitter.dispose();
  }

  dispose(): void {
    this.close();
  }

  // ---- internals ----

  /** The connection, opened on first use and again after another tab or the browser closed it. */
  protected db(): Promise<IDBPDatabase<LocallyDB>> {
    if (this.disposed) return Promise.reject(new OrderStoreDisposedError());
    return (this.dbPromise ??= this.open());
  }

  protected open(): Promise<IDBPDatabase<LocallyDB>> {
    const { dbName } = this.options;
    const forget = (): void => {
      if (this.dbPromise === opening) this.dbPromise = undefined;
    };
    const opening: Promise<IDBPDatabase<LocallyDB>> = openDB<LocallyDB>(dbName, this.schemaVersion, {
      upgrade: upgradeOrderDb,
      blocked: (currentVersion, blockedVersion) => {
        this.reportProblem(
          'blocked',
          `The order database "${dbName}" cannot be upgraded from version ${currentVersion} to ${blockedVersion ?? '?'} ` +
            'while another tab of this till still uses the old version; close or reload the other tabs',
        );
      },
      // Another tab upgrades or deletes the database: step aside so it is not blocked. Running
      // transactions finish first; the next call reopens (and fails clearly if we are now outdated).
      blocking: () => {
        forget();
        void opening.then((db) => db.close(), noop);
      },
      terminated: () => {
        forget();
        this.reportProblem('terminated', `The browser closed the order database "${dbName}"; it is reopened on the next use`);
      },
    }).then(
      (db) => {
        this.lastProblem = undefined;
        return db;
      },
      (error: unknown) => {
        forget();
        if (error instanceof DOMException && error.name === 'VersionError') {
          const outdated = new OrderStoreOutdatedError(dbName, error);
          this.reportProblem('outdated', outdated.message);
          throw outdated;
        }
        this.reportProblem('unavailable', `Could not open the order database "${dbName}": ${errorMessage(error)}`);
        throw error;
      },
    );
    return opening;
  }

  /**
   * Runs `body` in one readwrite transaction and waits until it commits. Requests passed to
   * `track` are awaited with the commit. If anything throws (also synchronously, e.g. an invalid
   * key or an uncloneable value, which IndexedDB does not turn into an abort by itself), the
   * transaction is aborted so nothing of it is kept.
   */
  protected async write<const Names extends readonly LocallyDBStoreName[], T>(
    storeNames: Names,
    body: (
      tx: IDBPTransaction<LocallyDB, Names, 'readwrite'>,
      track: <R>(request: Promise<R>) => Promise<R>,
    ) => Promise<T>,
    durability: IDBTransactionDurability = 'strict',
  ): Promise<T> {
    const db = await this.db();
    const tx = db.transaction(storeNames, 'readwrite', { durability });
    const pending: Promise<unknown>[] = [];
    const track = <R>(request: Promise<R>): Promise<R> => {
      pending.push(request);
      return request;
    };
    try {
      const result = await body(tx, track);
      await Promise.all([...pending, tx.done]);
      return result;
    } catch (error) {
      for (const request of pending) request.catch(noop);
      tx.done.catch(noop);
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request, or finished.
      }
      throw error;
    }
  }

  /** A change made here: tell this tab and the others. Called after the transaction committed. */
  protected publish(stores: readonly ChangedStore[]): void {
    if (this.disposed) return;
    this.notify(stores);
    const message: ChangeMessage = { stores };
    this.channel.postMessage(message);
  }

  protected notify(stores: readonly ChangedStore[]): void {
    if (this.disposed) return;
    if (stores.includes('orders')) {
      this.ordersChanged.next();
      this.onDidChangeOrdersEmitter.fire();
    }
    if (stores.includes('outbox')) this.onDidQueueOutboxMessageEmitter.fire();
    if (stores.includes('outbox') || stores.includes('outbox-state')) this.outboxChanged.next();
  }

  protected publishStatusChanges(changes: readonly OrderStatusChangeEvent[]): void {
    if (this.disposed) return;
    for (const change of changes) this.onDidChangeStatusEmitter.fire(change);
  }

  protected reportProblem(kind: OrderStoreProblem['kind'], message: string): void {
    if (this.disposed || message === this.lastProblem) return;
    this.lastProblem = message;
    this.onDidReportProblemEmitter.fire({ kind, message });
  }
}

function isSameOrder(stored: StoredOrder | undefined, incoming: StoredOrder): boolean {
  return stored !== undefined && deepEqual({ ...stored, updatedAt: 0 }, { ...incoming, updatedAt: 0 });
}

function isChangeMessage(data: unknown): data is ChangeMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as { stores?: unknown }).stores)
  );
}

