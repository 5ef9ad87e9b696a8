import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import { ContributionTimeouts } from '../../common/contribution-registry.js';
import { Emitter, type Event } from '../../common/event.js';
import type {
  Clock,
  CreateTransactionResult,
  Customer,
  CustomerPatch,
  CustomerService,
  Product,
  ProductService,
  TransactionDraft,
  TransactionService,
} from '../../host/index.js';
import { HostTokens } from '../../host-tokens.js';
import { PluginLog } from '../plugin-log.js';
import { formatEuro } from '../money.js';
import { externalRef, type OrderStatus, type ProviderOrder, type StoredOrder } from '../store/order-model.js';
import { OrderStore, type ImportedOrder } from '../store/order-store.js';
import type { CustomerMatchState, LineMatchState } from './line-match-state.js';
import { CustomerMatcherRegistry } from './customer-matcher-registry.js';
import { resolveMatches } from './matchers.js';
import { getProducts } from './built-in-matchers.js';
import { ProductMatcherRegistry } from './product-matcher-registry.js';

/** Orders per host commit: one poll's orders go through in a few commits, with progress between. */
const CHUNK = 50;

/** Statuses the import takes orders from (first import, or "Verkoop afhandelen" after a repair). */
export const IMPORTABLE: readonly OrderStatus[] = ['received', 'customer-id-required', 'product-link-failed'];

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
}

export interface ImportSummary {
  readonly imported: number;
  readonly failed: number;
}

/** The decision for one order, made before anything is written. */
interface ImportPlan {
  readonly order: StoredOrder;
  readonly status: OrderStatus;
  readonly problems: readonly string[];
  readonly customer?: Customer;
  readonly products?: readonly Product[];
}

/**
 * Imports stored orders (DESIGN §5): match the customer and every line, then create the host
 * transactions in one batch (idempotent by external reference, stock taken in the same host
 * commit), then write every order's status in one plugin commit. The two databases cannot share a
 * transaction, so each step is safe to replay: after a crash between them the order is still
 * waiting, and the next run finds its transaction already made and completes it.
 */
@injectable()
export class OrderImporter {
  protected readonly onDidProgressEmitter = new Emitter<ImportProgress | undefined>();
  /** Progress of a running import; `undefined` when it ended. */
  readonly onDidProgress: Event<ImportProgress | undefined> = this.onDidProgressEmitter.event;

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(HostTokens.customers) protected readonly customers: CustomerService,
    @inject(HostTokens.products) protected readonly products: ProductService,
    @inject(HostTokens.transactions) protected readonly transactions: TransactionService,
    @inject(HostTokens.clock) protected readonly clock: Clock,
    @inject(ProductMatcherRegistry) protected readonly productMatchers: ProductMatcherRegistry,
    @inject(CustomerMatcherRegistry) protected readonly customerMatchers: CustomerMatcherRegistry,
    @inject(PluginLog) protected readonly log: PluginLog,
    @inject(ContributionTimeouts) protected readonly timeouts: ContributionTimeouts,
  ) {}

  /**
   * Imports the given orders (those in an importable status with a valid payload), chunk by chunk.
   * A chunk's plugin commit (its statuses) runs while the next chunk is matched and made in the
   * host, so the two databases' disk flushes overlap instead of adding up. The plugin commits stay
   * in chunk order, one at a time, and each follows its own chunk's host commit: an order is never
   * "new" without its transaction, and after a crash every order of a made but unrecorded chunk is
   * still waiting, and is completed by the next run.
   */
  async importOrders(orders: readonly StoredOrder[], by = 'Import'): Promise<ImportSummary> {
    const todo = orders.filter((order) => order.order && IMPORTABLE.includes(order.status));
    let imported = 0;
    let failed = 0;
    const count = (written: readonly StoredOrder[]) => {
      imported += written.filter((o) => o.status === 'new').length;
      failed += written.filter((o) => o.status !== 'new').length;
    };
    let recording: Promise<void> = Promise.resolve();
    /** Set when a plugin commit failed: the next chunk then makes nothing more in the host. */
    let recordingFailure: { readonly error: unknown } | undefined;
    try {
      for (let start = 0; start < todo.length; start += CHUNK) {
        this.onDidProgressEmitter.fire({ done: start, total: todo.length });
        const outcomes = await this.importChunk(todo.slice(start, start + CHUNK), () => {
          if (recordingFailure) throw recordingFailure.error;
        });
        await recording;
        recording = this.store.recordImport(outcomes, this.clock.now(), by).then(count, (error: unknown) => {
          recordingFailure = { error };
          throw error;
        });
        // Awaited before the next plugin commit or at the end; meanwhile a failure must not go unhandled.
        recording.catch(() => undefined);
      }
      await recording;
    } catch (error) {
      // Whatever failed first is reported; a commit still running is waited for, not left behind,
      // and its own failure, if it is another one, is logged rather than lost.
      await recording.catch((recordError: unknown) => {
        if (recordError !== error) this.log.warn('Recording an imported chunk failed too', recordError);
      });
      throw error;
    } finally {
      this.onDidProgressEmitter.fire(undefined);
    }
    return { imported, failed };
  }

  /**
   * One chunk up to its host commit: every customer and line of it matched together (a few host
   * reads for the chunk, not four per order), the transactions made in one host commit, and what
   * each order becomes, for the plugin's commit. `beforeHostCommit` throws to stop before the host
   * is changed.
   */
  protected async importChunk(orders: readonly StoredOrder[], beforeHostCommit: () => void = () => undefined): Promise<ImportedOrder[]> {
    const plans = await this.planMany(orders);
    const ready = plans.filter((plan) => plan.status === 'new');
    // The previous chunk's plugin commit failed meanwhile: make nothing more in the host.
    beforeHostCommit();
    for (const plan of ready) await this.updateCustomer(plan);

    const results = ready.length ? await this.transactions.createMany(ready.map((plan) => this.draft(plan))) : [];
    const resultOf = new Map(ready.map((plan, at) => [plan, results[at]]));
    const stockAfter = await this.stockAfter(ready.filter((plan) => resultOf.get(plan)?.transaction), resultOf);
    return plans.map((plan) => {
      const result = resultOf.get(plan);
      const transaction = result?.transaction;
      return {
        source: plan.order.source,
        orderId: plan.order.orderId,
        expectedRevision: plan.order.revision,
        to: plan.status,
        problems: plan.problems,
        warnings: transaction ? [...totalMismatch(plan.order.order!), ...this.shortages(plan, stockAfter)] : [],
        ...(transaction ? { transactionId: transaction.id, barcode: transaction.barcode } : {}),
        ...(result?.status === 'conflict' ? { conflict: result.reason } : {}),
        changedMeanwhile: msg('De bestelling veranderde tijdens het importeren (bijv. geannuleerd); haal de artikelen uit de transactie.'),
      };
    });
  }

  /** How the order's customer and every line stand against the host's files now (for the repair dialogs too). */
  async match(order: StoredOrder): Promise<{ customer: CustomerMatchState; lines: LineMatchState[] }> {
    if (!order.order) throw new TypeError(`Order ${order.orderId} has no readable payload to match`);
    const [matched] = await this.matchMany([order]);
    return matched!;
  }

  /**
   * {@link match} for many orders (all with a payload) at once: each matcher is asked about the
   * customers, and about the lines, of all of them together, per source.
   */
  protected async matchMany(orders: readonly StoredOrder[]): Promise<{ customer: CustomerMatchState; lines: LineMatchState[] }[]> {
    const matched = new Map<StoredOrder, { customer: CustomerMatchState; lines: LineMatchState[] }>();
    const bySource = new Map<string, StoredOrder[]>();
    for (const order of orders) bySource.set(order.source, [...(bySource.get(order.source) ?? []), order]);
    await Promise.all(
      [...bySource].map(async ([source, group]) => {
        // A failing matcher is reported once for the chunk; the orders it was asked about are named.
        const report = (matcher: string, error: unknown) =>
          this.log.error(`Matcher "${matcher}" failed on ${group.map((order) => order.orderId).join(', ')}; skipped`, error);
        const lines = group.flatMap((order) => order.order!.lines);
        const [customers, lineResolutions] = await Promise.all([
          resolveMatches(this.customerMatchers.getAll(), group.map((order) => order.order!.customer), source, report, this.timeouts.matcherMs),
          resolveMatches(this.productMatchers.getAll(), lines, source, report, this.timeouts.matcherMs),
        ]);
        let next = 0;
        group.forEach((order, n) => {
          const customer = customers[n]!;
          matched.set(order, {
            customer: customer.kind === 'matched' ? { kind: 'matched', customer: customer.match, by: customer.by } : customer,
            lines: order.order!.lines.map((line, index): LineMatchState => {
              const resolution = lineResolutions[next++]!;
              if (resolution.kind === 'matched') return { index, line, kind: 'matched', product: resolution.match, by: resolution.by };
              if (resolution.kind === 'ambiguous') return { index, line, kind: 'ambiguous', candidates: resolution.candidates, by: resolution.by };
              return { index, line, kind: 'not-found' };
            }),
          });
        });
      }),
    );
    return orders.map((order) => matched.get(order)!);
  }

  /** Matches the customer and every line of each order; the reasons are worded for staff. */
  protected async planMany(orders: readonly StoredOrder[]): Promise<ImportPlan[]> {
    const matched = await this.matchMany(orders);
    return orders.map((order, n) => {
      const { customer, lines } = matched[n]!;
      const problems: string[] = [];
      if (customer.kind !== 'matched') problems.push(customerProblem(order.order!.customer.email, customer));
      for (const state of lines) if (state.kind !== 'matched') problems.push(lineProblem(state));
      const products = lines.flatMap((state) => (state.kind === 'matched' ? [state.product] : []));
      const status: OrderStatus =
        customer.kind !== 'matched' ? 'customer-id-required' : products.length < lines.length ? 'product-link-failed' : 'new';
      return customer.kind === 'matched' ? { order, status, problems, customer: customer.customer, products } : { order, status, problems };
    });
  }

  /** On a match only the shipping address may change, and the e-mail opt-in is ticked, never unticked. */
  protected async updateCustomer({ order, customer }: ImportPlan): Promise<void> {
    if (!customer) return;
    const provider = order.order!.customer;
    const patch: { -readonly [K in keyof CustomerPatch]: CustomerPatch[K] } = {};
    if (JSON.stringify(customer.shippingAddress) !== JSON.stringify(provider.shippingAddress)) patch.shippingAddress = provider.shippingAddress;
    if (provider.emailOptIn && !customer.includeInCommunication) patch.includeInCommunication = true;
    if (Object.keys(patch).length) await this.customers.update(customer.id, patch);
  }

  protected draft({ order, customer, products }: ImportPlan): TransactionDraft {
    const provider = order.order!;
    const note = provider.note ? `\n${msg('Opmerking van de klant:')} ${provider.note}` : '';
    return {
      externalRef: externalRef(order.source, order.orderId),
      ...(customer ? { customerId: customer.id } : {}),
      // The order's prices, never the catalogue's.
      lines: provider.lines.map((line, index) => ({
        productId: products![index]!.id,
        description: line.description,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        vatRate: line.vatRate,
      })),
      notes: `${msg(str`eCommerce-bestelling ${order.orderId}`)}${note}`,
    };
  }

  /**
   * The stock of every product of these orders after their transactions took it: as the host's
   * commit reported it, else read once for the chunk (not once per line).
   */
  protected async stockAfter(
    plans: readonly ImportPlan[],
    resultOf: ReadonlyMap<ImportPlan, CreateTransactionResult | undefined>,
  ): Promise<ReadonlyMap<string, number>> {
    const stock = new Map<string, number>();
    for (const plan of plans) for (const [id, left] of Object.entries(resultOf.get(plan)?.stockAfter ?? {})) stock.set(id, left);
    const unknown = [...new Set(plans.flatMap((plan) => plan.products!.map((product) => product.id)))].filter((id) => !stock.has(id));
    for (const product of await getProducts(unknown, this.products)) if (product) stock.set(product.id, product.stock);
    return stock;
  }

  /** Products ordered beyond the stock there was: warnings to call the customer early; they do not block. */
  protected shortages({ order, products }: ImportPlan, stockAfter: ReadonlyMap<string, number>): string[] {
    // Two lines of one product draw on one stock: count them together, once.
    const ordered = new Map<string, { description: string; quantity: number }>();
    for (const [index, line] of order.order!.lines.entries()) {
      const id = products![index]!.id;
      const seen = ordered.get(id);
      ordered.set(id, { description: seen?.description ?? line.description, quantity: (seen?.quantity ?? 0) + line.quantity });
    }
    const warnings: string[] = [];
    for (const [id, { description, quantity }] of ordered) {
      // Stock is read after the transaction took it: below zero means there was not enough.
      const stock = stockAfter.get(id);
      if (stock !== undefined && stock < 0) {
        const short = Math.min(quantity, -stock);
        warnings.push(msg(str`Tekort: ${description}: ${short} van ${quantity} niet op voorraad`));
      }
    }
    return warnings;
  }
}

function customerProblem(email: string, state: Exclude<CustomerMatchState, { kind: 'matched' }>): string {
  if (state.kind === 'ambiguous') {
    const names = state.candidates.map((c) => `${c.firstName} ${c.lastName} (${c.id})`).join(', ');
    return msg(str`Klant: meerdere klanten met ${email}: ${names}`);
  }
  return msg(str`Klant: geen klant met e-mailadres ${email}`);
}

function lineProblem({ index, line, ...state }: Exclude<LineMatchState, { kind: 'matched' }>): string {
  const ids = [line.gtin && `EAN ${line.gtin}`, line.vendorPartNumber && `VPN ${line.vendorPartNumber}`].filter(Boolean).join(', ');
  const what = `${index + 1}. ${line.description}${ids ? ` (${ids})` : ''}`;
  if (state.kind === 'ambiguous') {
    const candidates = state.candidates.map((p) => `${p.description} (${p.id})`).join(', ');
    return msg(str`Regel ${what}: meerdere producten via ${state.by}: ${candidates}`);
  }
  return msg(str`Regel ${what}: geen product gevonden`);
}

/**
 * The transaction is built from the lines; a provider total that differs (a discount or fee the
 * contract does not describe) would make the till and the customer's receipt disagree: say so.
 */
function totalMismatch(order: ProviderOrder): string[] {
  const lines = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  const total = order.totals.totalCents;
  if (total === lines) return [];
  return [msg(str`Het totaal bij Locally (${formatEuro(total)}) wijkt af van de som van de regels (${formatEuro(lines)}); controleer de prijzen met de klant.`)];
}
