import { msg, str } from '@lit/localize';
import type { Customer } from '../../src/host/customers.js';
import type { Transaction } from '../../src/host/transactions.js';
import type { ShellLocale } from '../host/shell-locale.js';

/** The shell's own transaction receipt, built with DOM APIs (never parsed from text). */
export function createTransactionReceipt(
  transaction: Transaction,
  locale: ShellLocale,
  options: { customer?: Customer; now: number },
): HTMLElement {
  const root = document.createElement('div');
  const line = (text: string, tag: keyof HTMLElementTagNameMap = 'p') => {
    const element = document.createElement(tag);
    element.textContent = text;
    element.style.margin = '0 0 2px';
    root.append(element);
    return element;
  };
  line(msg('Fietsenwinkel De Ketting'), 'h3').style.textAlign = 'center';
  line(new Intl.DateTimeFormat(locale.locale, { dateStyle: 'short', timeStyle: 'short' }).format(options.now));
  line(msg(str`Transactie ${transaction.barcode}`));
  if (transaction.externalRef) line(msg(str`Bestelling ${transaction.externalRef}`));
  if (options.customer) line(msg(str`Klant: ${options.customer.firstName} ${options.customer.lastName}`));
  line('—'.repeat(24));
  for (const l of transaction.lines)
    line(`${l.quantity} × ${l.description}  ${locale.money(l.quantity * l.unitPriceCents)}`);
  line('—'.repeat(24));
  const paid = transaction.payments.reduce((sum, p) => sum + p.amountCents, 0);
  line(msg(str`Totaal ${locale.money(transaction.totalCents)}`)).style.fontWeight = '700';
  for (const p of transaction.payments)
    line(`${p.label}${p.cardType ? ` (${p.cardType})` : ''}  ${locale.money(p.amountCents)}`);
  line(msg(str`Betaald ${locale.money(paid)}`));
  line(msg(str`Te betalen ${locale.money(Math.max(0, transaction.totalCents - paid))}`));
  if (transaction.notes) line(transaction.notes);
  line(transaction.state === 'finalized' ? msg('Afgerond') : msg('Open transactie'));
  return root;
}
