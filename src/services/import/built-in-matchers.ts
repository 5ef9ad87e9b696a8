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
}
