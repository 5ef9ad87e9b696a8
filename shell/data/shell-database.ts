import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Customer } from '../../src/host/customers.js';
import type { Product } from '../../src/host/products.js';
import type { Transaction } from '../../src/host/transactions.js';
import { commitOrAbort } from '../../src/common/write-transaction.js';
import { toGtin14 } from './gtin.js';

/** A product with the normalized keys its indexes use. */
export type StoredProduct = Product & {
  readonly gtin14?: string;
  readonly vendorPartNumberKey?: string;
};

/** A customer with the normalized keys its indexes use. */
export type StoredCustomer = Customer & {
  readonly emailKey?: string;
  readonly postcodeKey?: string;
  readonly phoneKey?: string;
};

/** A transaction with what the shell keeps to itself. */
export type StoredTransaction = Transaction & {
  /** The lines as first created, so a repeated create is compared with the draft, not later edits. */
  readonly draftKey?: string;
  /** Numbers the ids of lines and payments. */
  readonly seq: number;
};

export interface ShellSchema extends DBSchema {
  products: {
    key: string;
    value: StoredProduct;
    indexes: { byGtin14: string; byVendorPartNumber: string };
  };
  customers: {
    key: string;
    value: StoredCustomer;
    indexes: { byEmail: string; byPostcode: string; byPhone: string };
  };
  transactions: {
    key: string;
    value: StoredTransaction;
    indexes: { byExternalRef: string; byBarcode: string; byCreatedAt: number };
  };
  /** Sequence numbers by name ("product", "customer", "transaction"). */
  counters: { key: string; value: number };
}

export type ShellDatabase = IDBPDatabase<ShellSchema>;
export type ShellStoreName = StoreNames<ShellSchema>;
export type ShellWriteTransaction<S extends ShellStoreName[]> = IDBPTransaction<ShellSchema, S, 'readwrite'>;

export const SHELL_DB_VERSION = 1;

/** One `if (oldVersion < n)` step per version; the bench builds its raw floor with the same steps. */
export function upgradeShellDb(db: IDBPDatabase<ShellSchema>, oldVersion: number): void {
  if (oldVersion < 1) {
    const products = db.createObjectStore('products', { keyPath: 'id' });
    products.createIndex('byGtin14', 'gtin14');
    products.createIndex('byVendorPartNumber', 'vendorPartNumberKey');
    const customers = db.createObjectStore('customers', { keyPath: 'id' });
    customers.createIndex('byEmail', 'emailKey');
    customers.createIndex('byPostcode', 'postcodeKey');
    customers.createIndex('byPhone', 'phoneKey');
    const transactions = db.createObjectStore('transactions', { keyPath: 'id' });
    transactions.createIndex('byExternalRef', 'externalRef', { unique: true });
    transactions.createIndex('byBarcode', 'barcode', { unique: true });
    transactions.createIndex('byCreatedAt', 'createdAt');
    db.createObjectStore('counters');
  }
}

export function openShellDatabase(name: string): Promise<ShellDatabase> {
  return openDB<ShellSchema>(name, SHELL_DB_VERSION, {
    upgrade: upgradeShellDb,
    blocking(_currentVersion, _blockedVersion, event) {
      // Another tab upgrades or deletes the database: let it, rather than hang it.
      (event.target as IDBDatabase).close();
    },
  });
}

/**
 * Runs `work` in one strict-durability readwrite transaction. `work` may await only requests of
 * that transaction (anything else lets it commit early). When `work` throws, nothing is written.
 */
export async function writeTransaction<S extends ShellStoreName[], R>(
  db: ShellDatabase,
  stores: S,
  work: (tx: ShellWriteTransaction<S>) => Promise<R>,
): Promise<R> {
  const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
  return commitOrAbort(tx, () => work(tx));
}

/** Takes the next number of a named sequence inside a transaction that holds "counters". */
export async function nextCounter(
  tx: IDBPTransaction<ShellSchema, ShellStoreName[], 'readwrite'>,
  name: string,
): Promise<number> {
  const counters = tx.objectStore('counters');
  const next = ((await counters.get(name)) ?? 0) + 1;
  await counters.put(next, name);
  return next;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normalizePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}

/** Digits only, with a Dutch country code written as the trunk 0, so "+31 6 1234 5678" finds "06-12345678". */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0031')) return '0' + digits.slice(4);
  if (phone.trim().startsWith('+31')) return '0' + digits.slice(2);
  return digits;
}

export function normalizeVendorPartNumber(partNumber: string): string {
  return partNumber.trim().toLowerCase();
}

/** Lower case without diacritics, so "muller" finds "Müller". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export function toStoredProduct(product: Product): StoredProduct {
  const gtin14 = product.ean === undefined ? undefined : toGtin14(product.ean);
  const vendorPartNumberKey =
    product.vendorPartNumber === undefined ? undefined : normalizeVendorPartNumber(product.vendorPartNumber);
  return {
    ...stripUndefined(product),
    ...(gtin14 === undefined ? {} : { gtin14 }),
    ...(vendorPartNumberKey ? { vendorPartNumberKey } : {}),
  };
}

export function fromStoredProduct(stored: StoredProduct): Product {
  const { gtin14: _gtin14, vendorPartNumberKey: _vpn, ...product } = stored;
  return product;
}

export function toStoredCustomer(customer: Customer): StoredCustomer {
  const emailKey = customer.email === undefined ? '' : normalizeEmail(customer.email);
  const postcodeKey = customer.address === undefined ? '' : normalizePostcode(customer.address.postcode);
  const phoneKey = customer.phone === undefined ? '' : normalizePhone(customer.phone);
  return {
    ...stripUndefined(customer),
    ...(emailKey ? { emailKey } : {}),
    ...(postcodeKey ? { postcodeKey } : {}),
    ...(phoneKey ? { phoneKey } : {}),
  };
}

export function fromStoredCustomer(stored: StoredCustomer): Customer {
  const { emailKey: _e, postcodeKey: _p, phoneKey: _ph, ...customer } = stored;
  return customer;
}

export function fromStoredTransaction(stored: StoredTransaction): Transaction {
  const { draftKey: _d, seq: _s, ...transaction } = stored;
  return transaction;
}

/** A page of a store in key order. */
export async function readPage<S extends 'customers' | 'products', T>(
  db: ShellDatabase,
  store: S,
  offset: number,
  limit: number,
  map: (stored: ShellSchema[S]['value']) => T,
): Promise<T[]> {
  const result: T[] = [];
  if (limit <= 0) return result;
  let cursor = await db.transaction(store).store.openCursor();
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  while (cursor && result.length < limit) {
    result.push(map(cursor.value));
    cursor = await cursor.continue();
  }
  return result;
}

/** Drops properties whose value is undefined, so records and deep comparisons stay clean. */
export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
