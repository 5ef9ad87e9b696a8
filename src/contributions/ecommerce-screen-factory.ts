import { inject, injectable } from 'inversify';
import type { ReactiveController } from 'lit';
import type { Disposable } from '../common/disposable.js';
import type { Clock, CommandService, LocaleService, SessionService, TransactionService } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { EcommerceScreen } from '../components/ecommerce-screen.js';
import { OrderActionEvent } from '../components/order-action-event.js';
import { clockTicks } from '../services/clock-ticks.js';
import { OrderRepair } from '../services/import/order-repair.js';
import { OrderDeadlines } from '../services/lifecycle/order-deadlines.js';
import { PluginLog } from '../services/plugin-log.js';
import { OrderColumnRegistry } from '../services/screen/order-column-registry.js';
import { OrderStore } from '../services/store/order-store.js';
import { CommandIds } from './contribution-ids.js';
import { OrderMailer } from './order-mailer.js';
import { OrderRepairDialogs } from './order-repair-dialogs.js';
import { readOnlyReasonOf, ScreenStatusChanges } from './screen-status-changes.js';

/** The preference key of the screen's filters, sort order and columns. */
const SCREEN_SETTINGS = 'screen.list';
/** How often the time left is counted down on screen. */
const TICK_MS = 30_000;

/** Builds the eCommerce-verkopen screen and connects it to the plugin's services. */
@injectable()
export class EcommerceScreenFactory {
  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(HostTokens.clock) protected readonly clock: Clock,
    @inject(HostTokens.locale) protected readonly locale: LocaleService,
    @inject(HostTokens.commands) protected readonly commands: CommandService,
    @inject(HostTokens.transactions) protected readonly transactions: TransactionService,
    @inject(OrderRepair) protected readonly repair: OrderRepair,
    @inject(OrderRepairDialogs) protected readonly repairDialogs: OrderRepairDialogs,
    @inject(OrderMailer) protected readonly mailer: OrderMailer,
    @inject(ScreenStatusChanges) protected readonly statusChanges: ScreenStatusChanges,
    @inject(OrderDeadlines) protected readonly deadlines: OrderDeadlines,
    @inject(HostTokens.session) protected readonly session: SessionService,
    @inject(OrderColumnRegistry) protected readonly columns: OrderColumnRegistry,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  create(): EcommerceScreen {
    const screen = new EcommerceScreen();
    screen.orders = this.store.orders$;
    screen.outbox = this.store.outbox$;
    screen.locale = this.locale.locale;
    screen.addController(new LocaleController(screen, this.locale));
    screen.ticks = clockTicks(this.clock, TICK_MS);
    screen.deadline = (order) => this.deadlines.deadlineOf(order);
    screen.preferences = {
      load: () => this.store.getPreference(SCREEN_SETTINGS),
      save: (settings) => this.store.setPreference(SCREEN_SETTINGS, settings),
    };
    screen.checkNow = () => this.commands.executeCommand(CommandIds.checkNow);
    screen.markSeen = (orders) => this.store.markSeen(orders, this.clock.now());
    screen.applyChanges = (changes) => this.statusChanges.apply(changes);
    screen.openTransaction = (order) => this.transactions.open(order.transactionId!);
    screen.lineStates = (order) => this.repair.lineStates(order);
    screen.history = (order) => this.store.getHistory(order.source, order.orderId);
    screen.columns = this.columns.getAll();
    screen.reportColumnError = (columnId, error) => this.log.error(`Column "${columnId}" failed; its cells show empty`, error);
    screen.addController(new ReadOnlyController(screen, this.session));
    screen.addController(new ColumnsController(screen, this.columns));
    screen.addEventListener(OrderActionEvent.type, (event) => {
      void (event.action === 'email' ? this.mailer.compose(event.order) : this.repairDialogs.handle(event));
    });
    return screen;
  }
}

/**
 * Keeps the screen's `locale` (money, dates, sorting) in step with the host's while the screen is
 * connected. Its words follow by themselves: the screen is `@localized()`.
 */
class LocaleController implements ReactiveController {
  protected listener: Disposable | undefined;

  constructor(
    protected readonly screen: EcommerceScreen,
    protected readonly locale: LocaleService,
  ) {}

  hostConnected(): void {
    this.screen.locale = this.locale.locale;
    this.listener ??= this.locale.onDidChange(() => (this.screen.locale = this.locale.locale));
  }

  hostDisconnected(): void {
    this.listener?.dispose();
    this.listener = undefined;
  }
}

/**
 * Keeps the screen's `readOnlyReason` in step with who is signed in, for as long as the screen is
 * connected: the listener on the session goes when the screen goes.
 */
class ReadOnlyController implements ReactiveController {
  protected listener: Disposable | undefined;

  constructor(
    protected readonly screen: EcommerceScreen,
    protected readonly session: SessionService,
  ) {
    this.update();
  }

  hostConnected(): void {
    this.update();
    this.listener ??= this.session.onDidChangeUser(() => this.update());
  }

  hostDisconnected(): void {
    this.listener?.dispose();
    this.listener = undefined;
  }

  protected update(): void {
    this.screen.readOnlyReason = readOnlyReasonOf(this.session);
  }
}

/** Keeps the screen's columns in step with the OrderColumn point while the screen is connected (a plugin may register one any time). */
class ColumnsController implements ReactiveController {
  protected listener: Disposable | undefined;

  constructor(
    protected readonly screen: EcommerceScreen,
    protected readonly registry: OrderColumnRegistry,
  ) {}

  hostConnected(): void {
    this.screen.columns = this.registry.getAll();
    this.listener ??= this.registry.onDidChange(() => (this.screen.columns = this.registry.getAll()));
  }

  hostDisconnected(): void {
    this.listener?.dispose();
    this.listener = undefined;
  }
}
