import { msg, str } from '@lit/localize';
import { html, nothing, render } from 'lit';
import type { PaperFormat } from '../host/printing.js';
import { formatEuro } from '../services/money.js';
import { vatSummary } from '../services/receipt/vat-summary.js';
import type { ProviderOrder } from '../services/store/order-model.js';

// Plain DOM with its style inside, not a custom element: a print path may copy the content into
// another document, where a shadow root would not come along.
const receiptStyle = `
  .locally-receipt { font: 12px/1.4 ui-monospace, monospace; max-width: 72mm; }
  .locally-receipt h1, .locally-receipt h2 { font-size: 14px; margin: 0 0 4px; }
  .locally-receipt table { width: 100%; border-collapse: collapse; }
  .locally-receipt td, .locally-receipt th { padding: 1px 0; text-align: left; font-weight: normal; }
  .locally-receipt .num { text-align: right; font-variant-numeric: tabular-nums; }
  .locally-receipt .total td { border-top: 1px dashed currentColor; font-weight: bold; }
  .locally-receipt section { margin-top: 6px; }
  .locally-receipt.a4 { font: 11pt/1.5 system-ui, sans-serif; max-width: none; width: 100%; }
  .locally-receipt.a4 h1 { font-size: 18pt; }
  .locally-receipt.a4 h2 { font-size: 14pt; }
  .locally-receipt.a4 td, .locally-receipt.a4 th { padding: 3px 0; }
  .locally-receipt.a4 section { margin-top: 16px; }
`;

export interface LocallyReceiptOptions {
  /** The heading above "Locally ontvangstbewijs". */
  readonly shopName?: string;
  /** 80 mm (the default) is narrow and monospace; A4 uses the page width in a larger, readable type. */
  readonly paper?: PaperFormat;
}

/** The Locally receipt of a paid order: lines, VAT per rate and the online payment. Provider text as text. */
export function renderLocallyReceipt(order: ProviderOrder, locale = 'nl-NL', options: LocallyReceiptOptions = {}): HTMLElement {
  const euro = (cents: number) => formatEuro(cents, locale);
  const vat = vatSummary(order.lines);
  const placed = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(order.placedAt);
  const container = document.createElement('article');
  container.className = options.paper === 'a4' ? 'locally-receipt a4' : 'locally-receipt';
  const title = msg('Locally ontvangstbewijs');
  render(
    html`
      <style>${receiptStyle}</style>
      ${options.shopName ? html`<h1>${options.shopName}</h1><h2>${title}</h2>` : html`<h1>${title}</h1>`}
      <div>${msg(str`Bestelling ${order.id}`)} · ${placed}</div>
      <div>${order.customer.firstName} ${order.customer.lastName}</div>
      <section>
        <table>
          ${order.lines.map(
            (line) => html`<tr><td>${line.quantity} × ${line.description}</td><td class="num">${euro(line.quantity * line.unitPriceCents)}</td></tr>`,
          )}
          <tr class="total"><td>${msg('Totaal')}</td><td class="num">${euro(vat.grossCents)}</td></tr>
        </table>
      </section>
      <section>
        <table>
          <tr><th>${msg('Btw')}</th><th class="num">${msg('Excl.')}</th><th class="num">${msg('Btw')}</th></tr>
          ${vat.rows.map(
            (row) => html`<tr><td>${row.rate}%</td><td class="num">${euro(row.netCents)}</td><td class="num">${euro(row.vatCents)}</td></tr>`,
          )}
          <tr class="total"><td>${msg('Totaal btw')}</td><td></td><td class="num">${euro(vat.vatCents)}</td></tr>
        </table>
      </section>
      ${order.payment
        ? html`<section>
            ${msg(str`Betaald met Stripe: ${euro(order.payment.amountCents)}`)}<br />
            ${msg(str`Kaart eindigend op ${order.payment.last4}`)}<br />
            ${msg(str`Autorisatie ${order.payment.authorizationId}`)}
          </section>`
        : nothing}
    `,
    container,
  );
  return container;
}
