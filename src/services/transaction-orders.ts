import { inject, injectable } from 'inversify';
import type { Transaction } from '../host/index.js';
import type { StoredOrder } from './store/order-model.js';
import { OrderStore } from './store/order-store.js';

/** Splits an external reference `<source>:<orderId>`; undefined for one that is not of that shape. */
export function parseExternalRef(ref: string | undefined): { source: string; orderId: string } | undefined {
  const at = ref?.indexOf(':') ?? -1;
  if (!ref || at <= 0 || at === ref.length - 1) return undefined;
  return { source: ref.slice(0, at), orderId: ref.slice(at + 1) };
}

/** Finds the stored order behind a host transaction, for the transaction window's buttons. */
@injectable()
export class TransactionOrders {
  constructor(@inject(OrderStore) protected readonly store: OrderStore) {}

  async orderOf(transaction: Transaction | undefined): Promise<StoredOrder | undefined> {
    const ref = parseExternalRef(transaction?.externalRef);
    return ref ? this.store.getOrder(ref.source, ref.orderId) : undefined;
  }
}
