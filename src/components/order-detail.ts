import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LineMatchState } from '../services/import/line-match-state.js';
import { orderStatusLabel, outboxStateLabel } from '../services/lifecycle/order-status-labels.js';
import { formatEuro } from '../services/money.js';
import { dateTimeFormat, formatAddress } from '../services/screen/order-columns.js';
import type { HistoryEntry, OutboxMessage, StoredOrder } from '../services/store/order-model.js';
import { OrderActionEvent } from './order-action-event.js';

/**
 * The selected order's detail below the grid: customer, lines with their match state, warnings,
 * the customer's note, the history of status changes, pending provider messages, and for an
 * unreadable order the payload as received, for support.
 */
@customElement('locally-order-detail')
@localized()
export class OrderDetail extends LitElement {
  static override styles = css`
    :host { display: block; margin-top: 0.75rem; padding: 0.75rem 1rem; border: 1px solid #d0d5dd; border-radius: 6px; }
    h2 { font-size: 1.05rem; margin: 0 0 0.5rem; }
    h3 { font-size: 0.95rem; margin: 0.75rem 0 0.25rem; }
    .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 0 1.5rem; }
    ul { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
    .failed { color: #b42318; }
    pre { max-height: 16rem; overflow: auto; background: #f9fafb; border: 1px solid #eaecf0; padding: 0.5rem; white-space: pre-wrap; word-break: break-all; }
    .buttons { display: flex; gap: 0.5rem; align-items: center; }
    button { font: inherit; padding: 0.35rem 0.8rem; }
  `;

  @property({ attribute: false }) order: StoredOrder | undefined;
  @property() locale = 'nl-NL';
  /** This order's messages to the provider not yet accepted. */
  @property({ attribute: false }) outbox: readonly OutboxMessage[] = [];
  /** Every line's match state now (asks the host's catalogue). */
  @property({ attribute: false }) lineStates: ((order: StoredOrder) => Promise<readonly LineMatchState[]>) | undefined;
  @property({ attribute: false }) history: ((order: StoredOrder) => Promise<readonly HistoryEntry[]>) | undefined;

  @state() protected lines: readonly LineMatchState[] | undefined;
  @state() protected entries: readonly HistoryEntry[] = [];
  @state() protected copyResult = '';

  /** The order and revision the loaded lines and history belong to: a stale answer is dropped. */
  protected loadedFor = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('order')) return;
    const order = this.order;
    const key = order ? `${order.source}:${order.orderId}:${order.revision}` : '';
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    this.copyResult = '';
    this.lines = undefined;
    this.entries = [];
    if (!order) return;
    void this.load(order, key);
  }

  protected async load(order: StoredOrder, key: string): Promise<void> {
    const [lines, entries] = await Promise.all([
      order.order && this.lineStates ? this.lineStates(order).catch(() => undefined) : undefined,
      this.history ? this.history(order).catch(() => []) : [],
    ]);
    if (key !== this.loadedFor) return;
    this.lines = lines;
    this.entries = entries;
  }

  protected override render() {
    const order = this.order;
    if (!order) return nothing;
    const provider = order.order;
    const dateTime = dateTimeFormat(this.locale);
    return html`
      <section aria-label=${msg(str`Details van bestelling ${order.orderId}`)}>
        <h2>${msg(str`Bestelling ${order.orderId}`)}: ${orderStatusLabel(order.status)}</h2>
        <div class="columns">
          <div>
            ${provider
              ? html`
                  <h3>${msg('Klant')}</h3>
                  <p>
                    ${provider.customer.firstName} ${provider.customer.lastName}, ${provider.customer.email}${provider.customer.phone
                      ? html`, ${provider.customer.phone}`
                      : nothing}
                  </p>
                  <p>${msg('Verzendadres')}: ${formatAddress(provider.customer.shippingAddress)}</p>
                  <p>${msg('Factuuradres')}: ${formatAddress(provider.customer.billingAddress)}</p>
                  ${provider.note ? html`<p>${msg('Opmerking van de klant:')} ${provider.note}</p>` : nothing}
                  <h3>${msg('Artikelen')}</h3>
                  <ul aria-label=${msg('Artikelen')}>
                    ${provider.lines.map((line, index) => html`<li>${line.quantity} × ${line.description} (${formatEuro(line.unitPriceCents, this.locale)})${this.renderMatch(index)}</li>`)}
                  </ul>
                `
              : nothing}
            ${order.problems?.length || order.warnings?.length
              ? html`<h3>${msg('Toelichting')}</h3>
                  <ul aria-label=${msg('Toelichting')}>
                    ${[...(order.problems ?? []), ...(order.warnings ?? [])].map((text) => html`<li>${text}</li>`)}
                  </ul>`
              : nothing}
          </div>
          <div>
            <h3>${msg('Geschiedenis')}</h3>
            <ul aria-label=${msg('Geschiedenis')}>
              ${this.entries.map(
                (entry) =>
                  html`<li>
                    ${dateTime.format(entry.at)}: ${entry.from ? `${orderStatusLabel(entry.from)} → ` : ''}${orderStatusLabel(entry.to)}
                    (${entry.by})${entry.note ? html`, ${entry.note}` : nothing}
                  </li>`,
              )}
            </ul>
            ${this.outbox.length
              ? html`<h3>${msg('Bericht aan Locally')}</h3>
                  <ul aria-label=${msg('Bericht aan Locally')}>
                    ${this.outbox.map((message) => html`<li>${outboxStateLabel(message)}</li>`)}
                  </ul>`
              : nothing}
          </div>
        </div>
        ${order.status === 'processing-failed' ? this.renderUnreadable(order) : nothing}
      </section>
    `;
  }

  protected renderMatch(index: number) {
    const state = this.lines?.[index];
    if (!state) return nothing;
    if (state.kind === 'matched') return html` — ${msg(str`artikel ${state.product.id} (via ${state.by})`)}`;
    if (state.kind === 'ambiguous') return html` — <span class="failed">${msg(str`meerdere producten (via ${state.by})`)}</span>`;
    return html` — <span class="failed">${msg('geen product gevonden')}</span>`;
  }

  protected renderUnreadable(order: StoredOrder) {
    const payload = rawPayloadText(order.raw);
    return html`
      <p>
        ${msg(
          str`Deze bestelling kon niet worden gelezen. Neem contact op met support van Locally en geef het bestelnummer ${order.orderId} en de gegevens hieronder door. Handel de bestelling zelf af en zet haar daarna op Gearchiveerd.`,
        )}
      </p>
      <section aria-label=${msg('Ontvangen gegevens')}>
        <pre tabindex="0">${payload}</pre>
      </section>
      <div class="buttons">
        <button type="button" @click=${() => this.copy(`${msg('Bestelnummer')}: ${order.orderId}\n${payload}`)}>${msg('Kopiëren')}</button>
        <button type="button" @click=${() => this.dispatchEvent(new OrderActionEvent('archive', order))}>${msg('Gearchiveerd')}</button>
        <span role="status">${this.copyResult}</span>
      </div>
    `;
  }

  protected async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copyResult = msg('Gekopieerd.');
    } catch {
      this.copyResult = msg('Kopiëren lukte niet; selecteer de gegevens en kopieer ze met Ctrl+C.');
    }
  }
}

/** The payload as kept, readable for support: JSON indented, a string as it came. */
function rawPayloadText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  try {
    return JSON.stringify(raw, null, 2) ?? String(raw);
  } catch {
    return String(raw);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'locally-order-detail': OrderDetail;
  }
}
