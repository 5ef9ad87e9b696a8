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

/** "12,50": an amount for staff to edit, without the euro sign. */
export function formatAmountInput(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',');
}

/**
 * Euro cents from what staff typed: "12,50", "€ 12,5", "1.234,50", "12.50" or "12"; undefined when it
 * is no amount or below zero. The same rule as the plugin's payment dialog, which the shell may not import.
 */
export function parseEuroAmount(text: string): number | undefined {
  let cleaned = text.replace(/[€\s]/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(cleaned)) cleaned = cleaned.replace(/\./g, '');
  cleaned = cleaned.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}
