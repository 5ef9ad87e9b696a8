import { msg } from '@lit/localize';
import { orderStatusLabel, orderTypeLabel, outboxStateLabel } from '../lifecycle/order-status-labels.js';
import { formatEuro } from '../money.js';
import type { Address, StoredOrder } from '../store/order-model.js';
import type { OrderColumn } from './order-column.js';

export type { ColumnContext, ColumnTitle, OrderColumn, OrderDeadline } from './order-column.js';

/** The status column renders a select per row; it is listed here so it can be sorted and placed like the others. */
export const STATUS_COLUMN_ID = 'status';

/** The screen's columns (DESIGN §8), in their default order. */
export function builtInOrderColumns(): readonly OrderColumn[] {
  return [
    { id: 'orderId', title: () => msg('eCommerce order-ID'), value: (o) => o.orderId },
    {
      id: 'placedAt',
      title: () => msg('Geplaatst'),
      value: (o, c) => dateTimeFormat(c.locale).format(o.placedAt),
      sortKey: (o) => o.placedAt,
    },
    { id: 'type', title: () => msg('Type'), value: (o) => orderTypeLabel(o.type) },
    { id: 'customer', title: () => msg('Klant'), value: (o) => (o.order ? `${o.order.customer.firstName} ${o.order.customer.lastName}` : '') },
    { id: 'email', title: () => msg('E-mail'), value: (o) => o.order?.customer.email ?? '' },
    {
      id: 'amount',
      title: () => msg('Bedrag'),
      value: (o, c) => (o.order ? formatEuro(o.order.totals.totalCents, c.locale) : ''),
      sortKey: (o) => o.order?.totals.totalCents ?? -1,
      align: 'end',
    },
    { id: 'barcode', title: () => msg('Ascend Barcode'), value: (o) => o.barcode ?? '' },
    { id: STATUS_COLUMN_ID, title: () => msg('Status'), value: (o) => orderStatusLabel(o.status) },
    {
      id: 'deadline',
      title: () => msg('Accepteren vóór'),
      value: (o, c) => c.deadline(o)?.text ?? '',
      // Waiting orders by urgency; the others after them.
      sortKey: (o, c) => c.deadline(o)?.at ?? Number.MAX_SAFE_INTEGER,
    },
    {
      id: 'shippingAddress',
      title: () => msg('Verzendadres'),
      // Said in words too, not only by the row's colour.
      value: (o) => (o.order ? formatAddress(o.order.customer.shippingAddress) + (shipsElsewhere(o) ? ` (${msg('wijkt af van factuuradres')})` : '') : ''),
    },
    { id: 'shippingMethod', title: () => msg('Verzendmethode'), value: () => msg('Afhalen in de winkel'), hiddenByDefault: true },
    {
      id: 'lines',
      title: () => msg('Artikelen'),
      value: (o) => (o.order?.lines ?? []).map((line) => `${line.quantity} × ${line.description}`).join('; '),
      hiddenByDefault: true,
    },
    { id: 'outbox', title: () => msg('Bericht aan Locally'), value: (o, c) => c.outbox(o).map(outboxStateLabel).join('; ') },
    { id: 'notes', title: () => msg('Toelichting'), value: (o) => [...(o.problems ?? []), ...(o.warnings ?? [])].join(' · ') },
  ];
}

export function formatAddress(address: Address): string {
  return `${address.street}, ${address.postcode} ${address.city}`;
}

/** Whether the order is to be shipped elsewhere than billed: the row is highlighted so staff check it. */
export function shipsElsewhere(order: StoredOrder): boolean {
  const customer = order.order?.customer;
  if (!customer) return false;
  const key = (a: Address) => [a.street, a.postcode.replace(/\s/g, ''), a.city, a.country].map((part) => part.trim().toLowerCase()).join('|');
  return key(customer.shippingAddress) !== key(customer.billingAddress);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** One short date-time formatter per locale: creating one per cell would cost more than the rest of the row. */
export function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return format;
}
