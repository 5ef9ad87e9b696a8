import { msg, str } from '@lit/localize';
import { DisposableCollection } from '../../src/common/disposable.js';
import { Emitter, type Event } from '../../src/common/event.js';
import type { CommandAvailability, CommandContext } from '../../src/host/commands.js';
import type { ContextValue } from '../../src/host/context-keys.js';
import type { Language } from '../../src/host/locale.js';
import type { MenuId, MenuItem } from '../../src/host/menus.js';
import type { ManifestCommand, PluginManifest } from '../../src/host/manifest.js';
import type { PosHost } from '../../src/host/pos-host.js';
import type { Transaction } from '../../src/host/transactions.js';
import { openShellData, type ShellData } from '../data/index.js';
import { CommandRegistry } from './command-registry.js';
import { ContextKeyRegistry } from './context-key-registry.js';
import { DialogQueue } from './dialog-queue.js';
import { HostStore } from './host-store.js';
import { MailOutbox } from './mail-outbox.js';
import { MenuRegistry } from './menu-registry.js';
import { MessageCenter } from './message-center.js';
import { PanelRegistry } from './panel-registry.js';
import { PluginRegistry } from './plugin-registry.js';
import { PrintQueue } from './print-queue.js';
import { createScopedHost } from './scoped-host.js';
import { SettingsRegistry } from './settings-registry.js';
import type { ShellOption } from './shell-options.js';
import { ShellClock } from './shell-clock.js';
import { ShellLocale } from './shell-locale.js';
import { ShellSession } from './shell-session.js';
import { TileRegistry } from './tile-registry.js';

export interface ShellHostOptions {
  /** The shell's IndexedDB name; the host's own settings and secrets live in `<dbName>-host`. */
  readonly dbName: string;
  /** Defaults to a real-time clock. Tests pass `new ShellClock({ realTime: false, start })`. */
  readonly clock?: ShellClock;
  /** Fill an empty database with the bike shop's demo data. Default true. */
  readonly seed?: boolean;
  /** The user signed in at start; default "anne". */
  readonly userId?: string;
  readonly language?: Language;
}

/** A plain, JSON-comparable description of everything plugins contributed. */
export interface ShellSnapshot {
  readonly tiles: readonly string[];
  readonly sources: readonly string[];
  readonly panels: readonly string[];
  readonly commands: readonly string[];
  readonly menus: Readonly<Record<string, readonly MenuItem[]>>;
  readonly contextKeys: Readonly<Record<string, ContextValue>>;
  readonly openPanels: readonly string[];
  /** Subscriptions to the host's events, price-change guards, pending clock timers and plugins' translation registrations: a plugin that forgot one shows here. */
  readonly listeners: Readonly<
    Record<'transactions' | 'priceChangeGuards' | 'session' | 'locale' | 'translations' | 'settings' | 'clockTimers', number>
  >;
  /** Dialogs still open. */
  readonly openDialogs: number;
}

/** A menu item as shown: its title in the current language. */
export interface ResolvedMenuItem extends MenuItem {
  readonly title: string;
}

/** The question asked when a fully paid transaction is saved (its Dutch title, as tests look for it). */
export const FINALIZE_PROMPT_TITLE = 'Volledige transactie betaald';

/** Action ids of the finalize prompt. */
export const FINALIZE_ACTION = 'finalize';
export const KEEP_OPEN_ACTION = 'keep-open';

/**
 * The reference POS shell without its UI: every registry of the host contract, the shell's data,
 * and the state the UI renders (transaction windows, dialogs, prints, messages, panels).
 * {@link forPlugin} gives a plugin its scoped {@link PosHost}.
 */
export class ShellHost {
  readonly context: ContextKeyRegistry;
  readonly tiles = new TileRegistry();
  readonly panels = new PanelRegistry();
  readonly commands: CommandRegistry;
  readonly menus = new MenuRegistry();
  readonly messages: MessageCenter;
  readonly dialogs = new DialogQueue();
  readonly printing: PrintQueue;
  readonly mail: MailOutbox;
  readonly session: ShellSession;
  readonly locale: ShellLocale;
  /** The plugins loaded into this shell, by id: their APIs for `host.plugins.getApi`. */
  readonly plugins = new PluginRegistry();
  /** The shell's own settings ("Kassa" in Instellingen); none unless the page that starts the shell adds some. */
  readonly shellOptions: ShellOption[] = [];

  protected windows: string[] = [];
  protected active: string | undefined;
  protected readonly toDispose = new DisposableCollection();
  protected readonly onDidChangeEmitter = new Emitter<void>();
  /** Fires when anything the UI shows may have changed. */
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;
  protected readonly onDidOpenWindowEmitter = new Emitter<string>();
  /** Fires with a transaction id when its window is opened or brought forward (the UI focuses it). */
  readonly onDidOpenWindow: Event<string> = this.onDidOpenWindowEmitter.event;

  constructor(
    readonly dbName: string,
    readonly clock: ShellClock,
    readonly data: ShellData,
    protected readonly store: HostStore,
    readonly settings: SettingsRegistry,
    options: { userId?: string; language?: Language } = {},
  ) {
    this.context = new ContextKeyRegistry((error) => this.reportError(error));
    this.locale = new ShellLocale(options.language);
    this.session = new ShellSession(undefined, options.userId);
    this.commands = new CommandRegistry((text) => this.locale.text(text));
    this.messages = new MessageCenter(() => this.clock.now());
    this.printing = new PrintQueue(() => this.clock.now());
    this.mail = new MailOutbox(() => this.clock.now());

    const changed = () => this.onDidChangeEmitter.fire();
    this.toDispose.push(
      this.context,
      this.tiles,
      this.panels,
      this.commands,
      this.menus,
      this.messages,
      this.dialogs,
      this.printing,
      this.mail,
      this.session,
      this.locale,
      this.settings,
      this.onDidChangeEmitter,
      this.onDidOpenWindowEmitter,
      this.context.onDidChange(changed),
      this.tiles.onDidChange(changed),
      this.panels.onDidChange(changed),
      this.commands.onDidChange(changed),
      this.menus.onDidChange(changed),
      this.messages.onDidChange(changed),
      this.dialogs.onDidChange(changed),
      this.printing.onDidChange(changed),
      this.mail.onDidChange(changed),
      this.locale.onDidChange(changed),
      this.session.onDidChangeUser(() => this.updatePermissionKeys()),
      this.data.transactions.onDidChange(changed),
    );
    this.updatePermissionKeys();

    this.data.transactions.setWindowOpener((id) => Promise.resolve(this.openTransactionWindow(id)));
    this.data.transactions.setFinalizePrompt(async (transaction) => {
      const answer = await this.dialogs.confirm({
        title: msg('Volledige transactie betaald'),
        message: msg(str`Transactie ${transaction.barcode} is volledig betaald. Afronden als een verkoop of open laten?`),
        actions: [
          { id: FINALIZE_ACTION, label: msg('Afronden als een verkoop') },
          { id: KEEP_OPEN_ACTION, label: msg('Blijf Open') },
        ],
      });
      return answer === FINALIZE_ACTION ? 'finalize' : answer === KEEP_OPEN_ACTION ? 'keep-open' : undefined;
    });
  }

  /** The host a plugin gets: registrations are checked against its manifest. */
  forPlugin(manifest: PluginManifest): PosHost {
    return createScopedHost(this, manifest);
  }

  /** Everything plugins contributed, sorted, for comparing before activation and after deactivation. */
  snapshot(): ShellSnapshot {
    const menus: Record<string, MenuItem[]> = {};
    for (const { menu, item } of this.menus.all) {
      const clean = JSON.parse(JSON.stringify(item)) as MenuItem;
      (menus[menu] ??= []).push(clean);
    }
    const sortedMenus: Record<string, MenuItem[]> = {};
    for (const key of Object.keys(menus).sort()) sortedMenus[key] = menus[key]!;
    return {
      tiles: this.tiles.all.map((t) => t.id).sort(),
      sources: this.messages.pluginSources.map((s) => s.id).sort(),
      panels: this.panels.all.map((p) => p.id).sort(),
      commands: this.commands.all.map((c) => c.id).sort(),
      menus: sortedMenus,
      contextKeys: this.context.pluginKeys(),
      openPanels: this.panels.open.map((p) => p.id),
      listeners: {
        transactions: this.data.transactions.listenerCount,
        priceChangeGuards: this.data.transactions.priceChangeGuardCount,
        session: this.session.listenerCount,
        locale: this.locale.listenerCount,
        translations: this.locale.translationCount,
        settings: this.settings.listenerCount,
        clockTimers: this.clock.pendingTimers,
      },
      openDialogs: this.dialogs.pending.length,
    };
  }

  // --- commands and menus as the UI uses them -------------------------------------------------

  executeCommand(id: string, context: CommandContext = {}): Promise<unknown> {
    return this.commands.execute(id, context);
  }

  getAvailability(id: string, context: CommandContext = {}): Promise<CommandAvailability> {
    return this.commands.getAvailability(id, context);
  }

  /** A command's title from its manifest, in the current language. */
  commandTitle(id: string): string {
    const declaration = this.commands.get(id)?.declaration ?? this.declaredCommands.get(id);
    return declaration ? this.locale.text(declaration.title) : id;
  }

  /** Commands declared by loaded plugins, so a menu item shows its title even before its handler exists. */
  readonly declaredCommands = new Map<string, ManifestCommand>();

  /** The items of a menu whose `when` clause holds (global keys plus `overlay`), with titles. */
  visibleMenuItems(menu: MenuId, overlay?: Readonly<Record<string, ContextValue>>): ResolvedMenuItem[] {
    return this.menus
      .items(menu)
      .filter((item) => this.context.evaluate(item.when, overlay))
      .map((item) => ({ ...item, title: this.commandTitle(item.command) }));
  }

  /** The context keys of a transaction window, for `when` clauses of its toolbars. */
  transactionContext(transaction: Transaction | undefined): Record<string, ContextValue> {
    if (!transaction) return {};
    const ref = transaction.externalRef;
    return {
      'transaction.isEcommerce': ref !== undefined && ref !== '',
      'transaction.source': ref?.includes(':') ? ref.slice(0, ref.indexOf(':')) : undefined,
      'transaction.keptOpen': transaction.keptOpen,
      'transaction.finalized': transaction.state === 'finalized',
    };
  }

  // --- transaction windows ---------------------------------------------------------------------

  /** Ids of the open transaction windows, oldest first. */
  get transactionWindows(): readonly string[] {
    return this.windows;
  }

  /** The transaction window in front (the last opened or focused), if any. */
  get activeTransactionId(): string | undefined {
    return this.active;
  }

  openTransactionWindow(id: string): void {
    if (!this.windows.includes(id)) this.windows = [...this.windows, id];
    this.active = id;
    this.onDidChangeEmitter.fire();
    this.onDidOpenWindowEmitter.fire(id);
  }

  activateTransactionWindow(id: string): void {
    if (this.active === id || !this.windows.includes(id)) return;
    this.active = id;
    this.onDidChangeEmitter.fire();
  }

  closeTransactionWindow(id: string): void {
    if (!this.windows.includes(id)) return;
    this.windows = this.windows.filter((w) => w !== id);
    if (this.active === id) this.active = this.windows.at(-1);
    this.onDidChangeEmitter.fire();
  }

  /** The command context of the window in front. */
  async activeCommandContext(): Promise<CommandContext> {
    const id = this.active;
    const transaction = id ? await this.data.transactions.get(id) : undefined;
    return transaction ? { transaction } : {};
  }

  // --- the shell's own actions ----------------------------------------------------------------

  async newTransaction(): Promise<Transaction> {
    const transaction = await this.data.transactions.createCounterTransaction();
    this.openTransactionWindow(transaction.id);
    return transaction;
  }

  /** Opens the transaction with this barcode; false when there is none. */
  async openByBarcode(barcode: string): Promise<boolean> {
    const transaction = await this.data.transactions.getByBarcode(barcode.trim());
    if (!transaction) return false;
    this.openTransactionWindow(transaction.id);
    return true;
  }

  /** Restores the demo data: closes windows and dialogs first, since what they show is gone. */
  async resetDemoData(): Promise<void> {
    this.windows = [];
    this.active = undefined;
    this.dialogs.closeAll();
    await this.data.reset();
    this.onDidChangeEmitter.fire();
  }

  switchUser(id: string): void {
    this.session.switchUser(id);
  }

  setLanguage(language: Language): void {
    this.locale.setLanguage(language);
  }

  /** Reports an error to people (a toast) and developers (the console). */
  reportError(error: unknown, text = msg('Er ging iets mis.')): void {
    console.error(error);
    this.messages.notify(text, 'error');
  }

  protected updatePermissionKeys(): void {
    const all = new Set(this.session.users.flatMap((u) => u.permissions));
    for (const permission of this.session.user.permissions) all.add(permission);
    for (const permission of all)
      this.context.set(`session.permission.${permission}`, this.session.hasPermission(permission) || undefined);
  }

  protected disposed = false;

  /** True once disposed: late async work (a component still loading) should stop quietly. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clock.dispose();
    this.toDispose.dispose();
    this.data.close();
    this.store.close();
  }
}

/** Opens the shell's data and host storage and builds the host; no UI is needed. */
export async function createShellHost(options: ShellHostOptions): Promise<ShellHost> {
  const clock = options.clock ?? new ShellClock();
  const data = await openShellData({ dbName: options.dbName, clock, seed: options.seed ?? true });
  const store = await HostStore.open(`${options.dbName}-host`);
  const settings = await SettingsRegistry.load(store);
  return new ShellHost(options.dbName, clock, data, store, settings, {
    userId: options.userId,
    language: options.language,
  });
}
