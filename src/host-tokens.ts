import { ContainerModule } from 'inversify';
import type { PosHost } from './host/index.js';

/**
 * Injection tokens for the host and each of its capabilities, so a service asks only for what it
 * uses: `@inject(HostTokens.transactions) protected readonly transactions: TransactionService`.
 */
export const HostTokens = {
  host: Symbol('PosHost'),
  plugin: Symbol('PluginContext'),
  tiles: Symbol('TileService'),
  notifications: Symbol('NotificationService'),
  panels: Symbol('PanelService'),
  commands: Symbol('CommandService'),
  menus: Symbol('MenuService'),
  context: Symbol('ContextKeyService'),
  customers: Symbol('CustomerService'),
  products: Symbol('ProductService'),
  transactions: Symbol('TransactionService'),
  payments: Symbol('PaymentService'),
  printing: Symbol('PrintService'),
  dialogs: Symbol('DialogService'),
  mail: Symbol('MailService'),
  secrets: Symbol('SecretStorage'),
  settings: Symbol('SettingsService'),
  session: Symbol('SessionService'),
  locale: Symbol('LocaleService'),
  clock: Symbol('Clock'),
  plugins: Symbol('PluginService'),
  manifest: Symbol('PluginManifest'),
} as const;

type Capability = Exclude<keyof typeof HostTokens, 'host' | 'manifest'>;

/** Binds the host handed to `activate` and each of its capabilities. */
export function hostModule(host: PosHost): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(HostTokens.host).toConstantValue(host);
    bind(HostTokens.manifest).toConstantValue(host.plugin.manifest);
    for (const capability of Object.keys(HostTokens) as (keyof typeof HostTokens)[]) {
      if (capability === 'host' || capability === 'manifest') continue;
      bind(HostTokens[capability]).toConstantValue(host[capability satisfies Capability]);
    }
  });
}
