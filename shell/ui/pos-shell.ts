import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Disposable } from '../../src/common/disposable.js';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import './dialog-layer.js';
import './message-pane.js';
import './panel-area.js';
import './shell-desktop.js';
import './shell-menubar.js';
import './toast-region.js';
import './transaction-window.js';
import type { TransactionWindow } from './transaction-window.js';
import { ShellHostElement } from './shell-host-element.js';

/**
 * The reference POS shell's screen: menu bar, desktop with tiles, panels, transaction windows,
 * the message pane, dialogs and toasts, all drawn from one {@link ShellHost}.
 */
@customElement('pos-shell')
export class PosShell extends ShellHostElement {
  static override styles = css`
    :host {
      display: grid; grid-template-rows: auto 1fr; height: 100%; min-height: 100vh;
      font-family: system-ui, sans-serif; color: #111; background: #f4f6f8;
    }
    .body { display: grid; grid-template-columns: 1fr 22rem; gap: 1rem; padding: 1rem; min-height: 0; }
    main { display: flex; flex-direction: column; gap: 1rem; min-width: 0; }
    h1 { font-size: 1rem; margin: 0; position: absolute; left: -9999px; }
    aside { min-height: 0; }
    .user { font-size: 0.85rem; color: #333; margin: 0; }
    @media (max-width: 900px) { .body { grid-template-columns: 1fr; } }
  `;

  protected openSubscription: Disposable | undefined;

  /** The Locally simulator the shell runs (npm start); offers its tile and panel when set. */
  @property({ attribute: false }) simulator?: LocallySimulator;
  @state() protected simulatorOpen = false;

  /** The panel's code loads when it is first opened, not with the shell. */
  protected async openSimulator(): Promise<void> {
    await import('./simulator-panel.js');
    this.simulatorOpen = true;
    await this.updateComplete;
    const panel = this.renderRoot.querySelector('simulator-panel');
    await panel?.updateComplete;
    panel?.scrollIntoView?.({ block: 'nearest' });
    panel?.focus();
  }

  override updated(): void {
    // Follow the host's "window opened" to put focus in the new window.
    if (this.host && !this.openSubscription)
      this.openSubscription = this.host.onDidOpenWindow((id) => void this.focusWindow(id));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.openSubscription?.dispose();
    this.openSubscription = undefined;
  }

  protected async focusWindow(id: string): Promise<void> {
    await this.updateComplete;
    const window = this.renderRoot.querySelector<TransactionWindow>(`transaction-window[data-id="${CSS.escape(id)}"]`);
    window?.scrollIntoView?.({ block: 'nearest' });
    await window?.focusEntry();
  }

  override render() {
    const host = this.host;
    if (!host) return nothing;
    return html`<header>
        <shell-menubar .host=${host}></shell-menubar>
      </header>
      <div class="body">
        <main>
          <h1>${msg('Kassa')}</h1>
          <p class="user">${msg('Aangemeld:')} ${host.session.user.name}</p>
          <shell-desktop .host=${host} .simulatorTile=${this.simulator !== undefined} @open-simulator=${() => this.openSimulator()}></shell-desktop>
          <panel-area .host=${host}></panel-area>
          ${this.simulator && this.simulatorOpen
            ? html`<simulator-panel .simulator=${this.simulator} @simulator-close=${() => (this.simulatorOpen = false)}></simulator-panel>`
            : nothing}
          ${repeat(
            [...host.transactionWindows].reverse(),
            (id) => id,
            (id) => html`<transaction-window data-id=${id} .host=${host} .transactionId=${id}></transaction-window>`,
          )}
        </main>
        <aside>
          <message-pane .host=${host}></message-pane>
        </aside>
      </div>
      <dialog-layer .host=${host}></dialog-layer>
      <toast-region .host=${host}></toast-region>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-shell': PosShell;
  }
}
