import { deleteDB } from 'idb';
import { firstValueFrom, filter, timeout, type Observable } from 'rxjs';
import type { ProviderOrder, StoredOrder } from '../../../src/services/store/order-model.js';
import type { OrderStore } from '../../../src/services/store/order-store.js';

/** Every test gets its own database: web-test-runner keeps IndexedDB between files of a run. */
export function uniqueDbName(): string {
  return `order-store-test-${crypto.randomUUID()}`;
}

/** Closes the stores and removes their database, without hanging a test on a leaked connection. */
export async function cleanUp(dbName: string, ...stores: OrderStore[]): Promise<void> {
  for (const store of stores) store.close();
  await Promise.race([deleteDB(dbName), delay(2000)]);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function providerOrder(id: string, placedAt: number, overrides: Partial<ProviderOrder> = {}): ProviderOrder {
  const address = { street: 'Hoofdstraat 1', postcode: '1234 AB', city: 'Utrecht', country: 'NL' };
  return {
    id,
    placedAt,
    type: 'buy',
    customer: {
      providerCustomerId: `C-${id}`,
      firstName: 'Anna',
      lastName: 'de Vries',
      email: 'anna@example.nl',
      billingAddress: address,
      shippingAddress: address,
      emailOptIn: true,
    },
    lines: [
      {
        lineId: `${id}-1`,
        gtin: '08712345678906',
        description: 'Fietsbel',
        quantity: 1,
        unitPriceCents: 1299,
        vatRate: 21,
      },
    ],
    totals: { totalCents: 1299 },
    payment: { provider: 'stripe', amountCents: 1299, last4: '4242', authorizationId: `pi_${id}` },
    status: 'open',
    ...overrides,
  };
}

export function storedOrder(orderId: string, placedAt: number, overrides: Partial<StoredOrder> = {}): StoredOrder {
  return {
    source: 'locally',
    orderId,
    status: 'new',
    placedAt,
    type: 'buy',
    order: providerOrder(orderId, placedAt),
    keptOpen: true,
    updatedAt: placedAt,
    revision: 0,
    ...overrides,
  };
}

/** The first value of `source$` that passes `predicate`, or a rejection after `ms`. */
export function nextMatching<T>(source$: Observable<T>, predicate: (value: T) => boolean, ms = 3000): Promise<T> {
  return firstValueFrom(source$.pipe(filter(predicate), timeout({ first: ms })));
}

/** Resolves with the open request's outcome; rejects on error, `blocked` is recorded, not fatal. */
export function rawOpen(
  name: string,
  version?: number,
  onUpgrade?: (db: IDBDatabase) => void,
): Promise<{ db: IDBDatabase; blocked: boolean }> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    let blocked = false;
    request.onblocked = () => {
      blocked = true;
    };
    request.onupgradeneeded = () => onUpgrade?.(request.result);
    request.onsuccess = () => resolve({ db: request.result, blocked });
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}
