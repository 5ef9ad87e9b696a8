import type { ProviderOrder, ReceivedOrder } from '../../../src/api.js';

/** The provider statuses the plugin knows (not exported by name from the API). */
type ProviderOrderStatus = NonNullable<ProviderOrder['status']>;

/**
 * An order as the made-up web shop "De Fietsbel webwinkel" sends it (its own format, not Locally's):
 * the source maps it to the plugin's `ProviderOrder`. Amounts in euro cents, times as ISO 8601.
 */
export interface WebshopOrder {
  readonly number: string;
  readonly placed: string;
  readonly changed: string;
  /** `pickup-paid`: paid online, collected in the shop; `pickup-pay-in-store`: reserved, paid at the counter. */
  readonly fulfilment: 'pickup-paid' | 'pickup-pay-in-store';
  readonly state: WebshopOrderState;
  readonly customer: {
    readonly id: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly email: string;
    readonly phone?: string;
    readonly newsletter: boolean;
    readonly address: WebshopAddress;
    readonly deliveryAddress?: WebshopAddress;
  };
  readonly note?: string;
  readonly items: readonly WebshopItem[];
  readonly totalCents: number;
  readonly payment?: { readonly method: 'stripe'; readonly amountCents: number; readonly cardLast4: string; readonly reference: string };
}

export type WebshopOrderState = 'open' | 'accepted' | 'declined' | 'ready' | 'collected' | 'cancelled';

export interface WebshopAddress {
  readonly street: string;
  readonly postcode: string;
  readonly city: string;
  readonly country: string;
}

export interface WebshopItem {
  readonly id: string;
  /** EAN-13 or UPC-A. */
  readonly ean?: string;
  /** The manufacturer's part number. */
  readonly mpn?: string;
  /** The shop's own article number (the till's vendor part number). */
  readonly sku?: string;
  readonly name: string;
  readonly qty: number;
  readonly priceCents: number;
  readonly vatPercent: number;
}

/** One page of `GET /orders?since=<cursor>`. */
export interface WebshopChangesPage {
  readonly orders: readonly unknown[];
  readonly next: string;
  readonly more: boolean;
}

const STATES: Readonly<Record<WebshopOrderState, ProviderOrderStatus>> = {
  open: 'open',
  accepted: 'accepted',
  declined: 'declined',
  ready: 'ready-for-pickup',
  collected: 'picked-up',
  cancelled: 'cancelled-by-customer',
};

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks one order as received, field by field. A valid one is mapped to the plugin's order; an
 * invalid one keeps its raw payload and one readable reason per problem (the plugin stores it as
 * "Verwerking van verkoop mislukt"), with its order number when that much is readable.
 */
export function readWebshopOrder(raw: unknown): ReceivedOrder {
  const problems: string[] = [];
  const check = <T>(ok: boolean, value: unknown, path: string, expected: string): T | undefined => {
    if (ok) return value as T;
    problems.push(`${path}: ${expected} verwacht`);
    return undefined;
  };
  const text = (o: Json, key: string, path: string, optional = false): string | undefined => {
    const value = o[key];
    if (optional && value === undefined) return undefined;
    return check<string>(typeof value === 'string' && value.trim() !== '', value, `${path}${key}`, 'tekst');
  };
  const cents = (o: Json, key: string, path: string): number | undefined =>
    check<number>(Number.isInteger(o[key]) && (o[key] as number) >= 0, o[key], `${path}${key}`, 'een bedrag in centen');
  const time = (o: Json, key: string): number | undefined => {
    const value = o[key];
    const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    return check<number>(!Number.isNaN(at), at, key, 'een tijdstip (ISO 8601)');
  };
  const address = (value: unknown, path: string): WebshopAddress | undefined => {
    if (!check(isRecord(value), value, path, 'een adres')) return undefined;
    const o = value as Json;
    const parts = ['street', 'postcode', 'city', 'country'].map((key) => text(o, key, `${path}.`));
    return parts.every((part) => part !== undefined) ? (value as WebshopAddress) : undefined;
  };

  if (!isRecord(raw)) return { kind: 'invalid', raw, problems: ['de bestelling is geen object'] };
  const number = text(raw, 'number', '');
  const placedAt = time(raw, 'placed');
  const updatedAt = time(raw, 'changed');
  const fulfilment = check<WebshopOrder['fulfilment']>(
    raw.fulfilment === 'pickup-paid' || raw.fulfilment === 'pickup-pay-in-store',
    raw.fulfilment,
    'fulfilment',
    '"pickup-paid" of "pickup-pay-in-store"',
  );
  check<WebshopOrderState>(typeof raw.state === 'string' && raw.state in STATES, raw.state, 'state', 'een bekende status');
  const customer = check<Json>(isRecord(raw.customer), raw.customer, 'customer', 'een klant');
  if (customer) {
    for (const key of ['id', 'firstName', 'lastName', 'email']) text(customer, key, 'customer.');
    text(customer, 'phone', 'customer.', true);
    check(typeof customer.newsletter === 'boolean', customer.newsletter, 'customer.newsletter', 'ja of nee');
    address(customer.address, 'customer.address');
    if (customer.deliveryAddress !== undefined) address(customer.deliveryAddress, 'customer.deliveryAddress');
  }
  if (raw.note !== undefined) check(typeof raw.note === 'string', raw.note, 'note', 'tekst');
  const items = check<unknown[]>(Array.isArray(raw.items) && raw.items.length > 0, raw.items, 'items', 'minstens één artikel');
  items?.forEach((item, i) => {
    const path = `items.${i}.`;
    if (!check(isRecord(item), item, `items.${i}`, 'een artikel')) return;
    const o = item as Json;
    text(o, 'id', path);
    text(o, 'name', path);
    for (const key of ['ean', 'mpn', 'sku']) text(o, key, path, true);
    if (o.ean !== undefined) check(typeof o.ean === 'string' && /^\d{8,14}$/.test(o.ean), o.ean, `${path}ean`, '8 tot 14 cijfers');
    check(Number.isInteger(o.qty) && (o.qty as number) > 0, o.qty, `${path}qty`, 'een aantal van minstens 1');
    cents(o, 'priceCents', path);
    check(typeof o.vatPercent === 'number' && o.vatPercent >= 0 && o.vatPercent <= 100, o.vatPercent, `${path}vatPercent`, 'een btw-percentage');
  });
  const totalCents = cents(raw, 'totalCents', '');
  if (raw.payment !== undefined || fulfilment === 'pickup-paid') {
    const payment = check<Json>(isRecord(raw.payment), raw.payment, 'payment', 'een betaling (betaalde bestelling)');
    if (payment) {
      check(payment.method === 'stripe', payment.method, 'payment.method', '"stripe"');
      cents(payment, 'amountCents', 'payment.');
      check(typeof payment.cardLast4 === 'string' && /^\d{4}$/.test(payment.cardLast4), payment.cardLast4, 'payment.cardLast4', '4 cijfers');
      text(payment, 'reference', 'payment.');
    }
  }

  const orderId = number !== undefined && /^[A-Za-z0-9-]{1,40}$/.test(number) ? number : undefined;
  if (number !== undefined && orderId === undefined) problems.push('number: alleen letters, cijfers en "-" (hoogstens 40)');
  if (problems.length > 0) return orderId === undefined ? { kind: 'invalid', raw, problems } : { kind: 'invalid', orderId, raw, problems };

  const order = raw as unknown as WebshopOrder;
  return { kind: 'valid', order: toProviderOrder(order, placedAt!, updatedAt!, totalCents!), raw };
}

function toProviderOrder(order: WebshopOrder, placedAt: number, updatedAt: number, totalCents: number): ProviderOrder {
  const { customer } = order;
  return {
    id: order.number,
    placedAt,
    updatedAt,
    type: order.fulfilment === 'pickup-paid' ? 'buy' : 'reserve',
    status: STATES[order.state],
    customer: {
      providerCustomerId: customer.id,
      firstName: customer.firstName,
      lastName: customer.lastName,
      email: customer.email,
      ...(customer.phone ? { phone: customer.phone } : {}),
      billingAddress: customer.address,
      shippingAddress: customer.deliveryAddress ?? customer.address,
      emailOptIn: customer.newsletter,
    },
    ...(order.note ? { note: order.note } : {}),
    lines: order.items.map((item) => ({
      lineId: item.id,
      ...(item.ean ? { gtin: item.ean } : {}),
      ...(item.mpn ? { mpn: item.mpn } : {}),
      ...(item.sku ? { vendorPartNumber: item.sku } : {}),
      description: item.name,
      quantity: item.qty,
      unitPriceCents: item.priceCents,
      vatRate: item.vatPercent,
    })),
    totals: { totalCents },
    ...(order.payment
      ? {
          payment: {
            provider: 'stripe' as const,
            amountCents: order.payment.amountCents,
            last4: order.payment.cardLast4,
            authorizationId: order.payment.reference,
          },
        }
      : {}),
  };
}

/** The page itself must be of the agreed shape; its orders are read one by one. */
export function isChangesPage(body: unknown): body is WebshopChangesPage {
  return isRecord(body) && Array.isArray(body.orders) && typeof body.next === 'string' && typeof body.more === 'boolean';
}
