import { msg, str } from '@lit/localize';
import { BehaviorSubject, Subject, defer, exhaustMap, filter, firstValueFrom, merge, switchMap, tap, type Subscription } from 'rxjs';
import { ContributionTimeoutError, type ContributionTimeouts, withTimeout } from '../../common/contribution-registry.js';
import { Disposable, DisposableCollection } from '../../common/disposable.js';
import type { Clock, PluginContext, SessionService, SettingsService } from '../../host/index.js';
import type { PluginLog } from '../plugin-log.js';
import type { OutboxMessage } from '../store/order-model.js';
import { type OrderStore, OrderStoreDisposedError } from '../store/order-store.js';
import { backoffDelay, MIN_BACKOFF_MS, nextPollDelay, type PollResult } from './backoff.js';
import type { ClockScheduler } from './clock-scheduler.js';
import { LeaderLock } from './leader-lock.js';
import type { NetworkStatus } from './network-status.js';
import { isOrderSourceError, OrderSourceError, type OrderChangesPage, type OrderSource, type ReceivedOrder } from './order-source.js';
import type { OrderSourceRegistry } from './order-source-registry.js';
import { SYNC_SETTINGS, unexpectedFetchError, type SyncRandom, type SyncReceivedEvent, type SyncStatus } from './order-sync.js';
import { receivedPage } from './received-page.js';

const BACKOFF = { baseMs: 15_000, maxMs: 15 * 60_000 } as const;
/** A poll reads at most this many pages; the rest follows at once in the next poll. */
const MAX_PAGES_PER_POLL = 20;
/** Unreadable orders read again per poll, and how often each is tried before staff handle it by hand. */
const REPAIRS_PER_POLL = 5;
const REPAIR_ATTEMPTS = 3;
/** How often a page is read while it holds an order without a readable id, before that payload goes to quarantine. */
const READS_OF_A_PAGE_WITHOUT_IDS = 3;

/** What the engine needs from {@link OrderSync}: the status it keeps, and its events. */
export interface OrderSyncHost {
  readonly status: SyncStatus;
  update(patch: Partial<SyncStatus>): void;
  fireReceived(event: SyncReceivedEvent): void;
  fireRefused(event: { orderId: string; reason: string }): void;
  importsHere(): boolean;
  userMayImport(): boolean;
}

/** The services the engine works with, as {@link OrderSync} was given them. */
export interface OrderSyncDependencies {
  readonly store: OrderStore;
  readonly sources: OrderSourceRegistry;
  readonly settings: SettingsService;
  readonly clock: Clock;
  readonly plugin: PluginContext;
  readonly scheduler: ClockScheduler;
  readonly network: NetworkStatus;
  readonly random: SyncRandom;
  readonly log: PluginLog;
  readonly session: SessionService;
  readonly timeouts: ContributionTimeouts;
}

/**
 * The polling itself, behind {@link OrderSync} (DESIGN §6): one tab per till (a Web Lock) polls every
 * order source at the configured interval, never twice at once (exhaustMap), backs off with jitter on
 * failure and honours Retry-After, pauses while offline, and polls at once on "Nu controleren" or when
 * back online. Each page is stored with its cursor before anything is sent to the provider; then the
 * outbox is sent. Time comes from the host clock, so all of this runs in virtual time under test.
 * Not part of what activation loads: {@link OrderSync} loads it when it starts, after activation.
 */
export class OrderSyncEngine implements Disposable {
  protected readonly wake$ = new Subject<void>();
  protected readonly nextDelay$ = new BehaviorSubject<number>(0);
  /** The number of each poll as it finishes; "Nu controleren" waits for one that started after it. */
  protected readonly pollDone$ = new Subject<number>();
  protected pollsStarted = 0;
  protected wokenDuringPoll = false;
  protected outboxRun: Promise<void> = Promise.resolve();
  protected readonly running = new DisposableCollection();
  protected readonly abort = new AbortController();
  protected started = false;
  protected readonly repairAttempts = new Map<string, number>();
  /** A source that failed while others did not waits on its own: failures in a row and when it may be asked again. */
  protected readonly sourceBackoff = new Map<string, { readonly failures: number; readonly notBefore: number }>();
  protected readonly store = this.dependencies.store;
  protected readonly sources = this.dependencies.sources;
  protected readonly settings = this.dependencies.settings;
  protected readonly clock = this.dependencies.clock;
  protected readonly plugin = this.dependencies.plugin;
  protected readonly scheduler = this.dependencies.scheduler;
  protected readonly network = this.dependencies.network;
  protected readonly random = this.dependencies.random;
  protected readonly log = this.dependencies.log;
  protected readonly session = this.dependencies.session;
  protected readonly timeouts = this.dependencies.timeouts;

  constructor(
    protected readonly host: OrderSyncHost,
    protected readonly dependencies: OrderSyncDependencies,
  ) {}


  /** Starts taking part in the till's polling: asks for the lead and polls while holding it. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const lock = new LeaderLock(`${this.plugin.storageName}:poller`);
    const subscription: Subscription = merge(this.nextDelay$.pipe(switchMap((ms) => this.scheduler.timer(ms))), this.wake$)
      .pipe(
        tap(() => {
          if (this.host.status.polling) this.wokenDuringPoll = true;
        }),
        filter(() => this.canPoll()),
        exhaustMap(() => defer(() => this.pollOnce())),
      )
      .subscribe((result) => this.scheduleAfter(result));
    this.running.push(
      lock,
      Disposable.create(() => subscription.unsubscribe()),
      lock.onDidChangeLeadership((leader) => {
        this.host.update({ leader });
        if (leader) this.wake$.next();
      }),
      this.network.onDidChange((online) => {
        this.host.update({ online });
        if (online) this.wake$.next();
      }),
      this.settings.onDidChange((key) => {
        if (key === SYNC_SETTINGS.importOnThisTill) this.host.update({ importsHere: this.host.importsHere() });
        if (key === SYNC_SETTINGS.importOnThisTill || key === SYNC_SETTINGS.pollIntervalMinutes) this.wake$.next();
      }),
      // A user without "eCommerce importeren" signs in: this till stops; one with it: it polls at once.
      this.session.onDidChangeUser(() => {
        this.host.update({ importsHere: this.host.importsHere(), userMayImport: this.host.userMayImport() });
        this.wake$.next();
      }),
      this.store.onDidQueueOutboxMessage(() => {
        if (this.canPoll()) void this.sendOutbox();
      }),
      this.crossTabCheckNow(),
    );
    // What may have changed while this chunk loaded, when nobody listened yet.
    this.host.update({
      leader: lock.isLeader,
      online: this.network.online,
      importsHere: this.host.importsHere(),
      userMayImport: this.host.userMayImport(),
    });
  }

  /**
   * "Nu controleren": polls at once (after the poll in progress, if any) and resolves with the
   * status after that poll. In a tab that does not lead, it asks the leading tab and resolves at once.
   */
  async checkNow(): Promise<SyncStatus> {
    this.channel?.postMessage('check-now');
    if (!this.canPoll()) return this.host.status;
    // A poll in progress may have read the provider before this was asked: wait for the next one.
    const wanted = this.pollsStarted + 1;
    const done = firstValueFrom(this.pollDone$.pipe(filter((poll) => poll >= wanted)), { defaultValue: undefined });
    this.wake$.next();
    await done;
    return this.host.status;
  }

  protected channel: BroadcastChannel | undefined;

  protected crossTabCheckNow(): Disposable {
    const channel = new BroadcastChannel(`${this.plugin.storageName}:sync`);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data === 'check-now' && this.canPoll()) this.wake$.next();
    };
    this.channel = channel;
    return Disposable.create(() => {
      channel.close();
      this.channel = undefined;
    });
  }

  protected canPoll(): boolean {
    return this.started && this.host.status.leader && this.host.status.online && this.host.status.importsHere;
  }

  protected intervalMs(): number {
    const minutes = Number(this.settings.get<number>(SYNC_SETTINGS.pollIntervalMinutes));
    return (Number.isFinite(minutes) && minutes > 0 ? minutes : 5) * 60_000;
  }

  protected scheduleAfter(result: PollResult): void {
    const planned = nextPollDelay(result, { ...BACKOFF, intervalMs: this.intervalMs(), random: this.random });
    // Woken during a good poll: poll again at once. After a failure the backoff and Retry-After
    // stand, whoever asked; and "Retry-After: 0" must not turn the poller into a busy loop.
    const delay = result.kind === 'failed' ? Math.max(planned, MIN_BACKOFF_MS) : planned;
    const again = result.kind === 'ok' && this.wokenDuringPoll;
    this.wokenDuringPoll = false;
    this.host.update({ nextPollAt: this.clock.now() + (again ? 0 : delay) });
    this.pollDone$.next(this.pollsStarted);
    this.nextDelay$.next(delay);
    // After this poll has fully ended (exhaustMap drops wakes while it runs), not on the next tick of the clock.
    if (again) void Promise.resolve().then(() => this.wake$.next());
  }

  /**
   * One poll of every source in its order, then the outbox. Never rejects: failures become the
   * result. A source that fails is reported and skipped, and never stops the others: when some
   * sources answered, the poll counts as good and the failing one backs off by itself; only when
   * every source failed does the whole poller back off (with one source, exactly as before).
   */
  protected async pollOnce(): Promise<PollResult> {
    this.pollsStarted++;
    this.host.update({ polling: true });
    const now = this.clock.now();
    const sources = this.sourcesInPollOrder().filter((source) => (this.sourceBackoff.get(source.id)?.notBefore ?? 0) <= now);
    const failed: { readonly source: OrderSource; readonly error: unknown }[] = [];
    for (const source of sources) {
      try {
        await this.pollSource(source);
        await this.repairUnreadable(source);
        this.sourceBackoff.delete(source.id);
      } catch (error) {
        // Switched off mid-poll: what failed is the switching off, not the provider.
        if (!this.started) return { kind: 'ok' };
        failed.push({ source, error });
      }
    }
    if (failed.length > 0 && failed.length === sources.length) return this.pollFailed(failed[0]!.error);
    for (const { source, error } of failed) this.backOffSource(source, error);
    await this.sendOutbox();
    this.host.update({ polling: false, failures: 0, lastError: undefined, lastSuccessAt: this.clock.now() });
    return { kind: 'ok' };
  }

  protected sourcesInPollOrder(): OrderSource[] {
    return [...this.sources.getAll()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  }

  protected pollFailed(error: unknown): PollResult {
    const failures = this.host.status.failures + 1;
    const lastError = isOrderSourceError(error) ? { kind: error.kind, message: error.message } : unexpectedFetchError();
    if (!isOrderSourceError(error)) this.log.error('Poll failed unexpectedly', error);
    this.host.update({ polling: false, failures, lastError });
    const retryAfterMs = isOrderSourceError(error) ? error.retryAfterMs : undefined;
    return retryAfterMs === undefined ? { kind: 'failed', failures } : { kind: 'failed', failures, retryAfterMs };
  }

  /** One source failed while others answered: it is reported and waits (its backoff, or Retry-After) on its own. */
  protected backOffSource(source: OrderSource, error: unknown): void {
    const failures = (this.sourceBackoff.get(source.id)?.failures ?? 0) + 1;
    const retryAfterMs = isOrderSourceError(error) ? error.retryAfterMs : undefined;
    const wait = retryAfterMs ?? backoffDelay(failures, { ...BACKOFF, random: this.random });
    this.sourceBackoff.set(source.id, { failures, notBefore: this.clock.now() + wait });
    this.log.error(`Order source "${source.id}" failed (${failures}× in a row); skipped until it is due again`, error);
  }

  /**
   * Calls a source with the plugin's time limit: one that does not answer (a contribution that
   * hangs) fails like a provider timeout, and its call is aborted.
   */
  protected async ask<T>(source: OrderSource, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const timeout = new AbortController();
    try {
      return await withTimeout(() => call(AbortSignal.any([this.abort.signal, timeout.signal])), this.timeouts.orderSourceMs);
    } catch (error) {
      if (!(error instanceof ContributionTimeoutError)) throw error;
      timeout.abort();
      throw new OrderSourceError('timeout', msg(str`${source.label} antwoordde niet op tijd`));
    }
  }

  /** Reads a source's pages from its stored cursor; each page is stored with its cursor before the next. */
  protected async pollSource(source: OrderSource): Promise<void> {
    let cursor = (await this.store.getSyncState(source.id))?.cursor;
    for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
      const changes = await this.fetchPage(source, cursor);
      // A poll that finds nothing writes nothing.
      if (changes.received.length === 0 && changes.nextCursor === cursor) return;
      const now = this.clock.now();
      const result = await this.store.recordReceived(receivedPage(source, changes, now));
      if (result.added.length || result.changed.length || result.quarantined) this.host.fireReceived({ ...result, source });
      cursor = changes.nextCursor;
      if (!changes.hasMore) return;
    }
    // More pages wait: poll again at once rather than after the interval.
    this.wokenDuringPoll = true;
  }

  /**
   * One page of changes. A page with a payload that has no readable order id is read again (a few
   * times at most) before it is taken: storing it would move the cursor past an order that is kept
   * nowhere but in quarantine, and unlike an unreadable order with an id (repaired by
   * {@link repairUnreadable}) it cannot be asked for again, so it would only come back if it changed
   * once more. A copy damaged on the way heals on a re-read (the contract's "malformed: retried");
   * a payload the provider keeps sending without an id goes to quarantine after the last read, so
   * the feed never stalls on it. Each read stands on its own: nothing of a damaged read is stored.
   */
  protected async fetchPage(source: OrderSource, cursor: string | undefined): Promise<OrderChangesPage> {
    let changes = await this.ask(source, (signal) => source.fetchChanges(cursor, signal));
    for (let read = 1; read < READS_OF_A_PAGE_WITHOUT_IDS && changes.received.some(withoutOrderId); read++) {
      changes = await this.ask(source, (signal) => source.fetchChanges(cursor, signal));
    }
    return changes;
  }

  /**
   * Reads again, one by one, orders that arrived unreadable (a payload damaged on the way heals);
   * each a few times at most, after which it stays "Verwerking van verkoop mislukt" for staff.
   */
  protected async repairUnreadable(source: OrderSource): Promise<void> {
    const fetchOrder = source.fetchOrder?.bind(source);
    if (!fetchOrder) return;
    const failed = (await this.store.getOrdersByStatus('processing-failed'))
      .filter((order) => order.source === source.id && !order.order && (this.repairAttempts.get(order.orderId) ?? 0) < REPAIR_ATTEMPTS)
      .slice(0, REPAIRS_PER_POLL);
    for (const order of failed) {
      this.repairAttempts.set(order.orderId, (this.repairAttempts.get(order.orderId) ?? 0) + 1);
      const received = await this.ask(source, (signal) => fetchOrder(order.orderId, signal));
      if (received?.kind !== 'valid') continue;
      const syncState = (await this.store.getSyncState(source.id)) ?? { source: source.id, failures: 0 };
      const page = receivedPage(source, { received: [received], nextCursor: syncState.cursor ?? '', hasMore: false }, this.clock.now());
      const result = await this.store.recordReceived({ ...page, syncState });
      if (result.changed.length) this.host.fireReceived({ ...result, source });
    }
  }

  /** Sends the due outbox messages one by one; the polling tab alone sends, one run at a time. */
  protected sendOutbox(): Promise<void> {
    this.outboxRun = this.outboxRun.then(() => this.sendDueMessages()).catch((error: unknown) => {
      // The plugin is shutting down: the messages stay in the outbox for the next start.
      if (error instanceof OrderStoreDisposedError) return;
      this.log.error('Sending the outbox failed', error);
    });
    return this.outboxRun;
  }

  /** Sends rounds of due messages (one per order per round) until a round sends nothing or the provider fails. */
  protected async sendDueMessages(): Promise<void> {
    // A source that cannot be reached now keeps its messages for the next poll; the others' still go.
    const unreachable = new Set<string>();
    while (await this.sendRound(unreachable));
  }

  /** One round: each order's oldest waiting message, when due. True when something went out and more may follow. */
  protected async sendRound(unreachable: Set<string>): Promise<boolean> {
    const sources = new Map(this.sources.getAll().map((source) => [source.id, source]));
    const now = this.clock.now();
    let sent = false;
    for (const message of firstPerOrder(await this.store.getPendingOutbox(Number.MAX_SAFE_INTEGER - 1))) {
      const source = sources.get(message.source);
      if (!source || unreachable.has(source.id) || message.id === undefined || message.nextAttemptAt > now || !this.canPoll()) continue;
      const attempts = message.attempts + 1;
      try {
        const outcome = await this.ask(source, (signal) => source.send(message, signal));
        if (outcome.kind === 'sent') {
          await this.store.removeOutbox(message.id);
          sent = true;
        } else {
          // Refused for good: kept with the reason, for staff to see on the order, and never retried.
          await this.store.putOutbox({ ...message, attempts, lastError: outcome.reason, nextAttemptAt: Number.MAX_SAFE_INTEGER });
          this.host.fireRefused({ orderId: message.orderId, reason: outcome.reason });
        }
      } catch (error) {
        const reason = isOrderSourceError(error) ? error.message : msg('Onverwachte fout bij het versturen');
        const retryAfter = isOrderSourceError(error) ? error.retryAfterMs : undefined;
        const wait = retryAfter ?? backoffDelay(attempts, { ...BACKOFF, random: this.random });
        await this.store.putOutbox({ ...message, attempts, lastError: reason, nextAttemptAt: this.clock.now() + wait });
        // This provider cannot be reached now: its other messages wait for the next poll.
        unreachable.add(source.id);
        if (!isOrderSourceError(error)) this.log.error(`Order source "${source.id}" failed to send a message`, error);
      }
    }
    return sent;
  }

  dispose(): void {
    if (!this.started) return;
    this.started = false;
    this.abort.abort();
    // Waiting "Nu controleren" calls end with the status as it is.
    this.pollDone$.complete();
    this.running.dispose();
    this.scheduler.dispose();
  }
}

/**
 * The provider takes an order's messages only in the order they were queued (accept before
 * ready-for-pickup): of each order's waiting messages only the oldest may go, when it is due.
 * Refused ones (parked at the end of time) are left out by the caller's bound.
 */
export function firstPerOrder(messages: readonly OutboxMessage[]): OutboxMessage[] {
  const first = new Map<string, OutboxMessage>();
  for (const message of [...messages].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))) {
    const key = `${message.source}:${message.orderId}`;
    if (!first.has(key)) first.set(key, message);
  }
  return [...first.values()].sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
}

/** A payload the store cannot file under an order: it would go to quarantine. */
function withoutOrderId(received: ReceivedOrder): boolean {
  return received.kind === 'invalid' && received.orderId === undefined;
}
