import { expect } from '@open-wc/testing';
import { ORDER_DB_VERSION } from '../../../src/services/store/order-db-schema.js';
import { OrderStore } from '../../../src/services/store/order-store.js';
import { cleanUp, rawOpen, uniqueDbName } from './order-store-fixtures.js';

describe('order database schema', () => {
  let dbName: string;
  let store: OrderStore;

  beforeEach(() => {
    dbName = uniqueDbName();
    store = new OrderStore({ dbName });
  });

  afterEach(() => cleanUp(dbName, store));

  it('creates every store and index when upgrading from an empty database', async () => {
    expect(await store.getAllOrders()).to.deep.equal([]);
    store.close();

    const { db } = await rawOpen(dbName);
    try {
      expect(db.version).to.equal(ORDER_DB_VERSION);
      expect(ORDER_DB_VERSION).to.equal(2);
      expect([...db.objectStoreNames].sort()).to.deep.equal(
        ['customerLinks', 'history', 'orders', 'outbox', 'preferences', 'productLinks', 'quarantine', 'syncState'].sort(),
      );
      const tx = db.transaction([...db.objectStoreNames], 'readonly');
      const describe = (name: string) => {
        const s = tx.objectStore(name);
        const indexes = Object.fromEntries(
          [...s.indexNames].map((index) => [index, s.index(index).keyPath]),
        );
        return { keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes };
      };
      expect(describe('orders')).to.deep.equal({
        keyPath: ['source', 'orderId'],
        autoIncrement: false,
        indexes: { 'by-placed': 'placedAt', 'by-status': 'status' },
      });
      expect(describe('history')).to.deep.equal({
        keyPath: 'id',
        autoIncrement: true,
        indexes: { 'by-order': ['source', 'orderId'] },
      });
      expect(describe('outbox')).to.deep.equal({
        keyPath: 'id',
        autoIncrement: true,
        indexes: { 'by-next-attempt': 'nextAttemptAt', 'by-order': ['source', 'orderId'] },
      });
      expect(describe('customerLinks')).to.deep.equal({
        keyPath: ['source', 'providerCustomerId'],
        autoIncrement: false,
        indexes: {},
      });
      expect(describe('productLinks')).to.deep.equal({
        keyPath: ['source', 'lineIdentifier'],
        autoIncrement: false,
        indexes: {},
      });
      expect(describe('syncState')).to.deep.equal({ keyPath: 'source', autoIncrement: false, indexes: {} });
      expect(describe('preferences')).to.deep.equal({ keyPath: 'key', autoIncrement: false, indexes: {} });
      expect(describe('quarantine')).to.deep.equal({ keyPath: 'id', autoIncrement: true, indexes: {} });
    } finally {
      db.close();
    }
  });

  it('upgrades a version 1 database in place, keeping its orders', async () => {
    store.close();
    // A till that ran the first release: version 1, one order stored.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        const orders = db.createObjectStore('orders', { keyPath: ['source', 'orderId'] });
        orders.createIndex('by-status', 'status');
        orders.createIndex('by-placed', 'placedAt');
        orders.put({ source: 'locally', orderId: 'OLD1', status: 'new', placedAt: 1 });
        db.createObjectStore('history', { keyPath: 'id', autoIncrement: true }).createIndex('by-order', ['source', 'orderId']);
        const outbox = db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
        outbox.createIndex('by-order', ['source', 'orderId']);
        outbox.createIndex('by-next-attempt', 'nextAttemptAt');
        db.createObjectStore('customerLinks', { keyPath: ['source', 'providerCustomerId'] });
        db.createObjectStore('productLinks', { keyPath: ['source', 'lineIdentifier'] });
        db.createObjectStore('syncState', { keyPath: 'source' });
        db.createObjectStore('preferences', { keyPath: 'key' });
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const upgraded = new OrderStore({ dbName });
    try {
      expect((await upgraded.getOrder('locally', 'OLD1'))?.status).to.equal('new');
      expect(await upgraded.getQuarantined()).to.deep.equal([]);
    } finally {
      upgraded.close();
    }
  });

  it('opens a database created earlier without changing it', async () => {
    await store.setPreference('pollMinutes', 5);
    store.close();
    const again = new OrderStore({ dbName });
    try {
      expect(await again.getPreference<number>('pollMinutes')).to.equal(5);
    } finally {
      again.close();
    }
  });
});
