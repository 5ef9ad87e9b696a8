import { msg } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { NotificationService, PanelService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { PluginLog } from '../services/plugin-log.js';
import { PanelIds } from './contribution-ids.js';

/** Opens the eCommerce-verkopen screen from wherever staff ask; a failure is told, never silent. */
@injectable()
export class EcommerceScreenOpener {
  constructor(
    @inject(HostTokens.panels) protected readonly panels: PanelService,
    @inject(HostTokens.notifications) protected readonly notifications: NotificationService,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  async open(): Promise<void> {
    try {
      await this.panels.open(PanelIds.ecommerceScreen);
    } catch (error) {
      this.log.error('Could not open the eCommerce screen', error);
      this.notifications.notify(msg('Het scherm eCommerce-verkopen kon niet worden geopend. Probeer het opnieuw.'), 'error');
    }
  }
}
