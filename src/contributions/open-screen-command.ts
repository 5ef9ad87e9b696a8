import { inject, injectable } from 'inversify';
import type { PanelService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { CommandIds, PanelIds } from './contribution-ids.js';
import type { CommandContribution } from './host-contribution-points.js';

/** Bekijken › eCommerce-verkopen, and the tile: opens the screen. */
@injectable()
export class OpenScreenCommand implements CommandContribution {
  readonly commandId = CommandIds.openScreen;

  constructor(@inject(HostTokens.panels) protected readonly panels: PanelService) {}

  execute(): Promise<void> {
    return this.panels.open(PanelIds.ecommerceScreen);
  }
}
