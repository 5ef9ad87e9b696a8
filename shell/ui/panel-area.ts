import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ShellHostElement } from './shell-host-element.js';

/** The open panels, each a region named by its title, with the plugin's element and "Sluiten". */
@customElement('panel-area')
export class PanelArea extends ShellHostElement {
  static override styles = css`
    :host { display: block; }
    section { border: 1px solid #1f3a5a; border-radius: 6px; margin-bottom: 0.75rem; background: #fff; }
    header { display: flex; align-items: center; justify-content: space-between; padding: 0.25rem 0.75rem; background: #eef3f9; }
    h2 { font-size: 1.1rem; margin: 0; }
    .content { padding: 0.75rem; }
  `;


  override render() {
    const host = this.host;
    if (!host) return nothing;
    return repeat(
      host.panels.open,
      (panel) => panel.id,
      (panel) => {
        const title = host.locale.text(panel.entry.declaration.title);
        return html`<section role="region" aria-label=${title} data-panel=${panel.id}>
          <header>
            <h2>${title}</h2>
            <button @click=${() => host.panels.close(panel.id)}>${msg('Sluiten')}</button>
          </header>
          <div class="content">${panel.element}</div>
        </section>`;
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-area': PanelArea;
  }
}
