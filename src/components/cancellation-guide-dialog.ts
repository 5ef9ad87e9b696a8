import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CLOSE_DIALOG_EVENT } from '../host/dialogs.js';
import type { EmptyingReason, EmptyingStep } from '../services/lifecycle/empty-transaction-plan.js';
import { formatEuro } from '../services/money.js';
import type { StoredOrder } from '../services/store/order-model.js';
import { errorMessage } from '../common/error-message.js';

/**
 * The rest of the shop's cancellation procedure after "Annuleren" (DESIGN §8), also used for a
 * reservation that was never picked up: what the provider does with the money, the steps with what is
 * done, the editable note, and one button that empties the transaction. The work is done by `empty`;
 * the shell's "Volledige transactie betaald" and the plugin's "Afgehandeld" follow after it closes.
 */
@customElement('locally-cancellation-guide-dialog')
@localized()
export class CancellationGuideDialog extends LitElement {
  static override styles = css`
    :host { display: block; width: min(34rem, 90vw); }
    p { margin: 0 0 0.6rem; }
    ol { margin: 0 0 0.6rem; padding-left: 1.4rem; }
    li.done { color: #145214; }
    li .state { font-size: 0.85rem; margin-left: 0.35rem; }
    form { display: grid; gap: 0.6rem; }
    label { display: grid; gap: 0.25rem; font-weight: 600; }
    textarea { font: inherit; padding: 0.35rem; min-height: 3.5rem; }
    .buttons { display: flex; gap: 0.5rem; justify-content: flex-end; }
    button { font: inherit; padding: 0.35rem 0.8rem; }
    [role='alert'] { color: #b42318; margin: 0; }
    [role='status'] { margin: 0; }
  `;

  @property({ attribute: false }) order: StoredOrder | undefined;
  @property() reason: EmptyingReason = 'cancelled';
  @property({ attribute: false }) steps: readonly EmptyingStep[] = [];
  /** The notes proposed for "Opmerkingen", editable. */
  @property() notes = '';
  /** Empties the transaction with these notes; rejects with a reason to show. */
  @property({ attribute: false }) empty: ((notes: string) => Promise<void>) | undefined;

  @state() protected error = '';
  @state() protected busy = false;

  protected override render() {
    return html`
      <p>${this.explanation()}</p>
      <ol aria-label=${msg('Stappen')}>
        ${this.steps.map(
          (step) => html`<li class=${step.done ? 'done' : ''}>
            ${step.label}<span class="state">${step.done ? msg('(gedaan)') : msg('(nog te doen)')}</span>
          </li>`,
        )}
      </ol>
      <form @submit=${this.onSubmit} novalidate>
        <label>${msg('Opmerkingen')}
          <textarea name="notes" .value=${this.notes} @input=${(e: InputEvent) => (this.notes = (e.target as HTMLTextAreaElement).value)}></textarea>
        </label>
        <p role="alert">${this.error}</p>
        <p id="busy" role="status">${this.busy ? msg('Bezig met leegmaken…') : ''}</p>
        <div class="buttons">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'} aria-describedby="busy">${msg('Transactie leegmaken en afronden')}</button>
          <button type="button" @click=${this.close}>${msg('Sluiten')}</button>
        </div>
      </form>
    `;
  }

  /** What happens to the customer's money, in the provider's words where it has them. */
  protected explanation(): string {
    const order = this.order;
    const id = order?.orderId ?? '';
    if (this.reason === 'not-picked-up') {
      return msg(str`Reservering ${id} is niet opgehaald. Er is online niets betaald; de artikelen gaan terug in de voorraad.`);
    }
    const paid = order?.type === 'buy' ? (order.order?.payment?.amountCents ?? 0) : 0;
    if (paid > 0) {
      return msg(
        str`Locally krijgt de annulering van bestelling ${id} door en geeft de betalingsreservering van ${formatEuro(paid)} vrij. Volgens Locally kan het tot twee weken duren voordat de bank van de klant dat laat zien.`,
      );
    }
    return msg(str`Locally krijgt de annulering van bestelling ${id} door. Er is online niets afgeschreven.`);
  }

  protected async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await this.empty?.(this.notes);
      this.close();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  protected close(): void {
    this.dispatchEvent(new CustomEvent(CLOSE_DIALOG_EVENT, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'locally-cancellation-guide-dialog': CancellationGuideDialog;
  }
}
