import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { CommandAvailability, CommandContext, LocaleService, PrintService, SettingsService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import type { StoredOrder } from '../services/store/order-model.js';
import { TransactionOrders } from '../services/transaction-orders.js';
import { CommandIds, LOCALLY_SOURCE } from './contribution-ids.js';
import type { CommandContribution } from './host-contribution-points.js';
import { AVAILABLE, unavailable } from './transaction-availability.js';

/** Gereedschap › "Locally Ontvangstbewijs afdrukken": the receipt of a paid Locally order. */
@injectable()
export class PrintReceiptCommand implements CommandContribution {
  readonly commandId = CommandIds.printReceipt;

  constructor(
    @inject(HostTokens.printing) protected readonly printing: PrintService,
    @inject(HostTokens.locale) protected readonly locale: LocaleService,
    @inject(TransactionOrders) protected readonly transactionOrders: TransactionOrders,
    @inject(HostTokens.settings) protected readonly settings: SettingsService,
  ) {}

  async getAvailability(context: CommandContext): Promise<CommandAvailability> {
    const order = await this.paidLocallyOrder(context);
    return order ? AVAILABLE : unavailable(msg('Alleen beschikbaar op de transactie van een betaalde Locally-bestelling.'));
  }

  async execute(context: CommandContext): Promise<void> {
    const order = await this.paidLocallyOrder(context);
    if (!order?.order) return;
    const { renderLocallyReceipt } = await import('../components/locally-receipt.js');
    // Anything but "a4" (an old or hand-edited value) prints on the receipt printer, the shop's usual paper.
    const paper = this.settings.get<unknown>('locally.receiptPaper') === 'a4' ? 'a4' : 'receipt-80mm';
    const shopName = this.settings.get<unknown>('locally.shopName');
    await this.printing.print({
      title: msg(str`Locally ontvangstbewijs ${order.orderId}`),
      format: paper,
      content: renderLocallyReceipt(order.order, this.locale.locale, { paper, shopName: typeof shopName === 'string' ? shopName : '' }),
    });
  }

  protected async paidLocallyOrder({ transaction }: CommandContext): Promise<StoredOrder | undefined> {
    const order = await this.transactionOrders.orderOf(transaction);
    return order?.source === LOCALLY_SOURCE && order.type === 'buy' && order.order?.payment ? order : undefined;
  }
}
