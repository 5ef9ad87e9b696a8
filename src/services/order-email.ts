import { msg, str } from '@lit/localize';
import type { MailMessage } from '../host/index.js';
import { orderStatusLabel, orderTypeLabel } from './lifecycle/order-status-labels.js';
import { formatLocale } from '../localization/format-locale.js';
import { formatEuro } from './money.js';
import type { StoredOrder } from './store/order-model.js';

/** A message to the order's customer with the order's details, for staff to read before it goes. */
export function orderEmail(order: StoredOrder, shopName: string, locale = formatLocale()): MailMessage | undefined {
  const provider = order.order;
  if (!provider?.customer.email) return undefined;
  const lines = provider.lines.map((line) => `- ${line.quantity} × ${line.description}: ${formatEuro(line.unitPriceCents * line.quantity, locale)}`);
  const body = [
    msg(str`Beste ${provider.customer.firstName} ${provider.customer.lastName},`),
    '',
    msg(str`Over uw bestelling ${order.orderId} (${orderTypeLabel(order.type)}), status: ${orderStatusLabel(order.status)}.`),
    '',
    ...lines,
    msg(str`Totaal: ${formatEuro(provider.totals.totalCents, locale)}`),
    '',
    msg('Met vriendelijke groet,'),
    shopName,
  ].join('\n');
  return { to: provider.customer.email, subject: msg(str`Uw bestelling ${order.orderId} bij ${shopName}`), body };
}
