import { msg, str } from '@lit/localize';
import type { Clock, SecretStorage, SettingsService } from '../../../host/index.js';
import type { OutboxMessage } from '../../store/order-model.js';
import { parseRetryAfter } from '../backoff.js';
import { OrderSourceError, type OrderChangesPage, type ReceivedOrder, type SendOutcome } from '../order-source.js';
import { LOCALLY_SETTINGS } from './locally-order-source.js';
import { readLocallyChangesPage, readLocallyOrder } from './locally-order-schema.js';
import { resolveProviderUrl } from './provider-url.js';

/**
 * Locally's order API over HTTP (docs/locally-api.md): requests, their failures in staff's words,
 * and the payload check. Loaded with the first poll; {@link LocallyOrderSource} is what activation
 * registers.
 */

/** What a request needs from the host: the settings, the key in secret storage, the clock for its timeout. */
export interface LocallyConnection {
  readonly settings: SettingsService;
  readonly secrets: SecretStorage;
  readonly clock: Clock;
}

const PAGE_SIZE = 50;
const REQUEST_TIMEOUT_MS = 30_000;

/** The same words (and translation) as the poller's own time limit uses for any order source. */
const timedOut = () => msg(str`${'Locally'} antwoordde niet op tijd`);

export async function fetchChanges(connection: LocallyConnection, cursor: string | undefined, signal: AbortSignal): Promise<OrderChangesPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
  const page = readLocallyChangesPage(await request(connection, 'GET', `v1/orders/changes?${query.toString()}`, signal));
  if (!page) throw new OrderSourceError('malformed', msg('Locally stuurde een pagina met bestellingen in een onbekende vorm'));
  return page;
}

export async function fetchOrder(connection: LocallyConnection, orderId: string, signal: AbortSignal): Promise<ReceivedOrder | undefined> {
  try {
    return readLocallyOrder(await request(connection, 'GET', `v1/orders/${encodeURIComponent(orderId)}`, signal));
  } catch (error) {
    if (error instanceof ConflictError) return undefined;
    throw error;
  }
}

export async function send(connection: LocallyConnection, message: OutboxMessage, signal: AbortSignal): Promise<SendOutcome> {
  const path = `v1/orders/${encodeURIComponent(message.orderId)}/${message.kind}`;
  const idempotencyKey = `${message.source}:${message.orderId}:${message.kind}:${message.id ?? message.createdAt}`;
  try {
    await request(connection, 'POST', path, signal, message.payload ?? {}, idempotencyKey);
    return { kind: 'sent' };
  } catch (error) {
    if (error instanceof ConflictError) return { kind: 'refused', reason: error.message };
    throw error;
  }
}

async function request(
{ settings, secrets, clock }: LocallyConnection,
method: 'GET' | 'POST',
path: string,
signal: AbortSignal,
body?: unknown,
idempotencyKey?: string,
): Promise<unknown> {
  const base = resolveProviderUrl(settings.get<string>(LOCALLY_SETTINGS.providerUrl), document.baseURI);
  if ('problem' in base) throw new OrderSourceError('misconfigured', base.problem);
  const storeId = settings.get<string>(LOCALLY_SETTINGS.storeId);
  const key = await secrets.get(LOCALLY_SETTINGS.apiKey);
  if (!storeId || !key) throw new OrderSourceError('misconfigured', msg('Het winkel-ID of de API-sleutel van Locally ontbreekt'));

  const url = new URL(path, base.url.href.endsWith('/') ? base.url.href : `${base.url.href}/`);
  const timeout = new AbortController();
  const timer = clock.setTimeout(() => timeout.abort(), REQUEST_TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        signal: AbortSignal.any([signal, timeout.signal]),
        headers: {
          Accept: 'application/json',
          'X-Locally-Store-Id': storeId,
          Authorization: `Bearer ${key}`,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      // The browser's own message may name the URL but never the key; ours names neither.
      if (timeout.signal.aborted) throw new OrderSourceError('timeout', timedOut());
      throw new OrderSourceError('offline', msg('Locally is niet bereikbaar (geen verbinding)'));
    }
    // The timeout also covers a body that stalls after the headers.
    return await readResponse(clock, response, timeout.signal);
  } finally {
    timer.dispose();
  }
}

async function readResponse(clock: Clock, response: Response, timeout: AbortSignal): Promise<unknown> {
  if (response.status === 401 || response.status === 403) {
    throw new OrderSourceError('unauthorized', msg('Locally weigert het winkel-ID of de API-sleutel'));
  }
  if (response.status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), clock.now());
    throw new OrderSourceError('rate-limited', msg('Locally vraagt om even te wachten (te veel verzoeken)'), retryAfterMs);
  }
  if (response.status >= 500) throw new OrderSourceError('server', msg(str`Locally heeft een storing (${response.status})`));
  const text = await response.text().catch(() => {
    throw timeout.aborted
      ? new OrderSourceError('timeout', timedOut())
      : new OrderSourceError('offline', msg('De verbinding met Locally viel weg tijdens het antwoord'));
  });
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new OrderSourceError('malformed', msg('Locally stuurde een antwoord dat niet te lezen is'));
  }
  if (response.status === 409) throw new ConflictError('Locally weigert deze stap: de bestelling is daar al verder of geannuleerd');
  if (response.status === 404) {
    if (response.url.includes('/changes')) throw new OrderSourceError('misconfigured', msg('Het adres van de Locally-koppeling klopt niet (404)'));
    throw new ConflictError('Locally kent deze bestelling niet');
  }
  if (!response.ok) throw new OrderSourceError('server', msg(str`Locally gaf een onverwacht antwoord (${response.status})`));
  return body;
}

/** Locally refuses the step for good (409) or does not know the order (404 on one order). */
class ConflictError extends Error {}
