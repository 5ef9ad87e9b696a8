import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { commitOrAbort } from '../../src/common/write-transaction.js';
import { FaultSwitches, type FaultSettings } from './faults.js';
import type { LocallyOrder, LocallyRopisMethod } from './locally-order.js';

/** An order as the simulator keeps it: the wire order plus what the store told it. */
export interface SimulatorOrderRecord {
  readonly id: string;
  /** The change sequence of the order's last change; the changes cursor is derived from it. */
  readonly seq: number;
  readonly order: LocallyOrder;
  /** The change sequence of its placement: orders placed in the same millisecond keep their order. */
  readonly placedSeq?: number;
  /** The fulfilment method given with `picked-up` for a reservation. */
  readonly ropisMethod?: LocallyRopisMethod;
  /** The reason given with `decline` or `cancel`. */
  readonly reason?: string;
  /** The card was charged (a buy order the store accepted), and not yet released. */
  readonly charged?: boolean;
}

/** The first answer to an action with an `Idempotency-Key`, replayed for a repeat. */
export interface IdempotencyRecord {
  readonly key: string;
  readonly status: number;
  readonly body: unknown;
  readonly at: number;
}

export interface SimulatorCredentials {
  readonly storeId: string;
  readonly apiKey: string;
}

interface MetaValues {
  /** The last change sequence handed out; never goes back, not even on reset (clients keep cursors). */
  seq: number;
  /** How many orders the generator has made; the next order's index. */
  generated: number;
  faults: FaultSettings;
  credentials: SimulatorCredentials;
}

type MetaKey = keyof MetaValues;

interface SimulatorSchema extends DBSchema {
  orders: { key: string; value: SimulatorOrderRecord; indexes: { seq: number } };
  idempotency: { key: string; value: IdempotencyRecord };
  meta: { key: MetaKey; value: MetaValues[MetaKey] };
}

type StoreName = 'orders' | 'idempotency' | 'meta';
const ALL_STORES: StoreName[] = ['orders', 'idempotency', 'meta'];

/**
 * The operations of one readwrite transaction. Only IndexedDB requests may be awaited inside one
 * (anything else lets the transaction commit early), so callers pass synchronous logic around these.
 */
export class SimulatorStateTransaction {
  constructor(protected readonly tx: IDBPTransaction<SimulatorSchema, StoreName[], 'readwrite'>) {}

  getOrder(id: string): Promise<SimulatorOrderRecord | undefined> {
    return this.tx.objectStore('orders').get(id);
  }

  /** Stores the order as its newest change: it gets the next sequence number. */
  async putOrder(record: Omit<SimulatorOrderRecord, 'seq'>): Promise<SimulatorOrderRecord> {
    const seq = (await this.meta('seq')) + 1;
    await this.setMeta('seq', seq);
    const stored: SimulatorOrderRecord = { placedSeq: seq, ...record, id: record.order.id, seq };
    await this.tx.objectStore('orders').put(stored);
    return stored;
  }

  /** Replaces the record without making it a change (internal bookkeeping only). */
  async replaceOrder(record: SimulatorOrderRecord): Promise<void> {
    await this.tx.objectStore('orders').put(record);
  }

  allOrders(): Promise<SimulatorOrderRecord[]> {
    return this.tx.objectStore('orders').getAll();
  }

  getAnswer(key: string): Promise<IdempotencyRecord | undefined> {
    return this.tx.objectStore('idempotency').get(key);
  }

  async putAnswer(record: IdempotencyRecord): Promise<void> {
    await this.tx.objectStore('idempotency').put(record);
  }

  async meta<K extends MetaKey>(key: K): Promise<MetaValues[K]> {
    const value = (await this.tx.objectStore('meta').get(key)) as MetaValues[K] | undefined;
    return value ?? (META_DEFAULTS[key] as MetaValues[K]);
  }

  async setMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
    await this.tx.objectStore('meta').put(value, key);
  }

  async clear(stores: readonly StoreName[]): Promise<void> {
    await Promise.all(stores.map((name) => this.tx.objectStore(name).clear()));
  }
}

const META_DEFAULTS: { [K in MetaKey]: MetaValues[K] | undefined } = {
  seq: 0,
  generated: 0,
  faults: FaultSwitches.none(),
  credentials: undefined,
};

/**
 * The simulator's state in IndexedDB, so every tab and a reload see the same orders, faults,
 * idempotency answers and credentials. Every write runs in one readwrite transaction.
 */
export class SimulatorState {
  protected constructor(protected readonly db: IDBPDatabase<SimulatorSchema>) {}

  static async open(dbName = 'locally-simulator'): Promise<SimulatorState> {
    const db = await openDB<SimulatorSchema>(dbName, 1, {
      upgrade(database) {
        const orders = database.createObjectStore('orders', { keyPath: 'id' });
        orders.createIndex('seq', 'seq', { unique: true });
        database.createObjectStore('idempotency', { keyPath: 'key' });
        database.createObjectStore('meta');
      },
      // Another tab upgrading (or deleting) the DB: let it, this one reopens on its next load.
      blocking() {
        db.close();
      },
    });
    return new SimulatorState(db);
  }

  /** Runs `work` in one readwrite transaction over all stores and resolves once it has committed. */
  async write<T>(work: (tx: SimulatorStateTransaction) => Promise<T>): Promise<T> {
    const tx = this.db.transaction(ALL_STORES, 'readwrite', { durability: 'strict' });
    return commitOrAbort(tx, () => work(new SimulatorStateTransaction(tx)));
  }

  getOrder(id: string): Promise<SimulatorOrderRecord | undefined> {
    return this.db.get('orders', id);
  }

  /** Every order, in order of its last change. */
  listOrders(): Promise<SimulatorOrderRecord[]> {
    return this.db.getAllFromIndex('orders', 'seq');
  }

  /** Orders changed after `afterSeq`, oldest change first, at most `limit`; `hasMore` when more follow. */
  async changesAfter(afterSeq: number, limit: number): Promise<{ records: SimulatorOrderRecord[]; hasMore: boolean }> {
    const found = await this.db.getAllFromIndex('orders', 'seq', IDBKeyRange.lowerBound(afterSeq, true), limit + 1);
    return { records: found.slice(0, limit), hasMore: found.length > limit };
  }

  async faults(): Promise<FaultSettings> {
    const stored = (await this.db.get('meta', 'faults')) as Partial<FaultSettings> | undefined;
    return { ...FaultSwitches.none(), ...stored };
  }

  async credentials(): Promise<SimulatorCredentials | undefined> {
    return (await this.db.get('meta', 'credentials')) as SimulatorCredentials | undefined;
  }

  /** The last change sequence handed out. */
  async lastSeq(): Promise<number> {
    return ((await this.db.get('meta', 'seq')) as number | undefined) ?? 0;
  }

  close(): void {
    this.db.close();
  }
}

export type { StoreName as SimulatorStoreName };
