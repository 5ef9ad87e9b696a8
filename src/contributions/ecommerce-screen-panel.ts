import { inject, injectable } from 'inversify';
import type { Clock, CommandService, LocaleService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { OrderActionEvent } from '../components/order-action-event.js';
import { OrderStore } from '../services/store/order-store.js';
import { CommandIds, PanelIds } from './contribution-ids.js';
import type { PanelContribution } from './host-contribution-points.js';
import { OrderRepairDialogs } from './order-repair-dialogs.js';

/** The region "eCommerce-verkopen". Its code loads when the panel first opens, not at activation. */
@injectable()
export class EcommerceScreenPanel implements PanelContribution {
  readonly panelId = PanelIds.ecommerceScreen;

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(HostTokens.clock) protected readonly clock: Clock,
    @inject(HostTokens.locale) protected readonly locale: LocaleService,
    @inject(HostTokens.commands) protected readonly commands: CommandService,
    @inject(OrderRepairDialogs) protected readonly repairDialogs: OrderRepairDialogs,
  ) {}

  async createElement(): Promise<HTMLElement> {
    const { EcommerceScreen } = await import('../components/ecommerce-screen.js');
    const screen = new EcommerceScreen();
    screen.orders = this.store.orders$;
    screen.outbox = this.store.outbox$;
    screen.locale = this.locale.locale;
    screen.checkNow = () => this.commands.executeCommand(CommandIds.checkNow);
    screen.markSeen = (orders) => this.store.markSeen(orders, this.clock.now());
    screen.addEventListener(OrderActionEvent.type, (event) => void this.repairDialogs.handle(event));
    return screen;
  }
}
