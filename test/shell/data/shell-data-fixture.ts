import type { CustomerDraft } from '../../../src/host/customers.js';
import type { Product } from '../../../src/host/products.js';
import type { TransactionDraft } from '../../../src/host/transactions.js';
import { openShellData, type ProductDraft, type ShellData } from '../../../shell/data/index.js';
import { FakeClock } from './fake-clock.js';

export interface TestData {
  readonly data: ShellData;
  readonly clock: FakeClock;
  readonly dbName: string;
  /** Closes and deletes the database. */
  dispose(): Promise<void>;
}

/** Opens a database of its own, empty or with the full demo seed. */
export async function openTestData(seed = false): Promise<TestData> {
  const dbName = `shell-data-test-${crypto.randomUUID()}`;
  const clock = new FakeClock();
  const data = await openShellData({ dbName, clock, seed });
  return {
    data,
    clock,
    dbName,
    dispose: async () => {
      data.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    },
  };
}

export function productDraft(overrides: Partial<ProductDraft> = {}): ProductDraft {
  return {
    description: 'Schwalbe Marathon Plus buitenband 28 x 1.75',
    brand: 'Schwalbe',
    ean: '4026495366892',
    vendorPartNumber: 'SW-BU-MARP-47622',
    priceCents: 4995,
    vatRate: 21,
    stock: 5,
    ...overrides,
  };
}

export function customerDraft(overrides: Partial<CustomerDraft> = {}): CustomerDraft {
  return {
    firstName: 'Sanne',
    lastName: 'de Vries',
    email: 'sanne.devries@gmail.com',
    phone: '06-12345678',
    address: { street: 'Oude Gracht 12', postcode: '3511 AB', city: 'Utrecht', country: 'NL' },
    includeInCommunication: false,
    ...overrides,
  };
}

/** A draft for an order with one line per product, at prices other than the catalogue's. */
export function orderDraft(externalRef: string, lines: readonly [Product, number][], customerId?: string): TransactionDraft {
  return {
    externalRef,
    ...(customerId ? { customerId } : {}),
    lines: lines.map(([product, quantity]) => ({
      productId: product.id,
      description: product.description,
      quantity,
      unitPriceCents: product.priceCents - 100,
      vatRate: product.vatRate,
    })),
  };
}

/** Awaits a promise that must reject, and returns its error. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected a rejection');
}
