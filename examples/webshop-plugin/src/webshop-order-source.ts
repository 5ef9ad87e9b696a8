import type { OrderChangesPage, OrderSource, OrderSourceErrorKind, OutboxMessage, ReceivedOrder, SendOutcome } from '../../../src/api.js';
import type { SettingsService } from '../../../src/host/index.js';
import { isChangesPage, readWebshopOrder } from './webshop-order.js';

/** The setting with the web shop API's address (declared in this plugin's plugin.json). */
export const WEBSHOP_API_URL = 'webshop.apiUrl';
const PAGE_SIZE = 50;

/**
 * The plugin recognises a failed call by its shape: an Error named "OrderSourceError" with a `kind`
 * (and `retryAfterMs` for "rate-limited"). The class itself is the plugin's implementation, which a
 * plugin that has only the API's types does not import.
 */
export function sourceError(kind: OrderSourceErrorKind, message: string, retryAfterMs?: number): Error {
  const error = new Error(message) as Error & { kind: OrderSourceErrorKind; retryAfterMs?: number };
  error.name = 'OrderSourceError';
  error.kind = kind;
  if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
  return error;
}

/** A step the web shop will never take (the order moved on there): not retried. */
class Refused extends Error {}

/**
 * The made-up web shop "De Fietsbel webwinkel" as an order source next to Locally. Its orders are
 * stored as `webshop:<number>` and their transactions get the external reference `webshop:<number>`.
 *
 * Its API (served by `mocks/webshop-handlers.ts` in the demo):
 * - `GET <api>/orders?since=<cursor>&limit=<n>` → `{ orders, next, more }`, orders changed after the cursor;
 * - `GET <api>/orders/<number>` → one order, 404 when unknown;
 * - `POST <api>/orders/<number>/events` `{ event, payload }` with an `Idempotency-Key` → 200, or 409 when
 *   the order is past that step.
 */
export class WebshopOrderSource implements OrderSource {
  readonly id = 'webshop';
  readonly label = 'De Fietsbel webwinkel';
  /** After Locally (0). */
  readonly order = 10;

  constructor(protected readonly settings: SettingsService) {}

  async fetchChanges(cursor: string | undefined, signal: AbortSignal): Promise<OrderChangesPage> {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { since: cursor } : {}) });
    const body = await this.request('GET', `orders?${query.toString()}`, signal);
    if (!isChangesPage(body)) throw sourceError('malformed', 'De webwinkel stuurde een pagina met bestellingen in een onbekende vorm');
    return { received: body.orders.map(readWebshopOrder), nextCursor: body.next, hasMore: body.more };
  }

  async fetchOrder(orderId: string, signal: AbortSignal): Promise<ReceivedOrder | undefined> {
    try {
      return readWebshopOrder(await this.request('GET', `orders/${encodeURIComponent(orderId)}`, signal));
    } catch (error) {
      if (error instanceof Refused) return undefined;
      throw error;
    }
  }

  async send(message: OutboxMessage, signal: AbortSignal): Promise<SendOutcome> {
    const key = `${message.source}:${message.orderId}:${message.kind}:${message.id ?? message.createdAt}`;
    try {
      await this.request('POST', `orders/${encodeURIComponent(message.orderId)}/events`, signal, { event: message.kind, payload: message.payload ?? {} }, key);
      return { kind: 'sent' };
    } catch (error) {
      if (error instanceof Refused) return { kind: 'refused', reason: error.message };
      throw error;
    }
  }

  protected async request(method: 'GET' | 'POST', path: string, signal: AbortSignal, body?: unknown, idempotencyKey?: string): Promise<unknown> {
    const setting = this.settings.get<string>(WEBSHOP_API_URL) ?? '/webshop-api';
    let base: URL;
    try {
      base = new URL(setting.endsWith('/') ? setting : `${setting}/`, document.baseURI);
    } catch {
      throw sourceError('misconfigured', `Het adres van de webwinkel-API ("${setting}") is geen adres`);
    }
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        signal,
        headers: {
          Accept: 'application/json',
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw sourceError(signal.aborted ? 'timeout' : 'offline', 'De webwinkel is niet bereikbaar');
    }
    if (response.status === 429) {
      const seconds = Number(response.headers.get('Retry-After'));
      throw sourceError('rate-limited', 'De webwinkel vraagt om even te wachten', Number.isFinite(seconds) ? seconds * 1000 : undefined);
    }
    if (response.status >= 500) throw sourceError('server', `De webwinkel heeft een storing (${response.status})`);
    if (response.status === 409) throw new Refused('De webwinkel weigert deze stap: de bestelling is daar al verder of geannuleerd');
    if (response.status === 404 && method === 'GET' && path.startsWith('orders?'))
      throw sourceError('misconfigured', 'Het adres van de webwinkel-API klopt niet (404)');
    if (response.status === 404) throw new Refused('De webwinkel kent deze bestelling niet');
    if (!response.ok) throw sourceError('server', `De webwinkel gaf een onverwacht antwoord (${response.status})`);
    const text = await response.text().catch(() => {
      throw sourceError('offline', 'De verbinding met de webwinkel viel weg tijdens het antwoord');
    });
    try {
      return text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      throw sourceError('malformed', 'De webwinkel stuurde een antwoord dat niet te lezen is');
    }
  }
}
