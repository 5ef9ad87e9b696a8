import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Observable } from 'rxjs';
import { formatEuro } from '../services/money.js';
import { orderStatusLabel, orderTypeLabel } from '../services/lifecycle/order-status-labels.js';
import type { OrderStatus, OutboxMessage, StoredOrder } from '../services/store/order-model.js';
import { outboxStateLabel } from '../services/lifecycle/order-status-labels.js';
import { ObservableController } from './observable-controller.js';
import { OrderActionEvent, type OrderAction } from './order-action-event.js';

/** The toolbar's repair actions and the status an order must have for each. */
const REPAIRS: readonly { readonly action: OrderAction; readonly needs: OrderStatus; readonly label: () => string }[] = [
  { action: 'identify-customer', needs: 'customer-id-required', label: () => msg('Klant identificeren') },
  { action: 'link-products', needs: 'product-link-failed', label: () => msg('Product koppelen') },
];

/**
 * The eCommerce-verkopen screen: the stored orders, newest first, one of them selected (click, or
 * the arrow keys), with its detail below. The host's panel region around it carries the name
 * "eCommerce-verkopen". Actions on an order leave as {@link OrderActionEvent}s for the plugin.
 */
@customElement('ecommerce-screen')
@localized()
export class EcommerceScreen extends LitElement {
  static override styles = css`
    :host { display: block; font: inherit; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #d0d5dd; }
    th { background: #f2f4f7; font-weight: 600; }
    td.amount { text-align: right; font-variant-numeric: tabular-nums; }
    td.notes { font-size: 0.9em; color: #7a2e0e; max-width: 28rem; }
    .empty { padding: 1rem; color: #475467; }
    .toolbar { display: flex; gap: 0.75rem; align-items: center; padding: 0.5rem 0; }
    .toolbar button { font: inherit; padding: 0.35rem 0.8rem; }
    tbody tr { cursor: default; }
    tbody tr[aria-selected='true'] { background: #d1e9ff; outline: 2px solid #1570ef; outline-offset: -2px; }
    tbody tr:focus-visible { outline: 3px solid #1570ef; outline-offset: -3px; }
    .detail { margin-top: 1rem; padding: 0.75rem 1rem; border: 1px solid #d0d5dd; border-radius: 6px; }
    .detail h2 { font-size: 1.05rem; margin: 0 0 0.5rem; }
    .detail ul { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
    .detail pre { max-height: 16rem; overflow: auto; background: #f9fafb; border: 1px solid #eaecf0; padding: 0.5rem; white-space: pre-wrap; word-break: break-all; }
    .detail .buttons { display: flex; gap: 0.5rem; align-items: center; }
    .detail button { font: inherit; padding: 0.35rem 0.8rem; }
  `;

  /** The orders to show, from the order store. */
  @property({ attribute: false }) orders: Observable<readonly StoredOrder[]> | undefined;
  /** BCP 47 tag for dates and amounts; the host's locale. */
  @property() locale = 'nl-NL';
  /** Messages to the provider not yet accepted, shown on their order's row. */
  @property({ attribute: false }) outbox: Observable<readonly OutboxMessage[]> | undefined;
  /** Runs "Nu controleren"; resolves when the poll is done. */
  @property({ attribute: false }) checkNow: (() => Promise<unknown>) | undefined;
  /** Tells the store which orders this till has now shown. */
  @property({ attribute: false }) markSeen: ((orders: readonly StoredOrder[]) => Promise<unknown>) | undefined;

  protected readonly ordersController = new ObservableController<readonly StoredOrder[]>(this, (orders) => {
    const unseen = orders.filter((order) => order.seenAt === undefined);
    if (unseen.length && this.isConnected) void this.markSeen?.(unseen);
  });

  @state() protected checking = false;
  @state() protected checkResult = '';
  /** `source:orderId` of the selected order. */
  @state() protected selectedKey: string | undefined;
  @state() protected copyResult = '';

  protected readonly outboxController = new ObservableController<readonly OutboxMessage[]>(this);

  protected override willUpdate(): void {
    this.ordersController.observe(this.orders);
    this.outboxController.observe(this.outbox);
  }

  protected async onCheckNow(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    this.checkResult = msg('Bezig met controleren…');
    try {
      const status = await this.checkNow?.();
      const error = lastErrorOf(status);
      this.checkResult = error ? msg(str`Controleren lukte niet: ${error}. Er wordt later opnieuw geprobeerd.`) : msg('Gecontroleerd.');
    } catch (error) {
      this.checkResult = error instanceof Error ? error.message : String(error);
    } finally {
      this.checking = false;
    }
  }

  protected override render() {
    return html`
      <div role="toolbar" aria-label=${msg('eCommerce-verkopen')} class="toolbar">
        ${REPAIRS.map(({ action, needs, label }) => {
          const available = this.selectedOrder?.status === needs;
          return html`<button type="button" aria-disabled=${available ? 'false' : 'true'} @click=${() => this.requestRepair(action, needs)}>
            ${label()}
          </button>`;
        })}
        <button type="button" aria-disabled=${this.checking ? 'true' : 'false'} @click=${this.onCheckNow}>${msg('Nu controleren')}</button>
        <span role="status">${this.checkResult}</span>
      </div>
      ${this.renderOrders()} ${this.renderDetail()}
    `;
  }

  /** The orders as shown: newest first. */
  protected get sortedOrders(): StoredOrder[] {
    return [...(this.ordersController.value ?? [])].sort((a, b) => b.placedAt - a.placedAt);
  }

  protected get selectedOrder(): StoredOrder | undefined {
    return this.ordersController.value?.find((order) => keyOf(order) === this.selectedKey);
  }

  /** A toolbar repair: for the selected order in the status it needs, else a word on why not. */
  protected requestRepair(action: OrderAction, needs: OrderStatus): void {
    const order = this.selectedOrder;
    if (order?.status !== needs) {
      this.checkResult = msg(str`Kies eerst een bestelling met status ${orderStatusLabel(needs)}.`);
      return;
    }
    this.dispatchEvent(new OrderActionEvent(action, order));
  }

  protected select(order: StoredOrder, focus = false): void {
    this.selectedKey = keyOf(order);
    this.copyResult = '';
    if (focus) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('tbody tr[aria-selected="true"]')?.focus());
    }
  }

  /** Arrow keys, Home and End move the selection, as in a list. */
  protected onRowKeydown(event: KeyboardEvent, orders: readonly StoredOrder[], index: number): void {
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: orders.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const order = orders[Math.max(0, Math.min(orders.length - 1, next))];
    if (order) this.select(order, true);
  }

  protected renderOrders() {
    const orders = this.sortedOrders;
    if (!orders.length) return html`<p class="empty">${msg('Er zijn nog geen eCommerce-bestellingen.')}</p>`;
    const outboxByOrder = Map.groupBy(this.outboxController.value ?? [], (m) => `${m.source}:${m.orderId}`);
    const dateTime = new Intl.DateTimeFormat(this.locale, { dateStyle: 'short', timeStyle: 'short' });
    return html`
      <table role="grid" aria-label=${msg('eCommerce-bestellingen')}>
        <thead>
          <tr>
            <th scope="col">${msg('eCommerce order-ID')}</th>
            <th scope="col">${msg('Geplaatst')}</th>
            <th scope="col">${msg('Type')}</th>
            <th scope="col">${msg('Klant')}</th>
            <th scope="col">${msg('Bedrag')}</th>
            <th scope="col">${msg('Ascend Barcode')}</th>
            <th scope="col">${msg('Status')}</th>
            <th scope="col">${msg('Bericht aan Locally')}</th>
            <th scope="col">${msg('Toelichting')}</th>
          </tr>
        </thead>
        <tbody>
          ${orders.map(
            (order, index) => html`
              <tr
                aria-selected=${keyOf(order) === this.selectedKey ? 'true' : 'false'}
                tabindex=${keyOf(order) === this.selectedKey || (this.selectedKey === undefined && index === 0) ? 0 : -1}
                @click=${() => this.select(order)}
                @keydown=${(event: KeyboardEvent) => this.onRowKeydown(event, orders, index)}
              >
                <td>${order.orderId}</td>
                <td>${dateTime.format(order.placedAt)}</td>
                <td>${orderTypeLabel(order.type)}</td>
                <td>${order.order ? `${order.order.customer.firstName} ${order.order.customer.lastName}` : nothing}</td>
                <td class="amount">${order.order ? formatEuro(order.order.totals.totalCents, this.locale) : nothing}</td>
                <td>${order.barcode ?? nothing}</td>
                <td>${orderStatusLabel(order.status)}</td>
                <td>${(outboxByOrder.get(`${order.source}:${order.orderId}`) ?? []).map((m) => outboxStateLabel(m)).join('; ')}</td>
                <td class="notes">${[...(order.problems ?? []), ...(order.warnings ?? [])].map((text) => html`<div>${text}</div>`)}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }

  /** The selected order's detail; an unreadable order shows what support needs, with "Gearchiveerd" as the way on. */
  protected renderDetail() {
    const order = this.selectedOrder;
    if (!order) return nothing;
    const provider = order.order;
    return html`
      <section class="detail" aria-label=${msg(str`Details van bestelling ${order.orderId}`)}>
        <h2>${msg(str`Bestelling ${order.orderId}`)}: ${orderStatusLabel(order.status)}</h2>
        ${provider
          ? html`
              <p>${provider.customer.firstName} ${provider.customer.lastName}, ${provider.customer.email}</p>
              <ul aria-label=${msg('Artikelen')}>
                ${provider.lines.map(
                  (line) => html`<li>${line.quantity} × ${line.description} (${formatEuro(line.unitPriceCents, this.locale)})</li>`,
                )}
              </ul>
              ${provider.note ? html`<p>${msg('Opmerking van de klant:')} ${provider.note}</p>` : nothing}
            `
          : nothing}
        ${order.problems?.length || order.warnings?.length
          ? html`<ul aria-label=${msg('Toelichting')}>
              ${[...(order.problems ?? []), ...(order.warnings ?? [])].map((text) => html`<li>${text}</li>`)}
            </ul>`
          : nothing}
        ${order.status === 'processing-failed' ? this.renderUnreadable(order) : nothing}
      </section>
    `;
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

function keyOf(order: StoredOrder): string {
  return `${order.source}:${order.orderId}`;
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

/** The failure a "Nu controleren" ended with, if any: the command answers with the poller's status. */
function lastErrorOf(status: unknown): string | undefined {
  if (typeof status !== 'object' || status === null) return undefined;
  const { failures, lastError } = status as { failures?: unknown; lastError?: { message?: unknown } };
  return typeof failures === 'number' && failures > 0 && typeof lastError?.message === 'string' ? lastError.message : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'ecommerce-screen': EcommerceScreen;
  }
}
