import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ShellHostElement } from './shell-host-element.js';

/** Short notices, announced politely; the live region stays in the page so additions are read out. */
@customElement('toast-region')
export class ToastRegion extends ShellHostElement {
  static override styles = css`
    :host { position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); z-index: 50; }
    [role='status'] { display: flex; flex-direction: column; gap: 0.5rem; align-items: center; }
    p { margin: 0; padding: 0.5rem 1rem; border-radius: 6px; background: #222; color: #fff; max-width: 36rem; }
    .warning { background: #7a4a00; }
    .error { background: #9b001b; }
  `;


  override render() {
    const toasts = this.host?.messages.toasts ?? [];
    return html`<div role="status" aria-live="polite">
      ${toasts.length === 0 ? nothing : toasts.map((t) => html`<p class=${t.severity}>${t.text}</p>`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'toast-region': ToastRegion;
  }
}
