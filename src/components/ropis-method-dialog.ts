import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CLOSE_DIALOG_EVENT, type DialogService } from '../host/dialogs.js';
import { ROPIS_METHODS, ropisMethodLabel, type RopisMethod } from '../services/lifecycle/status-actions.js';
import type { StoredOrder } from '../services/store/order-model.js';

/**
 * "ROPIS bestelwijze": how a reservation ended, asked when it goes to Afgehandeld (DESIGN §4).
 * "OK" hands the choice to `choose` and closes; "Sluiten" closes without it, so the change stays staged.
 */
@customElement('locally-ropis-method-dialog')
@localized()
export class RopisMethodDialog extends LitElement {
  static override styles = css`
    :host { display: block; min-width: 20rem; }
    form { display: grid; gap: 0.75rem; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 0.75rem; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    [role='radiogroup'] { display: grid; gap: 0.25rem; }
    [role='radiogroup'] label { display: flex; gap: 0.5rem; align-items: baseline; padding: 0.2rem; }
    [role='radiogroup'] label:focus-within { outline: 2px solid #1f3a5a; }
    .buttons { display: flex; gap: 0.5rem; justify-content: flex-end; }
    button { font: inherit; padding: 0.35rem 0.8rem; }
    [role='alert'] { color: #b42318; margin: 0; }
  `;

  @property({ attribute: false }) order: StoredOrder | undefined;
  /** Receives the method staff chose with "OK"; the dialog closes right after. */
  @property({ attribute: false }) choose: ((method: RopisMethod) => void) | undefined;
  /** Chosen beforehand when the plugin can tell, e.g. "Niet opgehaald" for an emptied transaction; staff may change it. */
  @property({ attribute: false }) suggested: RopisMethod | undefined;

  @state() protected selected: RopisMethod | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('suggested') && this.selected === undefined) this.selected = this.suggested;
  }
  @state() protected error = '';

  protected override render() {
    return html`
      <form @submit=${this.onSubmit} novalidate>
        ${this.renderOrder()}
        <div role="radiogroup" aria-label=${msg('ROPIS bestelwijze')} aria-describedby="ropis-error">
          ${ROPIS_METHODS.map(
            (method) => html`<label>
              <input
                type="radio"
                name="ropis-method"
                .value=${method}
                .checked=${live(this.selected === method)}
                @change=${() => this.select(method)}
              />
              ${ropisMethodLabel(method)}
            </label>`,
          )}
        </div>
        <p id="ropis-error" role="alert">${this.error}</p>
        <div class="buttons">
          <button type="submit">${msg('OK')}</button>
          <button type="button" @click=${this.close}>${msg('Sluiten')}</button>
        </div>
      </form>
    `;
  }

  protected renderOrder() {
    const order = this.order;
    if (!order) return nothing;
    const customer = order.order?.customer;
    return html`<dl>
      <dt>${msg('Bestelling')}</dt><dd>${order.orderId}</dd>
      ${customer ? html`<dt>${msg('Klant')}</dt><dd>${`${customer.firstName} ${customer.lastName}`.trim()}</dd>` : nothing}
    </dl>`;
  }

  protected select(method: RopisMethod): void {
    this.selected = method;
    this.error = '';
  }

  protected onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const method = this.selected;
    if (method === undefined) {
      this.error = msg('Kies een bestelwijze.');
      this.renderRoot.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    this.choose?.(method);
    this.close();
  }

  protected close(): void {
    this.dispatchEvent(new CustomEvent(CLOSE_DIALOG_EVENT, { bubbles: true, composed: true }));
  }
}

/** Shows the dialog in the host's modal; resolves with the method chosen, or undefined when it closed otherwise. */
export async function askRopisMethod(dialogs: DialogService, order: StoredOrder, suggested?: RopisMethod): Promise<RopisMethod | undefined> {
  const content = new RopisMethodDialog();
  let chosen: RopisMethod | undefined;
  content.order = order;
  content.suggested = suggested;
  content.choose = (method) => {
    chosen = method;
  };
  await dialogs.showModal({ title: msg('ROPIS bestelwijze'), content }).closed;
  return chosen;
}

declare global {
  interface HTMLElementTagNameMap {
    'locally-ropis-method-dialog': RopisMethodDialog;
  }
}
