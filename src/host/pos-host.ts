import type { Clock } from './clock.js';
import type { CommandService } from './commands.js';
import type { ContextKeyService } from './context-keys.js';
import type { CustomerService } from './customers.js';
import type { DialogService } from './dialogs.js';
import type { LocaleService } from './locale.js';
import type { MailService } from './mail.js';
import type { PluginManifest } from './manifest.js';
import type { MenuService } from './menus.js';
import type { NotificationService } from './notifications.js';
import type { PanelService } from './panels.js';
import type { PaymentService } from './payments.js';
import type { PluginService } from './plugins.js';
import type { PrintService } from './printing.js';
import type { ProductService } from './products.js';
import type { SecretStorage } from './secrets.js';
import type { SessionService } from './session.js';
import type { SettingsService } from './settings.js';
import type { TileService } from './tiles.js';
import type { TransactionService } from './transactions.js';

/** The host API version this contract describes; the manifest's `engines["pos-shell"]` is matched against it. */
export const HOST_API_VERSION = '1.0.0';

/** What the shell tells a plugin about itself. */
export interface PluginContext {
  /** The plugin's parsed plugin.json. */
  readonly manifest: PluginManifest;
  /**
   * A name unique to this plugin in this shell profile, to name the plugin's own storage with
   * (IndexedDB databases, BroadcastChannels, Web Locks), so two shells in one browser never share them.
   */
  readonly storageName: string;
}

/**
 * The whole shell API handed to `activate(host)`: small capabilities, combined per surface below.
 * The host given to a plugin is scoped to it: registrations are checked against its manifest.
 */
export interface PosHost {
  /** The host API version this shell serves. */
  readonly apiVersion: string;
  readonly plugin: PluginContext;
  readonly tiles: TileService;
  readonly notifications: NotificationService;
  readonly panels: PanelService;
  readonly commands: CommandService;
  readonly menus: MenuService;
  readonly context: ContextKeyService;
  readonly customers: CustomerService;
  readonly products: ProductService;
  readonly transactions: TransactionService;
  readonly payments: PaymentService;
  readonly printing: PrintService;
  readonly dialogs: DialogService;
  readonly mail: MailService;
  readonly secrets: SecretStorage;
  readonly settings: SettingsService;
  readonly session: SessionService;
  readonly locale: LocaleService;
  readonly clock: Clock;
  /** The APIs of the plugins this one names in `extensionDependencies`. */
  readonly plugins: PluginService;
}

/** What code on the desktop needs. */
export type DesktopApi = Pick<PosHost, 'tiles' | 'panels' | 'notifications' | 'commands' | 'locale'>;
/** What code in the transaction window needs. */
export type TransactionWindowApi = Pick<PosHost, 'transactions' | 'payments' | 'printing' | 'dialogs' | 'locale'>;
/** What the order import needs. */
export type ImportApi = Pick<PosHost, 'customers' | 'products' | 'transactions' | 'clock'>;
