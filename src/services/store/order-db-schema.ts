import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type {
  CustomerLink,
  HistoryEntry,
  OrderStatus,
  OutboxMessage,
  Preference,
  ProductLink,
  QuarantinedPayload,
  StoredOrder,
  SyncState,
} from './order-model.js';

/** Raise with every schema change and add one `if (oldVersion < N)` step to {@link upgradeOrderDb}. */
export const ORDER_DB_VERSION = 2;

type OrderKeyPath = [source: string, orderId: string];

export interface LocallyDB extends DBSchema {
  orders: {
    key: OrderKeyPath;
    value: StoredOrder;
    indexes: { 'by-status': OrderStatus; 'by-placed': number };
  };
  history: {
    key: number;
    value: HistoryEntry;
    indexes: { 'by-order': OrderKeyPath };
  };
  outbox: {
    key: number;
    value: OutboxMessage;
    indexes: { 'by-order': OrderKeyPath; 'by-next-attempt': number };
  };
  customerLinks: {
    key: [source: string, providerCustomerId: string];
    value: CustomerLink;
  };
  productLinks: {
    key: [source: string, lineIdentifier: string];
    value: ProductLink;
  };
  syncState: {
    key: string;
    value: SyncState;
  };
  preferences: {
    key: string;
    value: Preference;
  };
  /** Since version 2: payloads without a readable order id. */
  quarantine: {
    key: number;
    value: QuarantinedPayload;
  };
}

export type LocallyDBStoreName = StoreNames<LocallyDB>;

/**
 * Runs inside the `versionchange` transaction. One step per version, applied in order, so a
 * till that skipped versions replays every step it missed.
 */
export function upgradeOrderDb(
  db: IDBPDatabase<LocallyDB>,
  oldVersion: number,
  _newVersion: number | null,
  _tx: IDBPTransaction<LocallyDB, LocallyDBStoreName[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const orders = db.createObjectStore('orders', { keyPath: ['source', 'orderId'] });
    orders.createIndex('by-status', 'status');
    orders.createIndex('by-placed', 'placedAt');

    const history = db.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
    history.createIndex('by-order', ['source', 'orderId']);

    const outbox = db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
    outbox.createIndex('by-order', ['source', 'orderId']);
    outbox.createIndex('by-next-attempt', 'nextAttemptAt');

    db.createObjectStore('customerLinks', { keyPath: ['source', 'providerCustomerId'] });
    db.createObjectStore('productLinks', { keyPath: ['source', 'lineIdentifier'] });
    db.createObjectStore('syncState', { keyPath: 'source' });
    db.createObjectStore('preferences', { keyPath: 'key' });
  }
  if (oldVersion < 2) {
    db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
  }
}
