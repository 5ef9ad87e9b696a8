/**
 * Counts IndexedDB writes in this page, per database: every call of IDBObjectStore's put, add,
 * delete and clear, of IDBCursor's update and delete, and every readwrite transaction opened. It
 * wraps the prototypes (so it sees the plugin, the shell and idb alike, whatever module made the
 * call) and only observes: each method still does what it did.
 *
 * Used by the idle-poll budget (test/integration/idle-poll-writes.test.ts) and its benchmark
 * (bench/idle-poll-bench.ts). Install it before the code under watch writes anything.
 */

/** Writes to one database. */
export interface IdbWriteCount {
  /** put, add, delete, clear on object stores plus update and delete on cursors. */
  writes: number;
  /** Transactions opened in "readwrite" mode (one may hold many writes, or none). */
  readwriteTransactions: number;
  /** The write calls by method, e.g. `orders.put` → 3 (store name, then method; `cursor.update` for cursors). */
  readonly calls: Record<string, number>;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

export class IdbWriteSpy {
  protected counts = new Map<string, IdbWriteCount>();
  protected readonly restore: (() => void)[] = [];
  /** Transactions of any mode not yet complete or aborted, for waiting until IndexedDB is quiet. */
  protected active = 0;
  /** performance.now() when the last transaction ended (or started). */
  protected lastActivity = 0;

  /** Wraps the prototypes; call {@link dispose} to put them back. */
  install(): this {
    if (this.restore.length) return this;
    for (const method of ['put', 'add', 'delete', 'clear'] as const) {
      this.wrap(IDBObjectStore.prototype, method, (store) => ({ db: store.transaction.db.name, call: `${store.name}.${method}` }));
    }
    for (const method of ['update', 'delete'] as const) {
      this.wrap(IDBCursor.prototype, method, (cursor) => {
        const store = cursor.source instanceof IDBIndex ? cursor.source.objectStore : cursor.source;
        return { db: store.transaction.db.name, call: `${store.name}.cursor.${method}` };
      });
    }
    const opened = (db: IDBDatabase, transaction: IDBTransaction) => {
      if (transaction.mode === 'readwrite') this.entry(db.name).readwriteTransactions++;
      this.active++;
      this.lastActivity = performance.now();
      const ended = () => {
        this.active--;
        this.lastActivity = performance.now();
      };
      transaction.addEventListener('complete', ended, { once: true });
      transaction.addEventListener('abort', ended, { once: true });
    };
    const originalTransaction: IDBDatabase['transaction'] = Reflect.get(IDBDatabase.prototype, 'transaction');
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>): IDBTransaction {
      const transaction = originalTransaction.apply(this, args);
      opened(this, transaction);
      return transaction;
    };
    this.restore.push(() => (IDBDatabase.prototype.transaction = originalTransaction));
    return this;
  }

  /** Forgets what was counted so far. */
  reset(): void {
    this.counts = new Map();
  }

  /** Counts per database name since the last {@link reset}. */
  byDatabase(): Record<string, IdbWriteCount> {
    return Object.fromEntries([...this.counts].map(([name, count]) => [name, { ...count, calls: { ...count.calls } }]));
  }

  /** Totals over the databases `include` accepts (default: all). */
  total(include: (dbName: string) => boolean = () => true): { writes: number; readwriteTransactions: number } {
    let writes = 0;
    let readwriteTransactions = 0;
    for (const [name, count] of this.counts) {
      if (!include(name)) continue;
      writes += count.writes;
      readwriteTransactions += count.readwriteTransactions;
    }
    return { writes, readwriteTransactions };
  }

  /** Resolves once no transaction has been running for `quietMs` (rejects after `timeoutMs`). */
  async quiet(quietMs = 150, timeoutMs = 30_000): Promise<void> {
    const started = performance.now();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (this.active === 0 && performance.now() - this.lastActivity >= quietMs) return;
      if (performance.now() - started > timeoutMs) throw new Error(`IndexedDB did not come to rest (${this.active} transactions running)`);
    }
  }

  dispose(): void {
    for (const undo of this.restore.splice(0).reverse()) undo();
  }

  protected entry(dbName: string): IdbWriteCount {
    let count = this.counts.get(dbName);
    if (!count) this.counts.set(dbName, (count = { writes: 0, readwriteTransactions: 0, calls: {} }));
    return count;
  }

  protected wrap<T extends object>(proto: T, method: string, describe: (target: T) => { db: string; call: string }): void {
    const target = proto as unknown as Record<string, Method>;
    const original = target[method]!;
    const record = (self: unknown) => {
      try {
        const { db, call } = describe(self as T);
        const count = this.entry(db);
        count.writes++;
        count.calls[call] = (count.calls[call] ?? 0) + 1;
      } catch {
        // A detached cursor or store: the write itself went through, its database is unknown.
        this.entry('?').writes++;
      }
    };
    target[method] = function (this: unknown, ...args: unknown[]): unknown {
      // Counted after the call: one the browser refuses (a finished transaction) throws and writes nothing.
      const result = original.apply(this, args);
      record(this);
      return result;
    };
    this.restore.push(() => (target[method] = original));
  }
}
