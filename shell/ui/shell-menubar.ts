import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CommandAvailability } from '../../src/host/commands.js';
import type { ContextValue } from '../../src/host/context-keys.js';
import type { MenuId } from '../../src/host/menus.js';
import { ShellActions } from './shell-actions.js';
import { ShellHostElement } from './shell-host-element.js';

interface MenuEntry {
  readonly key: string;
  readonly label: string;
  readonly group: string;
  /** Why it cannot run now; undefined when it can. */
  readonly disabledReason?: string;
  run(): unknown;
}

interface TopMenu {
  readonly label: string;
  readonly entries: readonly MenuEntry[];
}

/**
 * The menu bar (ARIA menubar pattern): Bestand, Bekijken, Gereedschap. Contributed items follow
 * their `when` clause (hidden when false) and their command's availability (shown disabled with
 * the reason when unavailable).
 */
@customElement('shell-menubar')
export class ShellMenubar extends ShellHostElement {
  static override styles = css`
    :host { display: block; background: #1f3a5a; color: #fff; }
    [role='menubar'] { display: flex; gap: 0.25rem; padding: 0.25rem 0.5rem; margin: 0; }
    .top { position: relative; }
    button { font: inherit; }
    .top > button {
      background: none; border: 1px solid transparent; color: inherit; padding: 0.35rem 0.75rem; border-radius: 4px;
    }
    .top > button[aria-expanded='true'], .top > button:hover, .top > button:focus-visible {
      background: #2f5a8a; border-color: #fff;
    }
    [role='menu'] {
      position: absolute; top: 100%; left: 0; z-index: 20; min-width: 16rem; display: flex; flex-direction: column;
      background: #fff; color: #111; border: 1px solid #555; border-radius: 4px; padding: 0.25rem 0;
      box-shadow: 0 4px 12px rgb(0 0 0 / 25%);
    }
    [role='menu'] button {
      text-align: left; background: none; border: none; padding: 0.4rem 1rem; color: inherit;
    }
    [role='menu'] button:focus, [role='menu'] button:hover { background: #dde8f5; outline: 2px solid #1f3a5a; }
    [role='menu'] button[aria-disabled='true'] { color: #595959; }
    [role='separator'] { border-top: 1px solid #ccc; margin: 0.25rem 0; }
    .reason { display: block; font-size: 0.8em; }
    [hidden] { display: none !important; }
  `;

  /** The open menu's index, -1 when none is open. */
  @state() protected openIndex = -1;
  /** The top item that takes Tab focus (roving tabindex). */
  @state() protected topIndex = 0;
  @state() protected overlay: Record<string, ContextValue> = {};
  @state() protected availability = new Map<string, CommandAvailability>();
  protected refreshSeq = 0;

  protected override hostChanged(): void {
    void this.refresh();
  }

  /** Loads what `when` clauses and availability depend on: the active transaction and each command's state. */
  protected async refresh(): Promise<void> {
    const host = this.host;
    if (!host) return;
    const seq = ++this.refreshSeq;
    try {
      const context = await host.activeCommandContext();
      const overlay = host.transactionContext(context.transaction);
      const commands = new Set(
        (['menubar/file', 'menubar/view', 'menubar/tools'] as MenuId[]).flatMap((m) =>
          host.menus.items(m).map((i) => i.command),
        ),
      );
      const availability = new Map<string, CommandAvailability>();
      await Promise.all([...commands].map(async (id) => availability.set(id, await host.getAvailability(id, context))));
      if (seq !== this.refreshSeq) return;
      this.overlay = overlay;
      this.availability = availability;
    } catch (error) {
      if (!host.isDisposed) host.reportError(error);
    }
  }

  protected get menus(): TopMenu[] {
    const host = this.host;
    if (!host) return [];
    const actions = new ShellActions(host);
    const contributed = (menu: MenuId): MenuEntry[] =>
      host.visibleMenuItems(menu, this.overlay).map((item, index) => {
        const availability = this.availability.get(item.command);
        return {
          key: `${menu}:${index}:${item.command}`,
          label: item.title,
          group: item.group ?? '',
          disabledReason: availability && !availability.enabled ? availability.reason : undefined,
          run: async () => {
            try {
              await host.executeCommand(item.command, await host.activeCommandContext());
            } catch (error) {
              host.reportError(error, error instanceof Error ? error.message : undefined);
            }
          },
        };
      });
    const shell = (key: string, label: string, run: () => unknown, group = 'shell'): MenuEntry => ({ key, label, group, run });
    return [
      {
        label: msg('Bestand'),
        entries: [
          shell('new', msg('Nieuwe transactie'), () => actions.newTransaction()),
          shell('open', msg('Transactie openen…'), () => actions.openTransaction()),
          ...contributed('menubar/file'),
          shell('settings', msg('Instellingen'), () => actions.openSettings(), 'settings'),
          shell('user', msg('Gebruiker wisselen'), () => actions.switchUser(), 'session'),
          shell('language', 'Taal / Language', () => actions.chooseLanguage(), 'session'),
          shell('reset', msg('Demogegevens herstellen'), () => actions.resetDemoData(), 'demo'),
        ],
      },
      { label: msg('Bekijken'), entries: contributed('menubar/view') },
      {
        label: msg('Gereedschap'),
        entries: [...contributed('menubar/tools'), shell('clock', msg('Klok verzetten'), () => actions.moveClock(), 'clock')],
      },
    ];
  }

  override render() {
    const menus = this.menus;
    return html`<div role="menubar" aria-label=${msg('Hoofdmenu')} @focusout=${this.onFocusOut}>
      ${menus.map((menu, index) => this.renderTop(menu, index))}
    </div>`;
  }

  protected renderTop(menu: TopMenu, index: number) {
    const open = this.openIndex === index;
    return html`<div class="top" role="none">
      <button
        role="menuitem"
        id="top-${index}"
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="menu-${index}"
        tabindex=${this.topIndex === index ? 0 : -1}
        @click=${() => this.toggle(index)}
        @keydown=${(e: KeyboardEvent) => this.onTopKey(e, index)}
      >
        ${menu.label}
      </button>
      <div role="menu" id="menu-${index}" aria-labelledby="top-${index}" ?hidden=${!open}>
        ${menu.entries.length === 0
          ? html`<button role="menuitem" tabindex="-1" aria-disabled="true" data-item="0" @keydown=${(e: KeyboardEvent) =>
              this.onItemKey(e, index, 0, undefined)}>
              ${msg('(geen opdrachten)')}
            </button>`
          : menu.entries.map((entry, i) => this.renderEntry(entry, index, i, menu.entries[i - 1]))}
      </div>
    </div>`;
  }

  protected renderEntry(entry: MenuEntry, menuIndex: number, index: number, previous: MenuEntry | undefined) {
    const reasonId = `reason-${menuIndex}-${index}`;
    return html`${previous && previous.group !== entry.group ? html`<div role="separator"></div>` : nothing}
      <button
        role="menuitem"
        tabindex="-1"
        data-item=${index}
        aria-disabled=${entry.disabledReason !== undefined ? 'true' : 'false'}
        aria-describedby=${entry.disabledReason !== undefined ? reasonId : nothing}
        @click=${() => this.activate(entry)}
        @keydown=${(e: KeyboardEvent) => this.onItemKey(e, menuIndex, index, entry)}
      >
        ${entry.label}
        ${entry.disabledReason !== undefined ? html`<span class="reason" id=${reasonId} aria-hidden="true">${entry.disabledReason}</span>` : nothing}
      </button>`;
  }

  protected entriesOf(menuIndex: number): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(`#menu-${menuIndex} [role='menuitem']`)];
  }

  protected topButton(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#top-${index}`);
  }

  protected async openMenu(index: number, focus: 'first' | 'last' | 'none' = 'first'): Promise<void> {
    this.openIndex = index;
    this.topIndex = index;
    void this.refresh();
    await this.updateComplete;
    const items = this.entriesOf(index);
    if (focus === 'first') items[0]?.focus();
    else if (focus === 'last') items.at(-1)?.focus();
  }

  /** Closes the open menu; `focusTop` returns focus to its item on the bar. */
  protected async closeMenu(focusTop: boolean): Promise<void> {
    const index = this.openIndex;
    this.openIndex = -1;
    await this.updateComplete;
    if (focusTop && index >= 0) this.topButton(index)?.focus();
  }

  protected toggle(index: number): void {
    if (this.openIndex === index) void this.closeMenu(true);
    else void this.openMenu(index, 'none');
  }

  protected async moveTop(from: number, delta: number, keepOpen: boolean): Promise<void> {
    const count = this.menus.length;
    const next = (from + delta + count) % count;
    this.topIndex = next;
    if (keepOpen) await this.openMenu(next, 'first');
    else {
      await this.updateComplete;
      this.topButton(next)?.focus();
    }
  }

  protected onTopKey(event: KeyboardEvent, index: number): void {
    const open = this.openIndex >= 0;
    switch (event.key) {
      case 'ArrowRight':
        void this.moveTop(index, 1, open);
        break;
      case 'ArrowLeft':
        void this.moveTop(index, -1, open);
        break;
      case 'Home':
        void this.moveTop(0, 0, open);
        break;
      case 'End':
        void this.moveTop(this.menus.length - 1, 0, open);
        break;
      case 'ArrowDown':
      case 'Enter':
      case ' ':
        void this.openMenu(index, 'first');
        break;
      case 'ArrowUp':
        void this.openMenu(index, 'last');
        break;
      case 'Escape':
        if (open) void this.closeMenu(true);
        else return;
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  protected onItemKey(event: KeyboardEvent, menuIndex: number, index: number, entry: MenuEntry | undefined): void {
    const items = this.entriesOf(menuIndex);
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(items.length - 1);
        break;
      case 'Escape':
        void this.closeMenu(true);
        break;
      case 'ArrowRight':
        void this.moveTop(menuIndex, 1, true);
        break;
      case 'ArrowLeft':
        void this.moveTop(menuIndex, -1, true);
        break;
      case 'Enter':
      case ' ':
        if (entry) this.activate(entry);
        break;
      case 'Tab':
        this.openIndex = -1;
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  protected activate(entry: MenuEntry): void {
    if (entry.disabledReason !== undefined) {
      // Say why instead of doing nothing silently.
      this.host?.messages.notify(entry.disabledReason, 'warning');
      return;
    }
    void this.closeMenu(true).then(() => entry.run());
  }

  protected onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.openIndex >= 0 && (!next || !this.renderRoot.contains(next))) this.openIndex = -1;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shell-menubar': ShellMenubar;
  }
}
