import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import { Disposable } from '../common/disposable.js';
import type { NotificationService, TransactionChange, TransactionService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { PluginLog } from '../services/plugin-log.js';
import { parseExternalRef } from '../services/transaction-orders.js';
import type { StartupContribution } from './host-contribution-points.js';
import { LazyModules } from './lazy-modules.js';
import { errorMessage } from '../common/error-message.js';

/**
 * After "Afronden als een verkoop" on a Locally order's transaction, offers to set the order to
 * "Afgehandeld" (DESIGN §8), through the ROPIS dialog for a reservation, and applies it through the
 * lifecycle service. The question and the change are {@link FinalizeQuestion}, in the screen's
 * module: it loads with the first finalized Locally transaction.
 *
 * Only the tab that finalized asks: the host's TransactionService fires its changes in the tab that
 * made them (the shell's emitter is local, not broadcast), so no visibility or leader check is needed.
 */
@injectable()
export class FinalizeOffer implements StartupContribution {
  readonly startupId = 'finalize-offer';
  protected disposed = false;

  constructor(
    @inject(HostTokens.transactions) protected readonly transactions: TransactionService,
    @inject(HostTokens.notifications) protected readonly notifications: NotificationService,
    @inject(LazyModules) protected readonly modules: LazyModules,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  start(): Disposable {
    this.disposed = false;
    const listener = this.transactions.onDidChange((change) => void this.offer(change));
    // Stopped also stops a question still open from finishing its work after deactivation.
    return Disposable.create(() => {
      this.disposed = true;
      listener.dispose();
    });
  }

  /** Never throws: a failure is logged and told to staff. */
  protected async offer({ kind, transaction }: TransactionChange): Promise<void> {
    if (kind !== 'finalized') return;
    const ref = parseExternalRef(transaction.externalRef);
    if (!ref) return;
    try {
      const container = await this.modules.screen();
      const { FinalizeQuestion } = await import('./finalize-question.js');
      if (this.disposed) return;
      await container.get(FinalizeQuestion).offer(ref, transaction, () => this.disposed);
    } catch (error) {
      this.log.error(`Could not offer "Afgehandeld" for order ${transaction.externalRef}`, error);
      this.notifications.notify(msg(str`Bestelling ${ref.orderId} kon niet op Afgehandeld worden gezet: ${errorMessage(error)}`), 'error');
    }
  }
}

