import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { Clock, Customer, CustomerQuery, CustomerService, Product, ProductService, SessionService } from '../../host/index.js';
import { HostTokens } from '../../host-tokens.js';
import { canTransition } from '../lifecycle/order-lifecycle.js';
import { orderStatusLabel } from '../lifecycle/order-status-labels.js';
import type { OrderStatus, StoredOrder } from '../store/order-model.js';
import { OrderStore } from '../store/order-store.js';
import { lineIdentifier } from './built-in-matchers.js';
import type { CloseMatch } from './close-matches.js';
import type { LineMatchState } from './line-match-state.js';
import { OrderImporter } from './order-importer.js';

/** Where an order stands after "Verkoop afhandelen": 'new' when its transaction was made. */
export interface ImportAgainResult {
  readonly status: OrderStatus;
  readonly problems: readonly string[];
}

/** How many candidates each close-match query may bring: enough for a common surname prefix. */
const CANDIDATES_PER_QUERY = 100;

/**
 * What staff do to an order the import could not finish (DESIGN §4–§5): link or create its
 * customer ("Klant identificeren"), link or create a product for a line ("Product koppelen"),
 * import it again ("Verkoop afhandelen"), or archive it to handle it by hand ("Gearchiveerd").
 * Links are remembered, so the next order of the same customer or article imports by itself.
 */
@injectable()
export class OrderRepair {
  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(OrderImporter) protected readonly importer: OrderImporter,
    @inject(HostTokens.customers) protected readonly customers: CustomerService,
    @inject(HostTokens.products) protected readonly products: ProductService,
    @inject(HostTokens.session) protected readonly session: SessionService,
    @inject(HostTokens.clock) protected readonly clock: Clock,
  ) {}

  /** Every line's match state now, for the order's detail and "Product koppelen". */
  async lineStates(order: StoredOrder): Promise<LineMatchState[]> {
    return (await this.importer.match(order)).lines;
  }

  searchCustomers(query: CustomerQuery): Promise<Customer[]> {
    return this.customers.search(query);
  }

  /** Host customers that look like the order's customer, so staff do not create a duplicate. */
  async closeMatches(order: StoredOrder): Promise<CloseMatch[]> {
    // Loaded on first use: only the screen's dialogs need it, not the code that runs at activation.
    const { closeMatchQueries, rankCloseMatches } = await import('./close-matches.js');
    const customer = payloadOf(order).customer;
    const person = {
      firstName: customer.firstName,
      lastName: customer.lastName,
      email: customer.email,
      ...(customer.phone ? { phone: customer.phone } : {}),
      postcode: customer.shippingAddress.postcode,
    };
    const found = await Promise.all(closeMatchQueries(person).map((query) => this.customers.search(query, CANDIDATES_PER_QUERY)));
    return rankCloseMatches(person, found.flat());
  }

  /** "Kies klant": remembers the host customer for this provider customer, then imports the order again. */
  async chooseCustomer(order: StoredOrder, customer: Customer): Promise<ImportAgainResult> {
    this.expectStatus(order, ['customer-id-required']);
    await this.store.putCustomerLink({
      source: order.source,
      providerCustomerId: payloadOf(order).customer.providerCustomerId,
      hostCustomerId: customer.id,
      linkedAt: this.clock.now(),
      by: this.session.user.name,
    });
    return this.importAgain(order);
  }

  /** "Nieuwe klant aanmaken": a host customer from the order's data, linked, then the order imported again. */
  async createCustomer(order: StoredOrder): Promise<ImportAgainResult> {
    this.expectStatus(order, ['customer-id-required']);
    const provider = payloadOf(order).customer;
    const created = await this.customers.create({
      firstName: provider.firstName,
      lastName: provider.lastName,
      email: provider.email,
      ...(provider.phone ? { phone: provider.phone } : {}),
      address: provider.billingAddress,
      shippingAddress: provider.shippingAddress,
      includeInCommunication: provider.emailOptIn,
    });
    return this.chooseCustomer(order, created);
  }

  searchProducts(text: string): Promise<Product[]> {
    return this.products.search(text);
  }

  /** Remembers the product for the line's identifier: this line and every later one like it match it. */
  async linkProduct(order: StoredOrder, lineIndex: number, product: Product): Promise<void> {
    const line = lineOf(order, lineIndex);
    await this.store.putProductLink({
      source: order.source,
      lineIdentifier: lineIdentifier(line),
      productId: product.id,
      linkedAt: this.clock.now(),
      by: this.session.user.name,
    });
  }

  /** "Nieuw product toevoegen": a catalogue product from the line's data (no stock yet), linked to the line. */
  async createProduct(order: StoredOrder, lineIndex: number): Promise<Product> {
    const line = lineOf(order, lineIndex);
    const product = await this.products.create({
      description: line.description,
      ...(line.gtin ? { ean: line.gtin } : {}),
      ...(line.vendorPartNumber ? { vendorPartNumber: line.vendorPartNumber } : {}),
      ...(line.mpn ? { mpn: line.mpn } : {}),
      priceCents: line.unitPriceCents,
      vatRate: line.vatRate,
      stock: 0,
    });
    await this.linkProduct(order, lineIndex, product);
    return product;
  }

  /** "Verkoop afhandelen": the import once more, with the links made meanwhile. */
  async importAgain(order: StoredOrder): Promise<ImportAgainResult> {
    const current = await this.current(order);
    await this.importer.importOrders([current], this.session.user.name);
    const after = await this.current(order);
    return { status: after.status, problems: after.problems ?? [] };
  }

  /** "Gearchiveerd": staff handle the order by hand; it leaves the import and the screen's default view. */
  async archive(order: StoredOrder): Promise<StoredOrder> {
    const current = await this.current(order);
    if (!canTransition(current.status, 'archived')) {
      throw new Error(msg(str`Een bestelling met status ${orderStatusLabel(current.status)} kan niet worden gearchiveerd.`));
    }
    return this.store.applyStatusChange({
      source: current.source,
      orderId: current.orderId,
      expectedRevision: current.revision,
      to: 'archived',
      by: this.session.user.name,
      at: this.clock.now(),
    });
  }

  /** The stored order as it is now: another tab may have moved it since the screen showed it. */
  protected async current(order: StoredOrder): Promise<StoredOrder> {
    const current = await this.store.getOrder(order.source, order.orderId);
    if (!current) throw new Error(msg(str`Bestelling ${order.orderId} bestaat niet meer.`));
    return current;
  }

  protected expectStatus(order: StoredOrder, statuses: readonly OrderStatus[]): void {
    if (!statuses.includes(order.status)) {
      throw new Error(msg(str`Bestelling ${order.orderId} heeft nu status ${orderStatusLabel(order.status)}; er valt hier niets te herstellen.`));
    }
  }
}

function payloadOf(order: StoredOrder) {
  if (!order.order) throw new Error(msg(str`Bestelling ${order.orderId} is onleesbaar; neem contact op met support.`));
  return order.order;
}

function lineOf(order: StoredOrder, lineIndex: number) {
  const line = payloadOf(order).lines[lineIndex];
  if (!line) throw new RangeError(`Order ${order.orderId} has no line ${lineIndex + 1}`);
  return line;
}
