import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { FaultSwitches, type FaultMode, type FaultName, type FaultScope, type FaultSettings } from './faults.js';
import type { LocallyOrder, LocallyOrderStatus, LocallyOrderType, LocallyRopisMethod } from './locally-order.js';
import { OrderGenerator, type GeneratedOrderKind } from './order-generator.js';
import {
  SimulatorState,
  type SimulatorOrderRecord,
  type SimulatorStateTransaction,
} from './simulator-state.js';

export interface LocallySimulatorOptions {
  /** IndexedDB name of the simulator's state; default 'locally-simulator'. */
  readonly dbName?: string;
  /** The time source (the shell clock in the shell and in tests); default the real time. */
  readonly now?: () => number;
  /** The store id requests must carry; default 'demo-store'. */
  readonly storeId?: string;
  /** The API key requests must carry as a bearer token; default 'demo-key'. */
  readonly apiKey?: string;
  /** Seeds the order generator and the fault dice; default 1. */
  readonly seed?: number;
  /** Where the API is served; default '/locally-api'. */
  readonly baseUrl?: string;
  /** Open orders older than this are auto-cancelled; default 4 hours. */
  readonly acceptanceWindowMs?: number;
}

/** Fields of a placed order to set instead of the generator's; `kind` steers the generator. */
export type PlaceOrderOverrides = Partial<LocallyOrder> & { readonly kind?: GeneratedOrderKind };

export interface SimulatorSubscription {
  dispose(): void;
}

/** A stateful stand-in for Locally's order API (docs/locally-api.md) plus controls to drive it. */
export interface LocallySimulator {
  /** msw handlers serving the API under the base URL. */
  readonly handlers: RequestHandler[];
  /** Places a generated order (as a shopper would) and returns it. */
  placeOrder(type: LocallyOrderType, overrides?: PlaceOrderOverrides): Promise<LocallyOrder>;
  /** The shopper cancels: a change the next changes call delivers. Throws when the order cannot be cancelled. */
  cancelByCustomer(orderId: string): Promise<LocallyOrder>;
  getOrder(id: string): Promise<LocallyOrder | undefined>;
  /** Every order, oldest placement first. */
  listOrders(): Promise<LocallyOrder[]>;
  setFault(name: FaultName, mode: FaultMode): Promise<void>;
  getFaults(): Promise<FaultSettings>;
  clearFaults(): Promise<void>;
  /** Forgets orders, idempotency answers and faults; the change sequence keeps counting (clients keep cursors). */
  reset(): Promise<void>;
  /** Called after any change of the state, from this tab or another. */
  onDidChange(listener: () => void): SimulatorSubscription;
  /** Closes the database and the channel to other tabs. */
  dispose(): void;
}

const HOUR = 3_600_000;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const SLOW_MS = 1_500;
const RETRY_AFTER_SECONDS = 30;

type ActionName = 'accept' | 'decline' | 'ready-for-pickup' | 'picked-up' | 'cancel';

/** The state table of docs/locally-api.md: where an action may start, and where it leads. */
const ACTIONS: Readonly<Record<ActionName, { from: readonly LocallyOrderStatus[]; to: LocallyOrderStatus }>> = {
  accept: { from: ['open'], to: 'accepted' },
  decline: { from: ['open'], to: 'declined' },
  'ready-for-pickup': { from: ['accepted'], to: 'ready-for-pickup' },
  'picked-up': { from: ['ready-for-pickup', 'accepted'], to: 'picked-up' },
  cancel: { from: ['open', 'accepted', 'ready-for-pickup'], to: 'cancelled-by-store' },
};

const CUSTOMER_CANCELLABLE: readonly LocallyOrderStatus[] = ['open', 'accepted', 'ready-for-pickup'];
const ROPIS_METHODS: readonly LocallyRopisMethod[] = ['picked-up-paid', 'not-picked-up', 'cancelled-by-customer', 'cancelled-by-store'];

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const cursorOf = (seq: number) => `c-${String(seq).padStart(6, '0')}`;

/** The cursor's sequence number; undefined for a cursor this simulator did not hand out. */
function seqOfCursor(cursor: string | null): number | undefined {
  if (cursor === null || cursor === '') return 0;
  const match = /^c-(\d{1,15})$/.exec(cursor);
  return match ? Number(match[1]) : undefined;
}

function isAction(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(ACTIONS, name);
}

/**
 * Creates the Locally simulator. Its state lives in IndexedDB (`dbName`), so every tab and a reload
 * see the same orders; time comes only from `now`, so tests move it.
 */
export function createLocallySimulator(options: LocallySimulatorOptions = {}): LocallySimulator {
  const dbName = options.dbName ?? 'locally-simulator';
  const now = options.now ?? (() => Date.now());
  const seed = options.seed ?? 1;
  const baseUrl = (options.baseUrl ?? '/locally-api').replace(/\/+$/, '');
  const windowMs = options.acceptanceWindowMs ?? 4 * HOUR;
  const generator = new OrderGenerator(seed);
  const dice = new FaultSwitches(seed);
  const listeners = new Set<() => void>();
  // Other tabs' simulators write the same DB; they say so here, so a panel in every tab follows.
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${dbName}:changes`) : undefined;
  const notifyLocal = () => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        console.error(error);
      }
    }
  };
  if (channel) channel.onmessage = notifyLocal;
  const changed = () => {
    notifyLocal();
    channel?.postMessage('changed');
  };

  let opened: Promise<SimulatorState> | undefined;
  const state = (): Promise<SimulatorState> => {
    opened ??= SimulatorState.open(dbName).then(async (s) => {
      // Credentials given to this instance win; otherwise keep what the DB has, or the defaults.
      const explicit = options.storeId !== undefined || options.apiKey !== undefined;
      const stored = await s.credentials();
      if (explicit || !stored)
        await s.write((tx) =>
          tx.setMeta('credentials', { storeId: options.storeId ?? 'demo-store', apiKey: options.apiKey ?? 'demo-key' }),
        );
      return s;
    });
    return opened;
  };
  const write = async <T>(work: (tx: SimulatorStateTransaction) => Promise<T>): Promise<T> => {
    const result = await (await state()).write(work);
    changed();
    return result;
  };

  /** Open orders past the acceptance window become auto-cancelled: a change, so they are listed again. */
  const expireOverdue = async (): Promise<void> => {
    const s = await state();
    const cutoff = now() - windowMs;
    const overdue = (await s.listOrders()).filter((r) => r.order.status === 'open' && Date.parse(r.order.placedAt) <= cutoff);
    if (overdue.length === 0) return;
    await write(async (tx) => {
      for (const { id } of overdue) {
        // Read again inside the transaction: another tab may have answered it meanwhile.
        const record = await tx.getOrder(id);
        if (record?.order.status !== 'open') continue;
        await tx.putOrder(withStatus(record, 'auto-cancelled', now()));
      }
    });
  };

  // --- the API -----------------------------------------------------------------------------

  /** The faults and the credentials every request meets first; a response ends the request there. */
  const gate = async (request: Request, scope: FaultScope): Promise<{ response?: Response; faults: Set<FaultName> }> => {
    const s = await state();
    const faults = dice.draw(await s.faults(), scope);
    if (faults.has('offline')) return { response: HttpResponse.error(), faults };
    // Real time: a slow answer must be slow for the person watching and for timeouts in the client.
    if (faults.has('slow')) await delay(SLOW_MS);
    if (faults.has('rate-limit'))
      return {
        response: HttpResponse.json(
          { error: 'rate-limited', message: 'Too many requests.' },
          { status: 429, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
        ),
        faults,
      };
    if (faults.has('server-error'))
      return { response: HttpResponse.json({ error: 'unavailable', message: 'Service temporarily unavailable.' }, { status: 503 }), faults };
    const credentials = await s.credentials();
    const storeId = request.headers.get('X-Locally-Store-Id');
    const authorization = request.headers.get('Authorization');
    if (!credentials || storeId !== credentials.storeId || authorization !== `Bearer ${credentials.apiKey}`)
      // Never echo what was sent: it may be a key.
      return { response: HttpResponse.json({ error: 'unauthorized', message: 'Missing or wrong store id or API key.' }, { status: 401 }), faults };
    return { faults };
  };

  const malformed = () =>
    new HttpResponse('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>', {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });

  const listChanges = async (request: Request): Promise<Response> => {
    const { response, faults } = await gate(request, 'changes');
    if (response) return response;
    const url = new URL(request.url);
    const afterSeq = seqOfCursor(url.searchParams.get('cursor'));
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
    if (afterSeq === undefined) return HttpResponse.json({ error: 'bad-request', message: 'Unknown cursor.' }, { status: 400 });
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      return HttpResponse.json({ error: 'bad-request', message: `limit must be 1–${MAX_LIMIT}.` }, { status: 400 });
    if (faults.has('malformed-json')) return malformed();

    await expireOverdue();
    const { records, hasMore } = await (await state()).changesAfter(afterSeq, limit);
    let orders: unknown[] = records.map((r) => r.order);
    let nextCursor = cursorOf(records.at(-1)?.seq ?? afterSeq);
    const last = records.at(-1);
    if (faults.has('duplicate-delivery') && last) {
      // At least once: the last order twice in this page, and the cursor set so the next page has it again.
      orders = [...orders, last.order];
      nextCursor = cursorOf(last.seq - 1);
    }
    if (faults.has('wrong-types') && orders.length > 0) {
      const index = Math.floor(dice.next() * orders.length);
      orders = orders.map((order, i) => (i === index ? withWrongTypes(order as LocallyOrder, dice.next()) : order));
    }
    const page = { orders, nextCursor, hasMore };
    if (faults.has('truncated-page')) {
      const text = JSON.stringify(page);
      return new HttpResponse(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    return HttpResponse.json(page);
  };

  const getOne = async (request: Request, orderId: string): Promise<Response> => {
    const { response, faults } = await gate(request, 'order');
    if (response) return response;
    if (faults.has('malformed-json')) return malformed();
    await expireOverdue();
    const record = await (await state()).getOrder(orderId);
    return record ? HttpResponse.json(record.order) : HttpResponse.json({ error: 'not-found' }, { status: 404 });
  };

  const act = async (request: Request, orderId: string, action: string): Promise<Response> => {
    const { response, faults } = await gate(request, 'action');
    if (response) return response;
    if (!isAction(action)) return HttpResponse.json({ error: 'not-found' }, { status: 404 });
    let body: Record<string, unknown> = {};
    const text = await request.text();
    if (text.trim() !== '') {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
        else throw new TypeError('not an object');
      } catch {
        return HttpResponse.json({ error: 'bad-request', message: 'The body is not a JSON object.' }, { status: 400 });
      }
    }
    await expireOverdue();
    const key = request.headers.get('Idempotency-Key');
    // The answer and the change it describes are written together, so a repeat finds exactly one of them.
    const answer = await write(async (tx): Promise<Answer> => {
      if (key) {
        const first = await tx.getAnswer(key);
        if (first) return { status: first.status, body: first.body };
      }
      const result = await perform(tx, orderId, action, body);
      if (key) await tx.putAnswer({ key, status: result.status, body: result.body, at: now() });
      return result;
    });
    // The action happened; only its answer is garbled (the client should repeat with the same key).
    if (faults.has('malformed-json')) return malformed();
    return HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status });
  };

  const perform = async (tx: SimulatorStateTransaction, orderId: string, action: ActionName, body: Record<string, unknown>): Promise<Answer> => {
    const record = await tx.getOrder(orderId);
    if (!record) return { status: 404, body: { error: 'not-found' } };
    const rule = ACTIONS[action];
    const status = record.order.status;
    // The same action again (same state reached) is fine.
    if (status === rule.to) return { status: 200, body: record.order };
    if (!rule.from.includes(status)) return { status: 409, body: { error: 'conflict', order: record.order } };
    let ropisMethod: LocallyRopisMethod | undefined;
    if (action === 'picked-up' && record.order.type === 'reserve') {
      const method = body.ropisMethod;
      if (!ROPIS_METHODS.includes(method as LocallyRopisMethod))
        return { status: 400, body: { error: 'bad-request', message: `ropisMethod must be one of ${ROPIS_METHODS.join(', ')}.` } };
      ropisMethod = method as LocallyRopisMethod;
    }
    const reason = typeof body.reason === 'string' ? body.reason : undefined;
    const next = withStatus(record, rule.to, now());
    // The card is charged when the store accepts and released on decline or cancel.
    const charged = record.order.type === 'buy' && (action === 'accept' ? true : action === 'decline' || action === 'cancel' ? false : record.charged);
    const stored = await tx.putOrder({
      ...next,
      ...(ropisMethod ? { ropisMethod } : {}),
      ...(reason !== undefined ? { reason } : {}),
      ...(charged !== undefined ? { charged } : {}),
    });
    return { status: 200, body: stored.order };
  };

  const handlers: RequestHandler[] = [
    http.get(`${baseUrl}/v1/orders/changes`, ({ request }) => listChanges(request)),
    http.get(`${baseUrl}/v1/orders/:orderId`, ({ request, params }) => getOne(request, String(params.orderId))),
    http.post(`${baseUrl}/v1/orders/:orderId/:action`, ({ request, params }) =>
      act(request, String(params.orderId), String(params.action)),
    ),
    // Anything else under the API is unknown to the provider, not passed on to the network.
    http.all(`${baseUrl}/*`, () => HttpResponse.json({ error: 'not-found' }, { status: 404 })),
  ];

  // --- the controls ----------------------------------------------------------------------------

  return {
    handlers,

    placeOrder: async (type, overrides = {}) => {
      const { kind, ...fields } = overrides;
      const placed = await write(async (tx) => {
        let index = await tx.meta('generated');
        let order: LocallyOrder;
        // A generated id already taken (vanishingly rare): take the next order of the seed.
        do order = generator.generate(index++, { placedAt: now(), type, ...(kind ? { kind } : {}) });
        while (!fields.id && (await tx.getOrder(order.id)));
        await tx.setMeta('generated', index);
        order = applyOverrides(order, type, fields);
        if (fields.id && (await tx.getOrder(order.id))) throw new Error(`Order ${order.id} exists already`);
        return (await tx.putOrder({ id: order.id, order })).order;
      });
      return placed;
    },

    cancelByCustomer: (orderId) =>
      write(async (tx) => {
        const record = await tx.getOrder(orderId);
        if (!record) throw new Error(`Unknown order ${orderId}`);
        if (!CUSTOMER_CANCELLABLE.includes(record.order.status))
          throw new Error(`Order ${orderId} is ${record.order.status} and cannot be cancelled by the customer`);
        const next = withStatus(record, 'cancelled-by-customer', now());
        return (await tx.putOrder({ ...next, ...(record.order.type === 'buy' ? { charged: false } : {}) })).order;
      }),

    getOrder: async (id) => (await (await state()).getOrder(id))?.order,

    listOrders: async () =>
      (await (await state()).listOrders())
        .sort((a, b) => a.order.placedAt.localeCompare(b.order.placedAt) || (a.placedSeq ?? a.seq) - (b.placedSeq ?? b.seq))
        .map((r) => r.order),

    setFault: async (name, mode) => {
      const checked = FaultSwitches.validate(name, mode);
      await write(async (tx) => tx.setMeta('faults', { ...(await tx.meta('faults')), [name]: checked }));
    },

    getFaults: async () => (await state()).faults(),

    clearFaults: () => write((tx) => tx.setMeta('faults', FaultSwitches.none())),

    reset: async () => {
      await write((tx) => tx.clear(['orders', 'idempotency']).then(() => tx.setMeta('faults', FaultSwitches.none())));
      dice.restart();
    },

    onDidChange: (listener) => {
      const entry = () => listener();
      listeners.add(entry);
      return { dispose: () => listeners.delete(entry) };
    },

    dispose: () => {
      listeners.clear();
      channel?.close();
      void opened?.then((s) => s.close());
    },
  };
}

function withStatus(record: SimulatorOrderRecord, status: LocallyOrderStatus, at: number): Omit<SimulatorOrderRecord, 'seq'> {
  // updatedAt always moves forward, even when the clock was moved back.
  const updatedAt = new Date(Math.max(at, Date.parse(record.order.updatedAt) + 1)).toISOString();
  return { ...record, order: { ...record.order, status, updatedAt } };
}

/** The generator's order with the caller's fields; totals and payment follow changed lines. */
function applyOverrides(order: LocallyOrder, type: LocallyOrderType, fields: Partial<LocallyOrder>): LocallyOrder {
  const merged: LocallyOrder = { ...order, ...fields, type };
  const id = merged.id;
  const total =
    fields.total ??
    (fields.lines
      ? (fields.lines.reduce((sum, line) => sum + Math.round(Number(line.unitPrice) * 100) * line.quantity, 0) / 100).toFixed(2)
      : order.total);
  const placedAt = fields.placedAt ?? order.placedAt;
  const { payment: _payment, ...withoutPayment } = merged;
  const payment =
    type === 'buy'
      ? (fields.payment ?? {
          ...(order.payment ?? { provider: 'stripe' as const, last4: '4242', authorizationId: `pi_3${id.toLowerCase()}sim` }),
          amount: total,
        })
      : undefined;
  return {
    ...withoutPayment,
    orderUrl: fields.orderUrl ?? `https://www.locally.com/orders/${id}`,
    placedAt,
    updatedAt: fields.updatedAt ?? placedAt,
    total,
    ...(payment ? { payment } : {}),
  };
}

/** The order as a buggy provider might send it: strings for numbers, numbers for strings, and sometimes no id. */
function withWrongTypes(order: LocallyOrder, roll: number): Record<string, unknown> {
  const [first, ...rest] = order.lines;
  const broken: Record<string, unknown> = {
    ...order,
    total: Number(order.total),
    lines: [{ ...first, quantity: 'twee', vatRate: `${first?.vatRate ?? 21}%` }, ...rest],
  };
  if (roll < 0.35) {
    delete broken.id;
    delete broken.orderUrl;
  }
  return broken;
}
