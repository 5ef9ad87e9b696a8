import { msg } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { CommandAvailability } from '../host/index.js';
import { OrderSync, type SyncStatus } from '../services/sync/order-sync.js';
import { CommandIds } from './contribution-ids.js';
import type { CommandContribution } from './host-contribution-points.js';
import { AVAILABLE, unavailable } from './transaction-availability.js';

/** "Nu controleren": asks the provider for new and changed orders now, instead of at the next interval. */
@injectable()
export class CheckNowCommand implements CommandContribution {
  readonly commandId = CommandIds.checkNow;

  constructor(@inject(OrderSync) protected readonly sync: OrderSync) {}

  getAvailability(): CommandAvailability {
    const { importsHere, userMayImport, online } = this.sync.status;
    if (!userMayImport) return unavailable(msg('Hiervoor is de bevoegdheid "eCommerce importeren" nodig.'));
    if (!importsHere) return unavailable(msg('Deze kassa haalt geen eCommerce-bestellingen op (zie de instellingen).'));
    if (!online) return unavailable(msg('Geen verbinding: er wordt gecontroleerd zodra de verbinding terug is.'));
    return AVAILABLE;
  }

  /** Resolves with the poller's status after the poll, so the caller can say how it went. */
  execute(): Promise<SyncStatus> {
    return this.sync.checkNow();
  }
}
