import { ContainerModule, type Newable } from 'inversify';
import { bindContributionProvider } from '../common/contribution-provider.js';
import { PluginLocalization } from '../localization/plugin-localization.js';
import { CheckNowCommand } from './check-now-command.js';
import { DeadlineWarnings } from './deadline-warnings.js';
import { EcommercePaymentCommand } from './ecommerce-payment-command.js';
import { EcommerceScreenOpener } from './ecommerce-screen-opener.js';
import { EcommerceScreenPanel } from './ecommerce-screen-panel.js';
import { EcommerceTile } from './ecommerce-tile.js';
import { EmptyTransactionCommand } from './empty-transaction-command.js';
import { FinalizeOffer } from './finalize-offer.js';
import {
  CommandContribution,
  NotificationSourceContribution,
  PanelContribution,
  StartupContribution,
  TileContribution,
} from './host-contribution-points.js';
import { HostContributionRegistrar } from './host-contribution-registrar.js';
import { ImportRunner } from './import-runner.js';
import { KeepOpenCommand } from './keep-open-command.js';
import { KeptOpenRecorder } from './kept-open-recorder.js';
import { OpenScreenCommand } from './open-screen-command.js';
import { OrderMessages } from './order-messages.js';
import { OrderSyncStartup } from './order-sync-startup.js';
import { OrderPriceChangeGuard } from './price-change-guard.js';
import { PrintReceiptCommand } from './print-receipt-command.js';
import { ProviderCancellationNotice } from './provider-cancellation-notice.js';
import { LifecycleListener } from '../services/lifecycle/lifecycle-listener.js';

/** Everything the plugin puts into the host, each bound to its contribution point. */
export const contributionsModule = new ContainerModule(({ bind }) => {
  for (const point of [CommandContribution, TileContribution, NotificationSourceContribution, PanelContribution, StartupContribution]) {
    bindContributionProvider(bind, point);
  }
  // One binding per contribution, straight to its point: nothing asks for these by class, and each
  // binding more costs activation time (inversify plans and caches per binding).
  const contribute = (point: symbol, implementation: Newable<object>) => {
    bind(point).to(implementation).inSingletonScope();
  };
  contribute(CommandContribution, OpenScreenCommand);
  contribute(CommandContribution, KeepOpenCommand);
  contribute(CommandContribution, EcommercePaymentCommand);
  contribute(CommandContribution, PrintReceiptCommand);
  contribute(CommandContribution, EmptyTransactionCommand);
  contribute(TileContribution, EcommerceTile);
  contribute(NotificationSourceContribution, OrderMessages);
  contribute(NotificationSourceContribution, DeadlineWarnings);
  contribute(PanelContribution, EcommerceScreenPanel);
  contribute(CommandContribution, CheckNowCommand);
  contribute(StartupContribution, PluginLocalization);
  contribute(StartupContribution, KeptOpenRecorder);
  contribute(StartupContribution, FinalizeOffer);
  contribute(StartupContribution, OrderPriceChangeGuard);
  contribute(StartupContribution, OrderSyncStartup);
  contribute(StartupContribution, ImportRunner);
  // A built-in listener of the plugin's own lifecycle point, bound as another plugin's would be registered.
  contribute(LifecycleListener, ProviderCancellationNotice);
  bind(EcommerceScreenOpener).toSelf().inSingletonScope();
  bind(HostContributionRegistrar).toSelf().inSingletonScope();
});
