import { inject, injectable } from 'inversify';
import type { Clock, SecretStorage, SettingsService } from '../../../host/index.js';
import { HostTokens } from '../../../host-tokens.js';
import type { OutboxMessage } from '../../store/order-model.js';
import type { OrderChangesPage, OrderSource, ReceivedOrder, SendOutcome } from '../order-source.js';
import type { LocallyConnection } from './locally-client.js';

export const LOCALLY_SETTINGS = {
  providerUrl: 'locally.providerUrl',
  storeId: 'locally.storeId',
  apiKey: 'locally.apiKey',
} as const;

/** The HTTP client and the payload check load with the first poll, not with the till's start. */
const loadClient = () => import('./locally-client.js');

/** Locally's order API (docs/locally-api.md), registered as an order source like any other. */
@injectable()
export class LocallyOrderSource implements OrderSource {
  readonly id = 'locally';
  readonly label = 'Locally';

  constructor(
    @inject(HostTokens.settings) protected readonly settings: SettingsService,
    @inject(HostTokens.secrets) protected readonly secrets: SecretStorage,
    @inject(HostTokens.clock) protected readonly clock: Clock,
  ) {}

  protected get connection(): LocallyConnection {
    return { settings: this.settings, secrets: this.secrets, clock: this.clock };
  }

  async fetchChanges(cursor: string | undefined, signal: AbortSignal): Promise<OrderChangesPage> {
    return (await loadClient()).fetchChanges(this.connection, cursor, signal);
  }

  async fetchOrder(orderId: string, signal: AbortSignal): Promise<ReceivedOrder | undefined> {
    return (await loadClient()).fetchOrder(this.connection, orderId, signal);
  }

  async send(message: OutboxMessage, signal: AbortSignal): Promise<SendOutcome> {
    return (await loadClient()).send(this.connection, message, signal);
  }
}
