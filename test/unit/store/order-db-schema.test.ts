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
      expect(ORDER_DB_VERSION).to.equal(1);
      expect([...db.objectStoreNames].sort()).to.deep.equal(
        ['customerLinks', 'history', 'orders', 'outbox', 'preferences', 'productLinks', 'syncState'].sort(),
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
    } finally {
      db.close();
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
