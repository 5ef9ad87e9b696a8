import type { Clock } from '../../src/host/clock.js';
import { writeDemoData } from './demo-seed.js';
import { ShellCustomerService } from './shell-customer-service.js';
import { openShellDatabase, writeTransaction, type ShellDatabase } from './shell-database.js';
import { ShellPaymentService } from './shell-payment-service.js';
import { ShellProductService } from './shell-product-service.js';
import { ShellTransactionService } from './shell-transaction-service.js';

export { demoProducts, demoCustomers, DEMO_DUPLICATES } from './demo-seed.js';
export { toGtin14 } from './gtin.js';
export { amountDue } from './amount-due.js';
export { ShellCustomerService } from './shell-customer-service.js';
export { ShellProductService } from './shell-product-service.js';
export type { ProductDraft } from '../../src/host/products.js';
export { ShellTransactionService, type FinalizePrompt } from './shell-transaction-service.js';
export { ShellPaymentService } from './shell-payment-service.js';

export interface ShellDataOptions {
  readonly dbName: string;
  readonly clock: Clock;
  /** Seed demo data when the DB is empty; default true. */
  readonly seed?: boolean;
}

/** The shell's own data: customers, products with stock, transactions and payments. */
export interface ShellData {
  readonly customers: ShellCustomerService;
  readonly products: ShellProductService;
  readonly transactions: ShellTransactionService;
  readonly payments: ShellPaymentService;
  /** Wipes everything and seeds the demo data again. */
  reset(): Promise<void>;
  close(): void;
}

const ALL_STORES: ('products' | 'customers' | 'counters' | 'transactions')[] = ['products', 'customers', 'counters', 'transactions'];

export async function openShellData(options: ShellDataOptions): Promise<ShellData> {
  const db = await openShellDatabase(options.dbName);
  if (options.seed ?? true) await seedWhenEmpty(db);
  const customers = new ShellCustomerService(db);
  const products = new ShellProductService(db);
  const transactions = new ShellTransactionService(db, options.clock);
  const payments = new ShellPaymentService(transactions, options.clock);
  return {
    customers,
    products,
    transactions,
    payments,
    reset: () =>
      writeTransaction(db, ALL_STORES, async (tx) => {
        await Promise.all(ALL_STORES.map((name) => tx.objectStore(name).clear()));
        await writeDemoData(tx);
      }),
    close: () => {
      transactions.dispose();
      db.close();
    },
  };
}

async function seedWhenEmpty(db: ShellDatabase): Promise<void> {
  // Checked inside the writing transaction, so two tabs opening at once seed only once.
  await writeTransaction(db, ALL_STORES, async (tx) => {
    const counts = await Promise.all(ALL_STORES.map((name) => tx.objectStore(name).count()));
    if (counts.every((count) => count === 0)) await writeDemoData(tx);
  });
}
