import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Observable } from 'rxjs';
import { formatEuro } from '../services/money.js';
import { orderStatusLabel, orderTypeLabel } from '../services/lifecycle/order-status-labels.js';
import type { OutboxMessage, StoredOrder } from '../services/store/order-model.js';
import { outboxStateLabel } from '../services/lifecycle/order-status-labels.js';
import { ObservableController } from './observable-controller.js';

/**
 * The eCommerce-verkopen screen: the stored orders, newest first. The host's panel region around it
 * carries the name "eCommerce-verkopen".
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
        <button type="button" aria-disabled=${this.checking ? 'true' : 'false'} @click=${this.onCheckNow}>${msg('Nu controleren')}</button>
        <span role="status">${this.checkResult}</span>
      </div>
      ${this.renderOrders()}
    `;
  }

  protected renderOrders() {
    const orders = [...(this.ordersController.value ?? [])].sort((a, b) => b.placedAt - a.placedAt);
    if (!orders.length) return html`<p class="empty">${msg('Er zijn nog geen eCommerce-bestellingen.')}</p>`;
    const outboxByOrder = Map.groupBy(this.outboxController.value ?? [], (m) => `${m.source}:${m.orderId}`);
    const dateTime = new Intl.DateTimeFormat(this.locale, { dateStyle: 'short', timeStyle: 'short' });
    return html`
      <table aria-label=${msg('eCommerce-bestellingen')}>
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
            (order) => html`
              <tr>
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
