import { msg, str } from '@lit/localize';
import type { Clock } from '../../src/host/clock.js';
import type { PaymentDraft, PaymentService, Payment } from '../../src/host/payments.js';
import type { Transaction } from '../../src/host/transactions.js';
import { amountDue, formatCents } from './amount-due.js';
import type { ShellTransactionService } from './shell-transaction-service.js';

/** Payments on the shell's open transactions. */
export class ShellPaymentService implements PaymentService {
  constructor(
    protected readonly transactions: ShellTransactionService,
    protected readonly clock: Clock,
  ) {}

  async getAmountDue(transactionId: string): Promise<number> {
    const transaction = await this.transactions.get(transactionId);
    if (!transaction) throw new Error(msg(str`Transactie niet gevonden: ${transactionId}`));
    return amountDue(transaction);
  }

  record(transactionId: string, draft: PaymentDraft): Promise<Transaction> {
    const amount = draft.amountCents;
    if (!Number.isInteger(amount)) return Promise.reject(new Error(msg('Bedrag moet een heel aantal centen zijn')));
    if (amount < 0) return Promise.reject(new Error(msg('Bedrag mag niet negatief zijn')));
    return this.transactions.change(transactionId, (stored) => {
      // Checked inside the write, so two tabs' payments cannot both pass.
      const due = amountDue(stored);
      if (amount > due) throw new Error(msg(str`Bedrag ${formatCents(amount)} is hoger dan het openstaande bedrag ${formatCents(due)}`));
      const seq = stored.seq + 1;
      const payment: Payment = {
        ...Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined)),
        method: draft.method,
        label: draft.label,
        amountCents: amount,
        id: `${stored.id}-B${seq}`,
        time: this.clock.now(),
      };
      return Promise.resolve({ ...stored, seq, payments: [...stored.payments, payment] });
    });
  }

  remove(transactionId: string, paymentId: string): Promise<Transaction> {
    return this.transactions.change(transactionId, (stored) => {
      if (!stored.payments.some((payment) => payment.id === paymentId)) {
        throw new Error(msg(str`Betaling niet gevonden: ${paymentId}`));
      }
      return Promise.resolve({ ...stored, payments: stored.payments.filter((payment) => payment.id !== paymentId) });
    });
  }
}
