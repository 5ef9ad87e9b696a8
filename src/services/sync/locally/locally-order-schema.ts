import * as v from 'valibot';
import type { ProviderOrder } from '../../store/order-model.js';
import type { OrderChangesPage, ReceivedOrder } from '../order-source.js';

// The wire format of docs/locally-api.md, checked with valibot and mapped to the plugin's
// ProviderOrder (cents, epoch milliseconds). Every rule here is a rule of the contract.

/** A euro amount as the API writes it ("45.00") → cents. */
const Euros = v.pipe(
  v.string(),
  v.regex(/^\d{1,7}(\.\d{1,2})?$/, 'is geen bedrag in euro'),
  v.transform((text) => Math.round(Number(text) * 100)),
);
const Timestamp = v.pipe(v.string(), v.isoTimestamp('is geen tijdstip'), v.transform((text) => Date.parse(text)));
const Text = v.pipe(v.string(), v.trim());
const OptionalText = v.optional(v.pipe(v.string(), v.trim()));

const Address = v.object({
  street: Text,
  postcode: Text,
  city: Text,
  country: v.pipe(v.string(), v.length(2, 'is geen landcode')),
});

const Line = v.object({
  lineId: v.pipe(v.string(), v.nonEmpty()),
  upc: v.optional(v.pipe(v.string(), v.regex(/^\d{8}$|^\d{12,14}$/, 'is geen GTIN/UPC/EAN'))),
  mpn: OptionalText,
  vendorPartNumber: OptionalText,
  description: Text,
  quantity: v.pipe(v.number(), v.integer(), v.minValue(1)),
  unitPrice: Euros,
  vatRate: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
});

export const LocallyOrderSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,40}$/, 'is geen order-ID')),
  orderUrl: v.optional(v.pipe(v.string(), v.url())),
  placedAt: Timestamp,
  updatedAt: Timestamp,
  type: v.picklist(['buy', 'reserve']),
  status: v.picklist([
    'open',
    'accepted',
    'declined',
    'ready-for-pickup',
    'picked-up',
    'cancelled-by-customer',
    'auto-cancelled',
    'cancelled-by-store',
  ]),
  customer: v.object({
    id: v.pipe(v.string(), v.nonEmpty()),
    firstName: Text,
    lastName: Text,
    email: v.pipe(v.string(), v.trim(), v.email('is geen e-mailadres')),
    phone: OptionalText,
    billingAddress: Address,
    shippingAddress: Address,
    emailOptIn: v.boolean(),
  }),
  note: OptionalText,
  lines: v.pipe(v.array(Line), v.minLength(1, 'heeft geen regels')),
  total: Euros,
  currency: v.literal('EUR'),
  payment: v.optional(
    v.object({
      provider: v.literal('stripe'),
      amount: Euros,
      last4: v.pipe(v.string(), v.regex(/^\d{4}$/)),
      authorizationId: v.pipe(v.string(), v.nonEmpty()),
    }),
  ),
});

/** The page around the orders; each order is checked on its own, so one bad order spoils only itself. */
export const LocallyChangesPageSchema = v.object({
  orders: v.array(v.unknown()),
  nextCursor: v.pipe(v.string(), v.nonEmpty()),
  hasMore: v.boolean(),
});

type LocallyOrder = v.InferOutput<typeof LocallyOrderSchema>;

/** A changes page, each order read on its own; undefined when the page itself is not of the contract's shape. */
export function readLocallyChangesPage(body: unknown): OrderChangesPage | undefined {
  const page = v.safeParse(LocallyChangesPageSchema, body);
  if (!page.success) return undefined;
  return { received: page.output.orders.map(readLocallyOrder), nextCursor: page.output.nextCursor, hasMore: page.output.hasMore };
}

/** Checks one order as received; an invalid one keeps its raw payload and readable reasons. */
export function readLocallyOrder(raw: unknown): ReceivedOrder {
  const parsed = v.safeParse(LocallyOrderSchema, raw);
  if (parsed.success) return { kind: 'valid', order: toProviderOrder(parsed.output), raw };
  const problems = parsed.issues.map((issue) => {
    const path = issue.path?.map((item) => String(item.key)).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const orderId = readableOrderId(raw);
  return orderId === undefined ? { kind: 'invalid', raw, problems } : { kind: 'invalid', orderId, raw, problems };
}

/** The order id of a payload that failed the schema, when there still is a sensible one. */
function readableOrderId(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^[A-Za-z0-9-]{1,40}$/.test(id) ? id : undefined;
}

function toProviderOrder(order: LocallyOrder): ProviderOrder {
  const { customer } = order;
  return {
    id: order.id,
    placedAt: order.placedAt,
    updatedAt: order.updatedAt,
    type: order.type,
    status: order.status,
    ...(order.orderUrl ? { orderUrl: order.orderUrl } : {}),
    customer: {
      providerCustomerId: customer.id,
      firstName: customer.firstName,
      lastName: customer.lastName,
      email: customer.email,
      ...(customer.phone ? { phone: customer.phone } : {}),
      billingAddress: customer.billingAddress,
      shippingAddress: customer.shippingAddress,
      emailOptIn: customer.emailOptIn,
    },
    ...(order.note ? { note: order.note } : {}),
    lines: order.lines.map((line) => ({
      lineId: line.lineId,
      ...(line.upc ? { gtin: line.upc } : {}),
      ...(line.mpn ? { mpn: line.mpn } : {}),
      ...(line.vendorPartNumber ? { vendorPartNumber: line.vendorPartNumber } : {}),
      description: line.description,
      quantity: line.quantity,
      unitPriceCents: line.unitPrice,
      vatRate: line.vatRate,
    })),
    totals: { totalCents: order.total },
    ...(order.payment
      ? {
          payment: {
            provider: 'stripe' as const,
            amountCents: order.payment.amount,
            last4: order.payment.last4,
            authorizationId: order.payment.authorizationId,
          },
        }
      : {}),
  };
}
