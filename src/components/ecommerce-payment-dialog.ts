import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CLOSE_DIALOG_EVENT } from '../host/dialogs.js';
import { formatLocale } from '../localization/format-locale.js';
import { formatEuro } from '../services/money.js';
import type { StoredOrder } from '../services/store/order-model.js';
import { errorMessage } from '../common/error-message.js';

export interface EcommercePaymentInput {
  readonly cardType: string;
  readonly amountCents: number;
  readonly note?: string;
}

/**
 * Card types staff can choose: the configured list (`locally.cardTypes`), trimmed and without
 * duplicates, or the built-in one, Stripe (Locally's processor) first, when that is not a non-empty
 * list of non-empty texts: a broken setting must not leave the till without a choice.
 */
export function cardTypes(configured?: unknown): readonly string[] {
  const types = Array.isArray(configured) ? configured.map((type) => (typeof type === 'string' ? type.trim() : '')) : [];
  return types.length > 0 && !types.includes('') ? [...new Set(types)] : ['Stripe', 'PayPal', msg('Overig')];
}

/** Parses "12,50", "12.50", "€ 1.234,50" or (English) "€1,234.50" to cents; undefined when it is not an amount. */
export function parseEuroCents(text: string): number | undefined {
  let cleaned = text.replace(/[€\s]/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(cleaned)) cleaned = cleaned.replace(/\./g, '');
  // English grouping only with decimals: a lone "1,234" stays unreadable rather than a thousand euros.
  else if (/^-?\d{1,3}(,\d{3})+\.\d{1,2}$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  cleaned = cleaned.replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}

/** An amount for the input field: two decimals, no grouping, no currency sign. */
function amountFormat(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
}

/** The "eCommerce" payment: Kaarttype, Bedrag, Opmerkingen; "Opslaan" records it, "Sluiten" closes. */
@customElement('locally-ecommerce-payment-dialog')
@localized()
export class EcommercePaymentDialog extends LitElement {
  static override styles = css`
    :host { display: block; min-width: 20rem; }
    form { display: grid; gap: 0.75rem; }
    label { display: grid; gap: 0.25rem; font-weight: 600; }
    input, select, textarea { font: inherit; padding: 0.35rem; }
    .buttons { display: flex; gap: 0.5rem; justify-content: flex-end; }
    [role='alert'] { color: #b42318; }
  `;

  @property({ attribute: false }) order: StoredOrder | undefined;
  @property({ type: Number }) amountDueCents = 0;
  /** The choices of "Kaarttype", the first preselected (see `cardTypes`); the built-in list when empty. */
  @property({ attribute: false }) cardTypes: readonly string[] | undefined;
  /** Records the payment on the host transaction; rejects with a reason to show. */
  @property({ attribute: false }) record: ((payment: EcommercePaymentInput) => Promise<unknown>) | undefined;

  @state() protected error = '';
  @state() protected saving = false;

  protected get isReservation(): boolean {
    return this.order?.type === 'reserve';
  }

  protected get defaultAmountCents(): number {
    const paid = this.order?.order?.payment?.amountCents;
    if (this.isReservation || this.order?.status === 'cancelled' || paid === undefined) return 0;
    return Math.min(paid, this.amountDueCents);
  }

  protected override render() {
    // In the host's locale: "12,50" in Dutch, "12.50" in English (parseEuroCents reads both).
    const amount = amountFormat(formatLocale()).format(this.defaultAmountCents / 100);
    return html`
      <form @submit=${this.onSubmit} novalidate>
        <label>${msg('Kaarttype')}
          <select name="cardType">${(this.cardTypes?.length ? this.cardTypes : cardTypes()).map((type) => html`<option>${type}</option>`)}</select>
        </label>
        <label>${msg('Bedrag')}
          <input name="amount" inputmode="decimal" .value=${amount} aria-describedby="due" />
        </label>
        <span id="due">${msg(str`Te betalen: ${formatEuro(this.amountDueCents)}`)}</span>
        <label>${msg('Opmerkingen')}
          <textarea name="note" rows="2" .value=${this.order?.order?.payment?.authorizationId ?? ''}></textarea>
        </label>
        <p role="alert">${this.error}</p>
        <p id="saving" role="status">${this.saving ? msg('Bezig met opslaan…') : ''}</p>
        <div class="buttons">
          <button type="submit" aria-disabled=${this.saving ? 'true' : 'false'} aria-describedby="saving">${msg('Opslaan')}</button>
          <button type="button" @click=${this.close}>${msg('Sluiten')}</button>
        </div>
      </form>
    `;
  }

  /** Why this amount cannot be recorded, or undefined. */
  protected problemWith(amountCents: number | undefined): string | undefined {
    if (amountCents === undefined) return msg('Vul een bedrag in, bijvoorbeeld 12,50.');
    if (amountCents < 0) return msg('Het bedrag mag niet negatief zijn.');
    if (amountCents > this.amountDueCents) return msg(str`Het bedrag is hoger dan wat nog te betalen is (${formatEuro(this.amountDueCents)}).`);
    if (this.isReservation && amountCents !== 0) return msg('Een reservering wordt in de winkel betaald; alleen € 0,00 kan hier.');
    // The money stays with the provider, whose hold is released: goods paid here would leave stock taken.
    if (this.order?.status === 'cancelled' && amountCents !== 0) return msg('De bestelling is geannuleerd; alleen € 0,00 kan hier.');
    return undefined;
  }

  protected async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const form = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const amountCents = parseEuroCents(field('amount'));
    const problem = this.problemWith(amountCents);
    if (problem || amountCents === undefined) {
      this.error = problem ?? '';
      return;
    }
    this.saving = true;
    try {
      const note = field('note');
      await this.record?.({ cardType: field('cardType'), amountCents, ...(note ? { note } : {}) });
      this.close();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.saving = false;
    }
  }

  protected close(): void {
    this.dispatchEvent(new CustomEvent(CLOSE_DIALOG_EVENT, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'locally-ecommerce-payment-dialog': EcommercePaymentDialog;
  }
}
