import { inject, injectable } from 'inversify';
import type { Disposable } from '../common/disposable.js';
import type { DialogService, PriceChange, TransactionService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { parseExternalRef } from '../services/transaction-orders.js';
import { LOCALLY_SOURCE } from './contribution-ids.js';
import type { StartupContribution } from './host-contribution-points.js';

/**
 * Asks staff to confirm a price change on a Locally order's transaction: the procedure is to contact
 * the customer first, since the customer agreed to the price online. Other transactions go ahead
 * unasked. The question loads only when asked, to keep activation small.
 */
@injectable()
export class OrderPriceChangeGuard implements StartupContribution {
  readonly startupId = 'price-change-guard';

  constructor(
    @inject(HostTokens.transactions) protected readonly transactions: TransactionService,
    @inject(HostTokens.dialogs) protected readonly dialogs: DialogService,
  ) {}

  start(): Disposable {
    return this.transactions.registerPriceChangeGuard((change) => this.confirm(change));
  }

  protected async confirm(change: PriceChange): Promise<boolean> {
    const ref = parseExternalRef(change.transaction.externalRef);
    if (ref?.source !== LOCALLY_SOURCE) return true;
    const { askPriceChange } = await import('./price-change-question.js');
    return askPriceChange(this.dialogs, ref.orderId, change);
  }
}
