import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ShellHost } from '../host/shell-host.js';
import { HostController } from './host-controller.js';

/** Short notices, announced politely; the live region stays in the page so additions are read out. */
@customElement('toast-region')
export class ToastRegion extends LitElement {
  static override styles = css`
    :host { position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); z-index: 50; }
    [role='status'] { display: flex; flex-direction: column; gap: 0.5rem; align-items: center; }
    p { margin: 0; padding: 0.5rem 1rem; border-radius: 6px; background: #222; color: #fff; max-width: 36rem; }
    .warning { background: #7a4a00; }
    .error { background: #9b001b; }
  `;

  @property({ attribute: false }) host?: ShellHost;

  constructor() {
    super();
    new HostController(this);
  }

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
