import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { DialogService, MailService, NotificationService, SettingsService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { orderEmail } from '../services/order-email.js';
import { PluginLog } from '../services/plugin-log.js';
import type { StoredOrder } from '../services/store/order-model.js';

/** The setting that names the shop in messages to customers. */
export const SHOP_NAME_SETTING = 'locally.shopName';

/** "E-mail" on the screen: the order's details to its customer, shown to staff first, sent through the host's mail service. */
@injectable()
export class OrderMailer {
  constructor(
    @inject(HostTokens.mail) protected readonly mail: MailService,
    @inject(HostTokens.dialogs) protected readonly dialogs: DialogService,
    @inject(HostTokens.notifications) protected readonly notifications: NotificationService,
    @inject(HostTokens.settings) protected readonly settings: SettingsService,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  async compose(order: StoredOrder): Promise<void> {
    const message = orderEmail(order, this.settings.get<string>(SHOP_NAME_SETTING));
    if (!message) {
      this.notifications.notify(msg(str`Bestelling ${order.orderId} heeft geen e-mailadres.`), 'warning');
      return;
    }
    const answer = await this.dialogs.confirm({
      title: msg('E-mail'),
      message: `${msg(str`Aan: ${message.to}`)}\n${msg(str`Onderwerp: ${message.subject}`)}\n\n${message.body}`,
      actions: [{ id: 'send', label: msg('Versturen') }],
    });
    if (answer !== 'send') return;
    try {
      await this.mail.send(message);
      this.notifications.notify(msg(str`E-mail over bestelling ${order.orderId} verstuurd naar ${message.to}.`));
    } catch (error) {
      this.log.error(`Could not send the e-mail about ${order.orderId}`, error);
      this.notifications.notify(msg(str`De e-mail kon niet worden verstuurd: ${error instanceof Error ? error.message : String(error)}`), 'error');
    }
  }
}
