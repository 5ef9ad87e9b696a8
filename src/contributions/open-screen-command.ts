import { inject, injectable } from 'inversify';
import { CommandIds } from './contribution-ids.js';
import { EcommerceScreenOpener } from './ecommerce-screen-opener.js';
import type { CommandContribution } from './host-contribution-points.js';

/** Bekijken › eCommerce-verkopen, and the tile: opens the screen. */
@injectable()
export class OpenScreenCommand implements CommandContribution {
  readonly commandId = CommandIds.openScreen;

  constructor(@inject(EcommerceScreenOpener) protected readonly screen: EcommerceScreenOpener) {}

  execute(): Promise<void> {
    return this.screen.open();
  }
}
