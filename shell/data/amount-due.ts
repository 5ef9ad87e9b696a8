import type { Transaction } from '../../src/host/transactions.js';

/** What is still to be paid: total minus payments, never below 0. */
export function amountDue(transaction: Pick<Transaction, 'totalCents' | 'payments'>): number {
  const paid = transaction.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
  return Math.max(0, transaction.totalCents - paid);
}

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** "€ 12,34", for messages staff read. */
export function formatCents(cents: number): string {
  return euro.format(cents / 100);
}
