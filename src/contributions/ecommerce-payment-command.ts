import { msg } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type {
  CommandAvailability,
  CommandContext,
  DialogService,
  PaymentService,
  SessionService,
  SettingsService,
} from '../host/index.js';
import { Permissions } from '../host/index.js';
import { type Disposable, DisposableCollection } from '../common/disposable.js';
import { HostTokens } from '../host-tokens.js';
import { TransactionOrders } from '../services/transaction-orders.js';
import { CommandIds } from './contribution-ids.js';
import type { CommandContribution } from './host-contribution-points.js';
import { AVAILABLE, openEcommerceTransactionProblem, unavailable } from './transaction-availability.js';

/** "eCommerce" in the toolbar "Betalingen": records what the customer paid online. */
@injectable()
export class EcommercePaymentCommand implements CommandContribution, Disposable {
  readonly commandId = CommandIds.ecommercePayment;
  /** Open dialogs close when the plugin is switched off: their buttons would call into a stopped plugin. */
  protected readonly openDialogs = new DisposableCollection();

  constructor(
    @inject(HostTokens.dialogs) protected readonly dialogs: DialogService,
    @inject(HostTokens.payments) protected readonly payments: PaymentService,
    @inject(HostTokens.session) protected readonly session: SessionService,
    @inject(TransactionOrders) protected readonly transactionOrders: TransactionOrders,
    @inject(HostTokens.settings) protected readonly settings: SettingsService,
  ) {}

  getAvailability(context: CommandContext): CommandAvailability {
    const problem = openEcommerceTransactionProblem(context);
    if (problem) return unavailable(problem);
    if (!this.session.hasPermission(Permissions.advancedPayments)) {
      return unavailable(msg('Hiervoor is de bevoegdheid "Geavanceerde betalingen" nodig.'));
    }
    return AVAILABLE;
  }

  async execute({ transaction }: CommandContext): Promise<void> {
    if (!transaction) return;
    const [{ EcommercePaymentDialog, cardTypes }, order, due] = await Promise.all([
      import('../components/ecommerce-payment-dialog.js'),
      this.transactionOrders.orderOf(transaction),
      this.payments.getAmountDue(transaction.id),
    ]);
    const dialog = new EcommercePaymentDialog();
    dialog.amountDueCents = due;
    dialog.order = order;
    // Read at each opening, so a changed list applies without restarting the plugin.
    dialog.cardTypes = cardTypes(this.settings.get<unknown>('locally.cardTypes'));
    dialog.record = (payment) => this.payments.record(transaction.id, { ...payment, method: this.commandId, label: msg('eCommerce') });
    const handle = this.dialogs.showModal({ title: msg('eCommerce-betaling'), content: dialog });
    const tracked = this.openDialogs.push(handle);
    await handle.closed;
    tracked.dispose();
  }

  dispose(): void {
    this.openDialogs.dispose();
  }
}
