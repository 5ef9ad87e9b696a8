import { inject, injectable } from 'inversify';
import { Disposable, DisposableCollection } from '../common/disposable.js';
import type { OrderImporter } from '../services/import/order-importer.js';
import { PluginLog } from '../services/plugin-log.js';
import { OrderStore } from '../services/store/order-store.js';
import { OrderSync } from '../services/sync/order-sync.js';
import type { StartupContribution } from './host-contribution-points.js';
import { LazyModules } from './lazy-modules.js';

/**
 * Imports what the poller stored: whenever orders wait in "received", the tab that polls for the
 * till imports them, one run at a time (the host's idempotent creation guards the rest). The
 * importer's code loads with the first orders to import.
 */
@injectable()
export class ImportRunner implements StartupContribution {
  readonly startupId = 'order-import';
  protected running = false;
  protected again = false;
  protected stopped = false;
  protected importer: OrderImporter | undefined;

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(OrderSync) protected readonly sync: OrderSync,
    @inject(LazyModules) protected readonly modules: LazyModules,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  /** The importer, loaded once (its progress reaches the message pane through `ImportProgressRelay`). */
  protected async loadImporter(): Promise<OrderImporter> {
    this.importer ??= await this.modules.importer();
    return this.importer;
  }

  start(): Disposable {
    const subscription = this.store.orders$.subscribe(() => void this.run());
    this.stopped = false;
    return new DisposableCollection(
      Disposable.create(() => {
        this.stopped = true;
        subscription.unsubscribe();
      }),
      this.sync.onDidChangeStatus(({ leader }) => {
        if (leader) void this.run();
      }),
    );
  }

  /** One run at a time: a change during a run asks for one more round, which reads the orders afresh. */
  protected async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        const { leader, importsHere } = this.sync.status;
        if (this.stopped || !leader || !importsHere) return;
        // Through the status index: reading every order after each change would stall a busy till.
        const waiting = (await this.store.getOrdersByStatus('received')).filter((order) => order.order);
        if (!waiting.length) continue;
        const importer = await this.loadImporter();
        // Switched off while the importer's code loaded: nothing of this run has started.
        if (this.stopped) return;
        await importer.importOrders(waiting);
      } while (this.again);
    } catch (error) {
      // The orders stay "received": the next change or poll tries again, safely. A plugin switched
      // off mid-import lands here too, with nothing half-written, and has nothing to report.
      if (!this.stopped) this.log.warn('Import stopped; it is tried again with the next change', error);
    } finally {
      this.running = false;
    }
  }
}
