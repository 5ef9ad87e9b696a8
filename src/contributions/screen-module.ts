import { ContainerModule, type Newable } from 'inversify';
import { OrderRepair } from '../services/import/order-repair.js';
import { OrderDeadlines } from '../services/lifecycle/order-deadlines.js';
import { OrderLifecycleService } from '../services/lifecycle/order-lifecycle-service.js';
import { OrderColumn } from '../services/screen/order-column.js';
import { builtInOrderColumns } from '../services/screen/order-columns.js';
import { CancellationGuide } from './cancellation-guide.js';
import { EcommerceScreenFactory } from './ecommerce-screen-factory.js';
import { FinalizeQuestion } from './finalize-question.js';
import { OrderMailer } from './order-mailer.js';
import { OrderRepairDialogs } from './order-repair-dialogs.js';
import { ScreenStatusChanges } from './screen-status-changes.js';

/**
 * What only the eCommerce-verkopen screen needs: staff's status changes, repairs, e-mail, the
 * deadline column and the cancellation guide. Loaded through {@link LazyModules} when the screen first opens.
 */
export const screenModule = new ContainerModule(({ bind }) => {
  const services: readonly Newable<object>[] = [OrderRepair, OrderLifecycleService, OrderDeadlines, OrderRepairDialogs, OrderMailer, ScreenStatusChanges, EcommerceScreenFactory, FinalizeQuestion];
  for (const service of services) bind(service).toSelf().inSingletonScope();
  // The built-in columns are contributions of the OrderColumn point like any other plugin's.
  for (const column of builtInOrderColumns()) bind(OrderColumn).toConstantValue(column);
  // Holds open dialogs: closed when deactivate() unbinds the container.
  bind(CancellationGuide).toSelf().inSingletonScope().onDeactivation((guide) => guide.dispose());
});
