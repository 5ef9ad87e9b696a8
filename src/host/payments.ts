import type { Transaction } from './transactions.js';

/** One payment on a transaction. */
export interface Payment {
  readonly id: string;
  /** The payment method's id: the shell's own ("cash", "card") or a plugin command id. */
  readonly method: string;
  /** The method's caption as shown on the transaction, e.g. "eCommerce". */
  readonly label: string;
  /** E.g. "Stripe" for an eCommerce payment. */
  readonly cardType?: string;
  /** In euro cents; 0 is allowed (a cancelled order's €0,00 payment). */
  readonly amountCents: number;
  /** Free text, e.g. the approval number. */
  readonly note?: string;
  /** Epoch milliseconds from the host clock. */
  readonly time: number;
}

export type PaymentDraft = Omit<Payment, 'id' | 'time'>;

/** Payments on open transactions. */
export interface PaymentService {
  /** What is still to be paid, in euro cents (total minus payments; never below 0). */
  getAmountDue(transactionId: string): Promise<number>;
  /** Records a payment; rejects on a negative amount, one above what is due, or a finalized transaction. */
  record(transactionId: string, payment: PaymentDraft): Promise<Transaction>;
  /** Removes a payment from an open transaction. */
  remove(transactionId: string, paymentId: string): Promise<Transaction>;
}
