import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PaneMessage } from '../host/message-center.js';
import { ShellHostElement } from './shell-host-element.js';

/**
 * The message pane ("Berichten"): every source's messages in one listbox, newest first. Arrow keys
 * move, Enter or double-click opens a message through its source. Texts render as text only.
 */
@customElement('message-pane')
export class MessagePane extends ShellHostElement {
  static override styles = css`
    :host { display: block; }
    section { display: flex; flex-direction: column; height: 100%; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    [role='listbox'] { list-style: none; margin: 0; padding: 0; overflow: auto; border: 1px solid #999; min-height: 4rem; }
    [role='option'] { padding: 0.35rem 0.5rem; border-bottom: 1px solid #ddd; cursor: default; }
    [role='option'][aria-selected='true'] { background: #1f3a5a; color: #fff; }
    [role='option']:focus { outline: 3px solid #e69500; outline-offset: -3px; }
    .meta { display: block; font-size: 0.8rem; }
    .warning .severity { color: #8a5300; }
    .error .severity { color: #b00020; }
    [aria-selected='true'] .severity { color: inherit; }
    .empty { color: #555; }
  `;

  @state() protected selectedKey: string | undefined;

  override render() {
    const host = this.host;
    if (!host) return nothing;
    const messages = host.messages.messages;
    const selected = messages.find((m) => m.key === this.selectedKey) ?? messages[0];
    return html`<section role="region" aria-labelledby="title">
      <h2 id="title">${msg('Berichten')}</h2>
      ${messages.length === 0 ? html`<p class="empty">${msg('Geen berichten.')}</p>` : nothing}
      <ul role="listbox" aria-labelledby="title" ?hidden=${messages.length === 0} @keydown=${this.onKey}>
        ${messages.map((m) => this.renderOption(m, m === selected))}
      </ul>
    </section>`;
  }

  protected renderOption(item: PaneMessage, selected: boolean) {
    const host = this.host!;
    const source = host.messages.getSource(item.sourceId);
    const sourceTitle = source ? host.locale.text(source.title) : item.sourceId;
    const time = new Intl.DateTimeFormat(host.locale.locale, { dateStyle: 'short', timeStyle: 'short' }).format(
      item.message.time,
    );
    const severity = { info: '', warning: msg('Waarschuwing: '), error: msg('Fout: ') }[item.message.severity];
    // Text bindings only: a provider's text never becomes markup.
    return html`<li
      role="option"
      class=${item.message.severity}
      data-key=${item.key}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${selected ? 0 : -1}
      @click=${() => this.select(item.key)}
      @dblclick=${() => this.open(item)}
    >
      <span class="severity">${severity}</span>${item.message.text}
      <span class="meta">${sourceTitle} · ${time}</span>
    </li>`;
  }

  protected async select(key: string, focus = false): Promise<void> {
    this.selectedKey = key;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[role='option'][aria-selected='true']`)?.focus();
  }

  protected open(item: PaneMessage): void {
    this.host?.messages.openMessage(item.sourceId, item.message.id);
  }

  protected onKey(event: KeyboardEvent): void {
    const messages = this.host?.messages.messages ?? [];
    if (messages.length === 0) return;
    const at = Math.max(
      0,
      messages.findIndex((m) => m.key === this.selectedKey),
    );
    const go = (index: number) => void this.select(messages[Math.min(Math.max(index, 0), messages.length - 1)]!.key, true);
    switch (event.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(messages.length - 1);
        break;
      case 'Enter':
        this.open(messages[at]!);
        break;
      default:
        return;
    }
    event.preventDefault();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'message-pane': MessagePane;
  }
}
