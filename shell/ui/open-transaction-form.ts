import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CLOSE_DIALOG_EVENT } from '../../src/host/dialogs.js';
import type { ShellHost } from '../host/shell-host.js';

/** "Transactie openen…": a barcode field (typed or scanned). */
@customElement('open-transaction-form')
@localized()
export class OpenTransactionForm extends LitElement {
  static override styles = css`
    form { display: grid; gap: 0.5rem; min-width: 18rem; }
    .error { color: #a00; }
    .buttons { display: flex; gap: 0.5rem; justify-content: flex-end; }
  `;

  @property({ attribute: false }) host?: ShellHost;
  @state() protected error = '';

  override render() {
    return html`<form @submit=${this.submit}>
      <label for="barcode">${msg('Barcode van de transactie')}</label>
      <input id="barcode" name="barcode" autocomplete="off" inputmode="numeric" autofocus required />
      <p class="error" role="alert">${this.error}</p>
      <div class="buttons">
        <button type="submit">${msg('Openen')}</button>
        <button type="button" @click=${this.close}>${msg('Sluiten')}</button>
      </div>
    </form>`;
  }

  protected async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector('input')!;
    const barcode = input.value.trim();
    if (!barcode || !this.host) return;
    if (await this.host.openByBarcode(barcode)) this.close();
    else this.error = msg('Geen transactie met deze barcode.');
  }

  protected close(): void {
    this.dispatchEvent(new CustomEvent(CLOSE_DIALOG_EVENT, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'open-transaction-form': OpenTransactionForm;
  }
}
