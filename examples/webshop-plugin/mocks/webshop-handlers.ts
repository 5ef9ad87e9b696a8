// A stand-in for "De Fietsbel webwinkel"'s order API (see src/webshop-order-source.ts), as msw
// handlers: two seeded orders against the shell's demo bike shop, and a way to place more.
// Development only: the shell's `npm start` serves it next to the Locally simulator when the example
// is loaded, and test/integration/example-plugin.test.ts installs it in its msw worker.
import { http, HttpResponse, type RequestHandler } from 'msw';
import { demoCustomers, demoProducts } from '../../../shell/data/demo-seed.js';
import type { Customer, Product } from '../../../src/host/index.js';
import type { WebshopItem, WebshopOrder, WebshopOrderState } from '../src/webshop-order.js';

export interface WebshopSimulatorOptions {
  /** Where the API is served; default "/webshop-api" (the plugin's default `webshop.apiUrl`). */
  readonly baseUrl?: string;
  /** The time source (the shell's clock); default the real time. */
  readonly now?: () => number;
  /** Keeps the orders here (the shell uses localStorage, so a reload sees the same orders); default in memory. */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
  readonly storageKey?: string;
}

export interface WebshopSimulator {
  readonly handlers: RequestHandler[];
  /** A shopper places another order (one line by EAN); also `POST <api>/demo/orders`. */
  placeOrder(overrides?: Partial<WebshopOrder>): WebshopOrder;
  /** The shopper cancels: the next poll delivers the change. */
  cancel(number: string): WebshopOrder;
  getOrder(number: string): WebshopOrder | undefined;
  listOrders(): WebshopOrder[];
}

interface State {
  seq: number;
  next: number;
  orders: { order: WebshopOrder; seq: number }[];
  /** Answers to POSTs already made, by Idempotency-Key. */
  answered: Record<string, number>;
}

/** Events the shop takes, and the states each may start from (as Locally's, in the shop's words). */
const EVENTS: Readonly<Record<string, { from: readonly WebshopOrderState[]; to: WebshopOrderState }>> = {
  accept: { from: ['open'], to: 'accepted' },
  decline: { from: ['open'], to: 'declined' },
  'ready-for-pickup': { from: ['accepted'], to: 'ready' },
  'picked-up': { from: ['accepted', 'ready'], to: 'collected' },
  cancel: { from: ['open', 'accepted', 'ready'], to: 'cancelled' },
};

/** Products and customers the demo bike shop has exactly once (unique EAN, part number and e-mail). */
function demoPicks(): { products: Product[]; customers: Customer[] } {
  const count = (values: (string | undefined)[]) => {
    const map = new Map<string, number>();
    for (const value of values) if (value) map.set(value.trim().toLowerCase(), (map.get(value.trim().toLowerCase()) ?? 0) + 1);
    return (value: string | undefined) => (value ? map.get(value.trim().toLowerCase()) : 0);
  };
  const allProducts = demoProducts();
  const eans = count(allProducts.map((p) => p.ean?.replace(/^0+/, '')));
  const parts = count(allProducts.map((p) => p.vendorPartNumber));
  const products = allProducts.filter(
    (p) => p.ean && /^\d{13}$/.test(p.ean) && eans(p.ean.replace(/^0+/, '')) === 1 && parts(p.vendorPartNumber) === 1 && p.stock > 2,
  );
  const allCustomers = demoCustomers();
  const emails = count(allCustomers.map((c) => c.email));
  const customers = allCustomers.filter((c) => c.email && emails(c.email) === 1 && c.address);
  return { products, customers };
}

export function createWebshopSimulator(options: WebshopSimulatorOptions = {}): WebshopSimulator {
  const baseUrl = options.baseUrl ?? '/webshop-api';
  const now = options.now ?? (() => Date.now());
  const key = options.storageKey ?? 'example.webshop:simulator';
  const picks = demoPicks();

  const save = (state: State) => options.storage?.setItem(key, JSON.stringify(state));
  const load = (): State => {
    const stored = options.storage?.getItem(key);
    if (stored) return JSON.parse(stored) as State;
    const state: State = { seq: 0, next: 1001, orders: [], answered: {} };
    const [a, b, c] = picks.products;
    // Paid online: two lines by EAN.
    add(state, {
      fulfilment: 'pickup-paid',
      items: [item(a!, 'ean', 1), item(b!, 'ean', 2)],
    });
    // Reserved, paid in the shop: one line by EAN, one with only the manufacturer's part number.
    add(state, {
      fulfilment: 'pickup-pay-in-store',
      note: 'Ik haal het zaterdag op.',
      items: [item(b!, 'ean', 1), item(c!, 'mpn', 1)],
    });
    save(state);
    return state;
  };

  function item(product: Product, by: 'ean' | 'mpn', qty: number): WebshopItem {
    return {
      id: `${product.id}-${by}`,
      ...(by === 'ean' ? { ean: product.ean! } : { mpn: product.vendorPartNumber! }),
      name: product.description,
      qty,
      priceCents: product.priceCents,
      vatPercent: product.vatRate,
    };
  }

  function add(state: State, overrides: Partial<WebshopOrder>): WebshopOrder {
    const customer = picks.customers[(state.next * 7) % picks.customers.length]!;
    const items = overrides.items ?? [item(picks.products[(state.next * 3) % picks.products.length]!, 'ean', 1)];
    const totalCents = items.reduce((sum, line) => sum + line.qty * line.priceCents, 0);
    const fulfilment = overrides.fulfilment ?? 'pickup-paid';
    const at = new Date(now()).toISOString();
    const order: WebshopOrder = {
      number: `FB-${state.next++}`,
      placed: at,
      changed: at,
      fulfilment,
      state: 'open',
      customer: {
        id: `fb-klant-${customer.id}`,
        firstName: customer.firstName,
        lastName: customer.lastName,
        email: customer.email!,
        ...(customer.phone ? { phone: customer.phone } : {}),
        newsletter: customer.includeInCommunication,
        address: customer.address!,
      },
      items,
      totalCents,
      ...(fulfilment === 'pickup-paid'
        ? { payment: { method: 'stripe' as const, amountCents: totalCents, cardLast4: '4242', reference: `pi_fietsbel_${state.next}` } }
        : {}),
      ...overrides,
    };
    state.orders.push({ order, seq: ++state.seq });
    return order;
  }

  let memory: State | undefined;
  /** Read afresh from storage each time, so every tab of the shell sees the same orders. */
  const current = (): State => (options.storage ? load() : (memory ??= load()));
  const change = (number: string, to: WebshopOrderState, state = current()): WebshopOrder | undefined => {
    const entry = state.orders.find((o) => o.order.number === number);
    if (!entry) return undefined;
    entry.order = { ...entry.order, state: to, changed: new Date(now()).toISOString() };
    entry.seq = ++state.seq;
    save(state);
    return entry.order;
  };

  const simulator: WebshopSimulator = {
    handlers: [
      http.get(`${baseUrl}/orders`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        const state = current();
        const since = Number(query.get('since') ?? 0);
        const limit = Math.min(Number(query.get('limit') ?? 50) || 50, 100);
        const changed = state.orders.filter((o) => o.seq > since).sort((x, y) => x.seq - y.seq);
        const page = changed.slice(0, limit);
        return HttpResponse.json({
          orders: page.map((o) => o.order),
          next: String(page.at(-1)?.seq ?? since),
          more: changed.length > page.length,
        });
      }),
      http.post(`${baseUrl}/demo/orders`, () => {
        const order = simulator.placeOrder();
        return HttpResponse.json(order, { status: 201 });
      }),
      http.get(`${baseUrl}/orders/:number`, ({ params }) => {
        const order = simulator.getOrder(String(params.number));
        return order ? HttpResponse.json(order) : HttpResponse.json({ error: 'unknown order' }, { status: 404 });
      }),
      http.post(`${baseUrl}/orders/:number/events`, async ({ request, params }) => {
        const state = current();
        const idempotencyKey = request.headers.get('Idempotency-Key');
        if (idempotencyKey && state.answered[idempotencyKey]) return HttpResponse.json({}, { status: state.answered[idempotencyKey] });
        const body = (await request.json().catch(() => undefined)) as { event?: string } | undefined;
        const event = EVENTS[body?.event ?? ''];
        const order = state.orders.find((o) => o.order.number === String(params.number))?.order;
        let status = 200;
        if (!event) status = 400;
        else if (!order) status = 404;
        else if (!event.from.includes(order.state)) status = 409;
        else change(order.number, event.to, state);
        if (idempotencyKey && status !== 400) {
          state.answered[idempotencyKey] = status;
          save(state);
        }
        return HttpResponse.json(status === 200 ? { ok: true } : { error: status === 409 ? 'order moved on' : 'refused' }, { status });
      }),
      http.all(`${baseUrl}/*`, () => HttpResponse.json({ error: 'not-found' }, { status: 404 })),
    ],
    placeOrder(overrides = {}) {
      const state = current();
      const order = add(state, overrides);
      save(state);
      return order;
    },
    cancel(number) {
      const order = change(number, 'cancelled');
      if (!order) throw new Error(`No web shop order ${number}`);
      return order;
    },
    getOrder: (number) => current().orders.find((o) => o.order.number === number)?.order,
    listOrders: () => current().orders.map((o) => o.order),
  };
  return simulator;
}
