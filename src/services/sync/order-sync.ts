import { msg } from '@lit/localize';
import { inject, injectable } from 'inversify';
import { ContributionTimeouts } from '../../common/contribution-registry.js';
import { Disposable } from '../../common/disposable.js';
import { Emitter, type Event } from '../../common/event.js';
import { Permissions, type Clock, type PluginContext, type SessionService, type SettingsService } from '../../host/index.js';
import { HostTokens } from '../../host-tokens.js';
import { PluginLog } from '../plugin-log.js';
import { OrderStore, type ReceivedResult } from '../store/order-store.js';
import { ClockScheduler } from './clock-scheduler.js';
import { NetworkStatus } from './network-status.js';
import type { OrderSource, OrderSourceErrorKind } from './order-source.js';
import { OrderSourceRegistry } from './order-source-registry.js';
import type { OrderSyncEngine, OrderSyncHost } from './order-sync-engine.js';

export const SYNC_SETTINGS = {
  pollIntervalMinutes: 'locally.pollIntervalMinutes',
  importOnThisTill: 'locally.importOnThisTill',
} as const;

/** A number in [0, 1) for the backoff's jitter: Math.random, or a seeded one in tests. */
export const SyncRandom = Symbol('SyncRandom');
export type SyncRandom = () => number;

/** What the poller is doing, for messages and the screen. */
export interface SyncStatus {
  /** This tab polls and sends for the till. */
  readonly leader: boolean;
  /**
   * This till imports eCommerce orders: the setting is on and the signed-in user holds "eCommerce
   * importeren". Without either it neither polls, sends nor imports.
   */
  readonly importsHere: boolean;
  /** The signed-in user holds "eCommerce importeren" (so a false {@link importsHere} can say why). */
  readonly userMayImport: boolean;
  readonly online: boolean;
  readonly polling: boolean;
  /** Failed polls in a row; 0 after a success. */
  readonly failures: number;
  readonly lastError?: { readonly kind: OrderSourceErrorKind | 'unexpected'; readonly message: string };
  readonly lastSuccessAt?: number;
  /** When the next poll is due, epoch milliseconds. */
  readonly nextPollAt?: number;
}

/** The status's error when fetching failed for a reason no order source named. */
export const unexpectedFetchError = (): NonNullable<SyncStatus['lastError']> => ({
  kind: 'unexpected',
  message: msg('Er ging iets onverwachts mis bij het ophalen'),
});

/** A page of a source stored, with what it added and changed. */
export interface SyncReceivedEvent extends ReceivedResult {
  readonly source: OrderSource;
}

/**
 * The polling service (DESIGN §6): the poller's status and events, "Nu controleren", and starting
 * and stopping. The polling itself is {@link OrderSyncEngine}, which is not part of what activation
 * loads: `start()` loads it, activation registers everything without waiting for it, and the first
 * poll follows as soon as it is in.
 */
@injectable()
export class OrderSync implements OrderSyncHost, Disposable {
  protected readonly onDidChangeStatusEmitter = new Emitter<SyncStatus>();
  readonly onDidChangeStatus: Event<SyncStatus> = this.onDidChangeStatusEmitter.event;
  protected readonly onDidReceiveEmitter = new Emitter<SyncReceivedEvent>();
  /** Fires after a page was stored that added, changed or quarantined orders. */
  readonly onDidReceive: Event<SyncReceivedEvent> = this.onDidReceiveEmitter.event;
  protected readonly onDidRefuseMessageEmitter = new Emitter<{ orderId: string; reason: string }>();
  /** Fires when the provider refused an outbox message for good. */
  readonly onDidRefuseMessage: Event<{ orderId: string; reason: string }> = this.onDidRefuseMessageEmitter.event;

  protected current: SyncStatus;
  protected started = false;
  /** Resolves to the started engine (undefined when it could not load or the plugin stopped meanwhile). */
  protected engine: Promise<OrderSyncEngine | undefined> | undefined;
  /** The started engine, for a synchronous dispose: deactivation leaves no listener behind. */
  protected running: OrderSyncEngine | undefined;
  /** Counts starts and stops, so an engine that finishes loading after a stop is never started. */
  protected generation = 0;

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(OrderSourceRegistry) protected readonly sources: OrderSourceRegistry,
    @inject(HostTokens.settings) protected readonly settings: SettingsService,
    @inject(HostTokens.clock) protected readonly clock: Clock,
    @inject(HostTokens.plugin) protected readonly plugin: PluginContext,
    @inject(ClockScheduler) protected readonly scheduler: ClockScheduler,
    @inject(NetworkStatus) protected readonly network: NetworkStatus,
    @inject(SyncRandom) protected readonly random: SyncRandom,
    @inject(PluginLog) protected readonly log: PluginLog,
    @inject(HostTokens.session) protected readonly session: SessionService,
    @inject(ContributionTimeouts) protected readonly timeouts: ContributionTimeouts,
  ) {
    this.current = { leader: false, importsHere: this.importsHere(), userMayImport: this.userMayImport(), online: network.online, polling: false, failures: 0 };
  }

  get status(): SyncStatus {
    return this.current;
  }

  /** Starts taking part in the till's polling: asks for the lead and polls while holding it. */
  start(): Disposable {
    if (this.started) return Disposable.NULL;
    this.started = true;
    const generation = ++this.generation;
    this.engine = import('./order-sync-engine.js')
      .then(({ OrderSyncEngine }) => {
        // Stopped (or stopped and started again) while the chunk loaded: this load is stale.
        if (!this.started || generation !== this.generation) return undefined;
        const engine = new OrderSyncEngine(this, {
          store: this.store,
          sources: this.sources,
          settings: this.settings,
          clock: this.clock,
          plugin: this.plugin,
          scheduler: this.scheduler,
          network: this.network,
          random: this.random,
          log: this.log,
          session: this.session,
          timeouts: this.timeouts,
        });
        try {
          engine.start();
        } catch (error) {
          engine.dispose();
          throw error;
        }
        this.running = engine;
        return engine;
      })
      .catch((error: unknown) => {
        this.log.error('The poller could not start; orders are not fetched until the plugin starts again', error);
        this.update({ lastError: unexpectedFetchError() });
        return undefined;
      });
    return Disposable.create(() => this.dispose());
  }

  /**
   * "Nu controleren": polls at once (after the poll in progress, if any) and resolves with the
   * status after that poll. In a tab that does not lead, it asks the leading tab and resolves at once.
   */
  async checkNow(): Promise<SyncStatus> {
    const engine = await this.engine;
    return engine ? engine.checkNow() : this.current;
  }

  importsHere(): boolean {
    return this.settings.get<boolean>(SYNC_SETTINGS.importOnThisTill) !== false && this.userMayImport();
  }

  userMayImport(): boolean {
    return this.session.hasPermission(Permissions.ecommerceImport);
  }

  update(patch: Partial<SyncStatus>): void {
    const next = { ...this.current, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.onDidChangeStatusEmitter.fire(next);
  }

  fireReceived(event: SyncReceivedEvent): void {
    this.onDidReceiveEmitter.fire(event);
  }

  fireRefused(event: { orderId: string; reason: string }): void {
    this.onDidRefuseMessageEmitter.fire(event);
  }

  dispose(): void {
    if (!this.started) return;
    this.started = false;
    this.generation++;
    this.engine = undefined;
    this.running?.dispose();
    this.running = undefined;
    this.onDidChangeStatusEmitter.dispose();
    this.onDidReceiveEmitter.dispose();
    this.onDidRefuseMessageEmitter.dispose();
  }
}
