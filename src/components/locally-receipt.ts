import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatEuro } from '../services/money.js';
import { vatSummary } from '../services/receipt/vat-summary.js';
import type { ProviderOrder } from '../services/store/order-model.js';

/** The Locally receipt of a paid order: lines, VAT per rate and the online payment. Text only. */
@customElement('locally-receipt')
@localized()
export class LocallyReceipt extends LitElement {
  static override styles = css`
    :host { display: block; font: 12px/1.4 ui-monospace, monospace; max-width: 72mm; }
    h1 { font-size: 14px; margin: 0 0 4px; }
    table { width: 100%; border-collapse: collapse; }
    td, th { padding: 1px 0; text-align: left; font-weight: normal; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .total td { border-top: 1px dashed currentColor; font-weight: bold; }
    section { margin-top: 6px; }
  `;

  @property({ attribute: false }) order: ProviderOrder | undefined;

  protected override render() {
    const order = this.order;
    if (!order) return nothing;
    const vat = vatSummary(order.lines);
    const placed = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short' }).format(order.placedAt);
    return html`
      <h1>${msg('Locally ontvangstbewijs')}</h1>
      <div>${msg(str`Bestelling ${order.id}`)} · ${placed}</div>
      <div>${order.customer.firstName} ${order.customer.lastName}</div>
      <section>
        <table>
          ${order.lines.map(
            (line) => html`<tr><td>${line.quantity} × ${line.description}</td><td class="num">${formatEuro(line.quantity * line.unitPriceCents)}</td></tr>`,
          )}
          <tr class="total"><td>${msg('Totaal')}</td><td class="num">${formatEuro(vat.grossCents)}</td></tr>
        </table>
      </section>
      <section>
        <table>
          <tr><th>${msg('Btw')}</th><th class="num">${msg('Excl.')}</th><th class="num">${msg('Btw')}</th></tr>
          ${vat.rows.map(
            (row) => html`<tr><td>${row.rate}%</td><td class="num">${formatEuro(row.netCents)}</td><td class="num">${formatEuro(row.vatCents)}</td></tr>`,
          )}
          <tr class="total"><td>${msg('Totaal btw')}</td><td></td><td class="num">${formatEuro(vat.vatCents)}</td></tr>
        </table>
      </section>
      ${order.payment
        ? html`<section>
            ${msg(str`Betaald met Stripe: ${formatEuro(order.payment.amountCents)}`)}<br />
            ${msg(str`Kaart eindigend op ${order.payment.last4}`)}<br />
            ${msg(str`Autorisatie ${order.payment.authorizationId}`)}
          </section>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'locally-receipt': LocallyReceipt;
  }
}
