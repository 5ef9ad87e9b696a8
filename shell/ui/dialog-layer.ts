import { msg } from '@lit/localize';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DialogRequest } from '../host/dialog-queue.js';
import type { PrintRequest } from '../host/print-queue.js';
import { deepActiveElement } from './host-controller.js';
import { printDocument } from './print-document.js';
import { ShellHostElement } from './shell-host-element.js';

/**
 * Renders the host's dialog and print queues as native modal dialogs (named by their title, closed
 * with "Sluiten" or Escape), and gives focus back to where it was when a dialog goes.
 */
@customElement('dialog-layer')
export class DialogLayer extends ShellHostElement {
  static override styles = css`
    dialog { border: 1px solid #333; border-radius: 8px; padding: 1rem 1.25rem; max-width: min(90vw, 60rem); }
    dialog::backdrop { background: rgb(0 0 0 / 35%); }
    h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; margin-top: 1rem; }
    .buttons.list { flex-direction: column; align-items: stretch; }
    button { font: inherit; padding: 0.4rem 0.9rem; }
    .default { font-weight: 700; }
    .paper-frame { background: #ccc; padding: 1rem; max-height: 70vh; overflow: auto; }
    .paper { background: #fff; color: #000; margin: 0 auto; padding: 5mm; box-shadow: 0 2px 8px rgb(0 0 0 / 30%); }
    .receipt-80mm { width: 80mm; font-family: monospace; font-size: 11px; }
    .a4 { width: 210mm; min-height: 297mm; padding: 20mm; box-sizing: border-box; }
  `;

  /** Where focus was when each dialog opened, to return it there. */
  protected readonly returnFocus = new Map<string, Element | null>();

  override render() {
    const host = this.host;
    if (!host) return nothing;
    return html`${repeat(
      host.dialogs.pending,
      (r) => `d${r.id}`,
      (r) => this.renderDialog(r),
    )}${repeat(
      host.printing.pending,
      (r) => `p${r.id}`,
      (r) => this.renderPrint(r),
    )}`;
  }

  protected renderDialog(request: DialogRequest) {
    const dismiss = () => (request.kind === 'confirm' ? request.answer(undefined) : request.close());
    const onCancel = (event: Event) => {
      // Escape: the queue decides, so the element is removed by the next render, not by the browser.
      event.preventDefault();
      dismiss();
    };
    if (request.kind === 'modal') {
      return html`<dialog data-key="d${request.id}" aria-label=${request.title} @cancel=${onCancel}>
        <h2>${request.title}</h2>
        ${request.content}
      </dialog>`;
    }
    const many = request.actions.length > 3;
    return html`<dialog data-key="d${request.id}" aria-label=${request.title} aria-describedby="msg-${request.id}" @cancel=${onCancel}>
      <h2>${request.title}</h2>
      <p id="msg-${request.id}">${request.message}</p>
      <div class="buttons ${many ? 'list' : ''}">
        ${request.actions.map(
          (action, i) =>
            html`<button class=${i === 0 ? 'default' : ''} ?autofocus=${i === 0} @click=${() => request.answer(action.id)}>
              ${action.label}
            </button>`,
        )}
        <button @click=${dismiss}>${msg('Sluiten')}</button>
      </div>
    </dialog>`;
  }

  protected renderPrint(request: PrintRequest) {
    const { document } = request;
    const onCancel = (event: Event) => {
      event.preventDefault();
      request.complete(false);
    };
    return html`<dialog data-key="p${request.id}" aria-label=${msg('Afdrukvoorbeeld')} @cancel=${onCancel}>
      <h2>${document.title}</h2>
      <div class="paper-frame">
        <div class="paper ${document.format}" role="document" aria-label=${document.title}>${document.content}</div>
      </div>
      <div class="buttons">
        <button class="default" autofocus @click=${() => this.print(request)}>${msg('Afdrukken')}</button>
        <button @click=${() => request.complete(false)}>${msg('Sluiten')}</button>
      </div>
    </dialog>`;
  }

  protected async print(request: PrintRequest): Promise<void> {
    try {
      await printDocument(request.document);
      request.complete(true);
    } catch (error) {
      this.host?.reportError(error, msg('Afdrukken is mislukt.'));
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const present = new Set<string>();
    for (const dialog of this.renderRoot.querySelectorAll<HTMLDialogElement>('dialog')) {
      const key = dialog.dataset.key!;
      present.add(key);
      if (!dialog.open) {
        this.returnFocus.set(key, deepActiveElement());
        dialog.showModal();
      }
    }
    for (const [key, element] of this.returnFocus) {
      if (present.has(key)) continue;
      this.returnFocus.delete(key);
      if (element instanceof HTMLElement && element.isConnected && present.size === 0) element.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialog-layer': DialogLayer;
  }
}
