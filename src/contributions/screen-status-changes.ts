import { msg } from '@lit/localize';
import { inject, injectable } from 'inversify';
import { Permissions, type DialogService, type SessionService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import type { StagedOutcome, StagedStatusChange } from '../components/ecommerce-screen.js';
import { OrderLifecycleService } from '../services/lifecycle/order-lifecycle-service.js';
import { needsRopisMethod, type RopisMethod } from '../services/lifecycle/status-actions.js';
import type { StoredOrder } from '../services/store/order-model.js';
import { CancellationGuide } from './cancellation-guide.js';

/**
 * "Opslaan" on the screen: the staged changes row by row, each through the lifecycle service. A
 * reservation going to "Afgehandeld" first asks the ROPIS bestelwijze; closing that dialog leaves
 * the change staged and applies nothing for it. Orders cancelled here then get the cancellation
 * guide for their transaction, after "Opslaan" has answered.
 */
@injectable()
export class ScreenStatusChanges {
  constructor(
    @inject(OrderLifecycleService) protected readonly lifecycle: OrderLifecycleService,
    @inject(HostTokens.dialogs) protected readonly dialogs: DialogService,
    @inject(HostTokens.session) protected readonly session: SessionService,
    @inject(CancellationGuide) protected readonly cancellationGuide: CancellationGuide,
  ) {}

  async apply(changes: readonly StagedStatusChange[]): Promise<StagedOutcome[]> {
    const outcomes: StagedOutcome[] = [];
    const cancelled: StoredOrder[] = [];
    for (const { order, action } of changes) {
      // The screen is read-only for such a user; this holds whoever calls, and per row (users may switch mid-way).
      const readOnly = readOnlyReasonOf(this.session);
      if (readOnly) {
        outcomes.push({ kind: 'refused', reason: readOnly });
        continue;
      }
      let ropisMethod: RopisMethod | undefined;
      if (needsRopisMethod(order, action)) {
        const { askRopisMethod } = await import('../components/ropis-method-dialog.js');
        ropisMethod = await askRopisMethod(this.dialogs, order);
        if (!ropisMethod) {
          outcomes.push({ kind: 'kept' });
          continue;
        }
      }
      const outcome = await this.lifecycle.apply({ order, action, ...(ropisMethod ? { ropisMethod } : {}) });
      outcomes.push(outcome.kind === 'applied' ? { kind: 'applied' } : outcome);
      if (outcome.kind === 'applied' && action === 'cancelled') cancelled.push(outcome.order);
    }
    // Not awaited: the screen shows what was saved while staff work through the guides.
    if (cancelled.length > 0) void this.cancellationGuide.offerAfterCancel(cancelled);
    return outcomes;
  }
}

/** Why the signed-in user may only look at the orders and not change them, if so ("eCommerce importeren" is needed). */
export function readOnlyReasonOf(session: SessionService): string | undefined {
  return session.hasPermission(Permissions.ecommerceImport) ? undefined : msg('U heeft geen recht "eCommerce importeren".');
}
