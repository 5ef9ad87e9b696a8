import { inject, injectable } from 'inversify';
import { toGtin14 } from '../../common/gtin.js';
import type { Customer, CustomerService, Product, ProductService } from '../../host/index.js';
import { HostTokens } from '../../host-tokens.js';
import type { ProviderCustomer, ProviderOrderLine } from '../store/order-model.js';
import { OrderStore } from '../store/order-store.js';
import { fromCandidates, type CustomerMatcher, type MatchResult, type ProductMatcher } from './matchers.js';

/**
 * How a line is remembered when staff link it by hand: its GTIN-14, else its vendor part number,
 * else its MPN, else its description (a line without any code can still be linked once for all).
 */
export function lineIdentifier(line: ProviderOrderLine): string {
  const gtin = line.gtin ? toGtin14(line.gtin) : undefined;
  if (gtin) return gtin;
  const part = line.vendorPartNumber?.trim().toLowerCase();
  if (part) return `vpn:${part}`;
  const mpn = line.mpn?.replace(/[\s-]/g, '').toLowerCase();
  if (mpn) return `mpn:${mpn}`;
  return `text:${line.description.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** A product staff linked to this line's identifier before ("Product koppelen"). */
@injectable()
export class RememberedProductMatcher implements ProductMatcher {
  readonly id = 'link';
  readonly order = 0;

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(HostTokens.products) protected readonly products: ProductService,
  ) {}

  async match(line: ProviderOrderLine, source: string): Promise<MatchResult<Product>> {
    const link = await this.store.getProductLink(source, lineIdentifier(line));
    const product = link ? await this.products.get(link.productId) : undefined;
    return product ? { kind: 'matched', match: product, by: this.id } : { kind: 'none' };
  }

  /** The links of all lines in one read, then their products in one more (when the host can batch). */
  async matchMany(lines: readonly ProviderOrderLine[], source: string): Promise<MatchResult<Product>[]> {
    const links = await this.store.getProductLinks(source, lines.map(lineIdentifier));
    const ids = links.flatMap((link) => (link ? [link.productId] : []));
    const found = new Map((await getProducts(ids, this.products)).flatMap((product) => (product ? [[product.id, product] as const] : [])));
    return links.map((link): MatchResult<Product> => {
      const product = link && found.get(link.productId);
      return product ? { kind: 'matched', match: product, by: this.id } : { kind: 'none' };
    });
  }
}

/** Exactly one product with the line's GTIN/UPC/EAN, compared as GTIN-14 through the host's index. */
@injectable()
export class GtinProductMatcher implements ProductMatcher {
  readonly id = 'EAN';
  readonly order = 10;

  constructor(@inject(HostTokens.products) protected readonly products: ProductService) {}

  async match(line: ProviderOrderLine): Promise<MatchResult<Product>> {
    const gtin = line.gtin ? toGtin14(line.gtin) : undefined;
    return gtin ? fromCandidates(this.id, await this.products.findByGtin(gtin)) : { kind: 'none' };
  }

  /** Every line's code in one host look-up when the host offers `findByGtins`, else one per line. */
  async matchMany(lines: readonly ProviderOrderLine[]): Promise<MatchResult<Product>[]> {
    const gtins = lines.map((line) => (line.gtin ? toGtin14(line.gtin) : undefined));
    const codes = gtins.filter((gtin): gtin is string => gtin !== undefined);
    const found = this.products.findByGtins
      ? await this.products.findByGtins(codes)
      : await Promise.all(codes.map((gtin) => this.products.findByGtin(gtin)));
    let next = 0;
    return gtins.map((gtin): MatchResult<Product> => (gtin === undefined ? { kind: 'none' } : fromCandidates(this.id, found[next++] ?? [])));
  }
}

/** Exactly one product with the line's vendor part number (trimmed, case-insensitive). */
@injectable()
export class VendorPartNumberMatcher implements ProductMatcher {
  readonly id = 'VPN';
  readonly order = 20;

  constructor(@inject(HostTokens.products) protected readonly products: ProductService) {}

  async match(line: ProviderOrderLine): Promise<MatchResult<Product>> {
    const part = line.vendorPartNumber?.trim();
    return part ? fromCandidates(this.id, await this.products.findByVendorPartNumber(part)) : { kind: 'none' };
  }
}

/** The host customer staff chose for this provider customer before ("Klant identificeren"). */
@injectable()
export class RememberedCustomerMatcher implements CustomerMatcher {
  readonly id = 'link';
  readonly order = 0;

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(HostTokens.customers) protected readonly customers: CustomerService,
  ) {}

  async match(customer: ProviderCustomer, source: string): Promise<MatchResult<Customer>> {
    const link = await this.store.getCustomerLink(source, customer.providerCustomerId);
    const found = link ? await this.customers.get(link.hostCustomerId) : undefined;
    return found ? { kind: 'matched', match: found, by: this.id } : { kind: 'none' };
  }

  /** The links of all customers in one read, then the host's customers in one more (when it can batch). */
  async matchMany(customers: readonly ProviderCustomer[], source: string): Promise<MatchResult<Customer>[]> {
    const links = await this.store.getCustomerLinks(source, customers.map((customer) => customer.providerCustomerId));
    const ids = links.flatMap((link) => (link ? [link.hostCustomerId] : []));
    const many = this.customers.getMany?.bind(this.customers);
    const hostCustomers = many ? await many(ids) : await Promise.all(ids.map((id) => this.customers.get(id)));
    const found = new Map(hostCustomers.flatMap((customer) => (customer ? [[customer.id, customer] as const] : [])));
    return links.map((link): MatchResult<Customer> => {
      const customer = link && found.get(link.hostCustomerId);
      return customer ? { kind: 'matched', match: customer, by: this.id } : { kind: 'none' };
    });
  }
}

/** Exactly one host customer with the order's e-mail address (trimmed, case-insensitive). */
@injectable()
export class EmailCustomerMatcher implements CustomerMatcher {
  readonly id = 'e-mail';
  readonly order = 10;

  constructor(@inject(HostTokens.customers) protected readonly customers: CustomerService) {}

  async match(customer: ProviderCustomer): Promise<MatchResult<Customer>> {
    const email = customer.email.trim();
    return email ? fromCandidates(this.id, await this.customers.findByEmail(email)) : { kind: 'none' };
  }

  /** Every address in one host look-up when the host offers `findByEmails`, else one per customer. */
  async matchMany(customers: readonly ProviderCustomer[]): Promise<MatchResult<Customer>[]> {
    const emails = customers.map((customer) => customer.email.trim());
    const codes = emails.filter(Boolean);
    const found = this.customers.findByEmails
      ? await this.customers.findByEmails(codes)
      : await Promise.all(codes.map((email) => this.customers.findByEmail(email)));
    let next = 0;
    return emails.map((email): MatchResult<Customer> => (email ? fromCandidates(this.id, found[next++] ?? []) : { kind: 'none' }));
  }
}

/**
 * The host's products of `ids` (undefined where there is none), in the same order: in one call when
 * the host offers `getMany`, else one `get` per id. For the import's reads of a whole chunk.
 */
export async function getProducts(ids: readonly string[], products: ProductService): Promise<(Product | undefined)[]> {
  if (ids.length === 0) return [];
  return products.getMany ? products.getMany(ids) : Promise.all(ids.map((id) => products.get(id)));
}
