import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TileState } from '../../src/host/tiles.js';
import type { TileEntry } from '../host/tile-registry.js';
import { ShellActions } from './shell-actions.js';
import { ShellHostElement } from './shell-host-element.js';

/** The desktop: the shell's own tiles, then the plugins' tiles whose `when` clause holds. */
@customElement('shell-desktop')
export class ShellDesktop extends ShellHostElement {
  static override styles = css`
    :host { display: block; }
    ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0; padding: 0; }
    button {
      position: relative; width: 9.5rem; height: 6rem; font: inherit; font-weight: 600; border-radius: 8px;
      border: 1px solid #1f3a5a; background: #eef3f9; color: #1f3a5a; cursor: pointer; padding: 0.5rem;
    }
    button:hover, button:focus-visible { background: #d3e1f1; outline: 3px solid #1f3a5a; }
    .badge {
      position: absolute; top: -0.5rem; right: -0.5rem; min-width: 1.5rem; padding: 0.1rem 0.4rem; border-radius: 1rem;
      background: #b00020; color: #fff; font-size: 0.85rem;
    }
  `;

  /** Show the "Locally-simulator" tile (the shell runs the simulator); pressing it fires `open-simulator`. */
  @property({ type: Boolean, attribute: false }) simulatorTile = false;

  override render() {
    const host = this.host;
    if (!host) return nothing;
    const actions = new ShellActions(host);
    const tiles = host.tiles.all.filter((t) => host.context.evaluate(t.declaration.when));
    return html`<ul aria-label=${msg('Tegels')}>
      <li><button @click=${() => actions.newTransaction()}>${msg('Nieuwe transactie')}</button></li>
      <li><button @click=${() => actions.listTransactions()}>${msg('Transacties')}</button></li>
      ${tiles.map((tile) => this.renderTile(tile))}
      ${this.simulatorTile
        ? html`<li>
            <button data-tile="shell.locallySimulator" @click=${() => this.dispatchEvent(new CustomEvent('open-simulator', { bubbles: true, composed: true }))}>
              ${msg('Locally-simulator')}
            </button>
          </li>`
        : nothing}
    </ul>`;
  }

  protected renderTile(tile: TileEntry) {
    let state: TileState;
    try {
      state = tile.provider.getState();
    } catch (error) {
      console.error(`Tile "${tile.id}" failed`, error);
      state = { label: this.host!.locale.text(tile.declaration.title) };
    }
    // The label is the accessible name (it already says the count); the badge is for the eye only.
    return html`<li>
      <button data-tile=${tile.id} @click=${() => this.open(tile)}>
        ${state.label}
        ${state.badge ? html`<span class="badge" aria-hidden="true">${state.badge}</span>` : nothing}
      </button>
    </li>`;
  }

  protected open(tile: TileEntry): void {
    try {
      tile.provider.open();
    } catch (error) {
      this.host?.reportError(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shell-desktop': ShellDesktop;
  }
}
