import { inject, injectable } from 'inversify';
import { PanelIds } from './contribution-ids.js';
import type { PanelContribution } from './host-contribution-points.js';
import { LazyModules } from './lazy-modules.js';

/**
 * The region "eCommerce-verkopen". The screen and the services only it needs load when the panel
 * first opens, not at activation.
 */
@injectable()
export class EcommerceScreenPanel implements PanelContribution {
  readonly panelId = PanelIds.ecommerceScreen;

  constructor(@inject(LazyModules) protected readonly modules: LazyModules) {}

  async createElement(): Promise<HTMLElement> {
    const container = await this.modules.screen();
    const { EcommerceScreenFactory } = await import('./ecommerce-screen-factory.js');
    return container.get(EcommerceScreenFactory).create();
  }
}
