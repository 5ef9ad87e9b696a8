import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { DialogService, NotificationService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import type { OrderActionEvent } from '../components/order-action-event.js';
import { orderStatusLabel } from '../services/lifecycle/order-status-labels.js';
import { OrderRepair, type ImportAgainResult } from '../services/import/order-repair.js';
import { PluginLog } from '../services/plugin-log.js';
import type { StoredOrder } from '../services/store/order-model.js';
import { errorMessage } from '../common/error-message.js';

/**
 * Carries out what staff ask on the eCommerce-verkopen screen: "Klant identificeren" and "Product
 * koppelen" in the host's modal dialogs, "Gearchiveerd" after a confirmation. The dialogs' code
 * loads on first use. Each outcome is told in a toast; a failure never passes silently.
 */
@injectable()
export class OrderRepairDialogs {
  constructor(
    @inject(OrderRepair) protected readonly repair: OrderRepair,
    @inject(HostTokens.dialogs) protected readonly dialogs: DialogService,
    @inject(HostTokens.notifications) protected readonly notifications: NotificationService,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  /** Handles one `order-action` event from the screen. */
  async handle(event: OrderActionEvent): Promise<void> {
    try {
      if (event.action === 'identify-customer') await this.identifyCustomer(event.order);
      else if (event.action === 'link-products') await this.linkProducts(event.order);
      else await this.archive(event.order);
    } catch (error) {
      this.log.error(`Order action ${event.action} on ${event.order.orderId} failed`, error);
      this.notifications.notify(errorMessage(error), 'error');
    }
  }

  async identifyCustomer(order: StoredOrder): Promise<void> {
    const { CustomerIdentifyDialog } = await import('../components/customer-identify-dialog.js');
    const dialog = new CustomerIdentifyDialog();
    let result: ImportAgainResult | undefined;
    dialog.order = order;
    dialog.search = (query) => this.repair.searchCustomers(query);
    dialog.closeMatches = () => this.repair.closeMatches(order);
    dialog.choose = async (customer) => (result = await this.repair.chooseCustomer(order, customer));
    dialog.createCustomer = async () => (result = await this.repair.createCustomer(order));
    await this.dialogs.showModal({ title: msg('Klant identificeren'), content: dialog }).closed;
    if (result) this.tell(order, result);
  }

  async linkProducts(order: StoredOrder): Promise<void> {
    const { ProductLinkDialog } = await import('../components/product-link-dialog.js');
    const dialog = new ProductLinkDialog();
    let result: ImportAgainResult | undefined;
    let archived = false;
    dialog.order = order;
    dialog.lineStates = () => this.repair.lineStates(order);
    dialog.search = (text) => this.repair.searchProducts(text);
    dialog.link = (lineIndex, product) => this.repair.linkProduct(order, lineIndex, product);
    dialog.createProduct = (lineIndex) => this.repair.createProduct(order, lineIndex);
    dialog.handleSale = async () => (result = await this.repair.importAgain(order));
    dialog.archive = async () => {
      await this.repair.archive(order);
      archived = true;
    };
    await this.dialogs.showModal({ title: msg('Product koppelen'), content: dialog }).closed;
    if (archived) this.notifications.notify(msg(str`Bestelling ${order.orderId} is gearchiveerd.`));
    else if (result) this.tell(order, result);
  }

  /** "Gearchiveerd": for an order staff handle by hand; asked first, since the import will not touch it again. */
  async archive(order: StoredOrder): Promise<void> {
    const answer = await this.dialogs.confirm({
      title: msg('Gearchiveerd'),
      message: msg(str`Bestelling ${order.orderId} archiveren? Ze wordt niet geïmporteerd; handel haar zelf af in de kassa.`),
      actions: [{ id: 'archive', label: msg('Archiveren') }],
    });
    if (answer !== 'archive') return;
    await this.repair.archive(order);
    this.notifications.notify(msg(str`Bestelling ${order.orderId} is gearchiveerd.`));
  }

  protected tell(order: StoredOrder, result: ImportAgainResult): void {
    if (result.status === 'new') this.notifications.notify(msg(str`Bestelling ${order.orderId} is geïmporteerd en staat op Nieuw.`));
    else this.notifications.notify(msg(str`Bestelling ${order.orderId}: ${orderStatusLabel(result.status)}. ${result.problems.join(' ')}`), 'warning');
  }
}
