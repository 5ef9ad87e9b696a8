import { inject, injectable } from 'inversify';
import type { Clock, SecretStorage, SettingsService } from '../../../host/index.js';
import { HostTokens } from '../../../host-tokens.js';
import type { OutboxMessage } from '../../store/order-model.js';
import { parseRetryAfter } from '../backoff.js';
import { OrderSourceError, type OrderChangesPage, type OrderSource, type ReceivedOrder, type SendOutcome } from '../order-source.js';
import { resolveProviderUrl } from './provider-url.js';

export const LOCALLY_SETTINGS = {
  providerUrl: 'locally.providerUrl',
  storeId: 'locally.storeId',
  apiKey: 'locally.apiKey',
} as const;

const PAGE_SIZE = 50;

/** The schema (and its validator) loads with the first poll, not with the till's start. */
const loadSchema = () => import('./locally-order-schema.js');
const REQUEST_TIMEOUT_MS = 30_000;

/** Locally's order API (docs/locally-api.md), registered as an order source like any other. */
@injectable()
export class LocallyOrderSource implements OrderSource {
  readonly id = 'locally';
  readonly label = 'Locally';

  constructor(
    @inject(HostTokens.settings) protected readonly settings: SettingsService,
    @inject(HostTokens.secrets) protected readonly secrets: SecretStorage,
    @inject(HostTokens.clock) protected readonly clock: Clock,
  ) {}

  async fetchChanges(cursor: string | undefined, signal: AbortSignal): Promise<OrderChangesPage> {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
    const [body, schema] = await Promise.all([this.request('GET', `v1/orders/changes?${query.toString()}`, signal), loadSchema()]);
    const page = schema.readLocallyChangesPage(body);
    if (!page) throw new OrderSourceError('malformed', 'Locally stuurde een pagina met bestellingen in een onbekende vorm');
    return page;
  }

  async fetchOrder(orderId: string, signal: AbortSignal): Promise<ReceivedOrder | undefined> {
    try {
      const [body, schema] = await Promise.all([this.request('GET', `v1/orders/${encodeURIComponent(orderId)}`, signal), loadSchema()]);
      return schema.readLocallyOrder(body);
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  async send(message: OutboxMessage, signal: AbortSignal): Promise<SendOutcome> {
    const path = `v1/orders/${encodeURIComponent(message.orderId)}/${message.kind}`;
    const idempotencyKey = `${message.source}:${message.orderId}:${message.kind}:${message.id ?? message.createdAt}`;
    try {
      await this.request('POST', path, signal, message.payload ?? {}, idempotencyKey);
      return { kind: 'sent' };
    } catch (error) {
      if (error instanceof ConflictError) return { kind: 'refused', reason: error.message };
      throw error;
    }
  }

  protected async request(method: 'GET' | 'POST', path: string, signal: AbortSignal, body?: unknown, idempotencyKey?: string): Promise<unknown> {
    const base = resolveProviderUrl(this.settings.get<string>(LOCALLY_SETTINGS.providerUrl), document.baseURI);
    if ('problem' in base) throw new OrderSourceError('misconfigured', base.problem);
    const storeId = this.settings.get<string>(LOCALLY_SETTINGS.storeId);
    const key = await this.secrets.get(LOCALLY_SETTINGS.apiKey);
    if (!storeId || !key) throw new OrderSourceError('misconfigured', 'Het winkel-ID of de API-sleutel van Locally ontbreekt');

    const url = new URL(path, base.url.href.endsWith('/') ? base.url.href : `${base.url.href}/`);
    const timeout = new AbortController();
    const timer = this.clock.setTimeout(() => timeout.abort(), REQUEST_TIMEOUT_MS);
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
        if (timeout.signal.aborted) throw new OrderSourceError('timeout', 'Locally antwoordde niet op tijd');
        throw new OrderSourceError('offline', 'Locally is niet bereikbaar (geen verbinding)');
      }
      // The timeout also covers a body that stalls after the headers.
      return await this.readResponse(response, timeout.signal);
    } finally {
      timer.dispose();
    }
  }

  protected async readResponse(response: Response, timeout: AbortSignal): Promise<unknown> {
    if (response.status === 401 || response.status === 403) {
      throw new OrderSourceError('unauthorized', 'Locally weigert het winkel-ID of de API-sleutel');
    }
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), this.clock.now());
      throw new OrderSourceError('rate-limited', 'Locally vraagt om even te wachten (te veel verzoeken)', retryAfterMs);
    }
    if (response.status >= 500) throw new OrderSourceError('server', `Locally heeft een storing (${response.status})`);
    const text = await response.text().catch(() => {
      throw timeout.aborted
        ? new OrderSourceError('timeout', 'Locally antwoordde niet op tijd')
        : new OrderSourceError('offline', 'De verbinding met Locally viel weg tijdens het antwoord');
    });
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new OrderSourceError('malformed', 'Locally stuurde een antwoord dat niet te lezen is');
    }
    if (response.status === 409) throw new ConflictError('Locally weigert deze stap: de bestelling is daar al verder of geannuleerd');
    if (response.status === 404) {
      if (response.url.includes('/changes')) throw new OrderSourceError('misconfigured', 'Het adres van de Locally-koppeling klopt niet (404)');
      throw new ConflictError('Locally kent deze bestelling niet');
    }
    if (!response.ok) throw new OrderSourceError('server', `Locally gaf een onverwacht antwoord (${response.status})`);
    return body;
  }
}

class ConflictError extends Error {}
