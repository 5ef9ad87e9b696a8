import type { MatchResult, Product, ProductMatcher, ProviderOrderLine } from '../../../src/api.js';
import type { ProductService } from '../../../src/host/index.js';

const normalize = (value: string | undefined) => value?.trim().toLowerCase() ?? '';

/**
 * Finds the product of an order line by its manufacturer's part number (MPN), after the built-in
 * matchers (0 remembered link, 10 EAN, 20 vendor part number): for a line that has an MPN and no
 * barcode the till knows.
 *
 * The host's ProductService has no look-up by MPN: `search(text)` scans description, brand,
 * barcode, vendor part number and MPN. So the matcher searches for the MPN and keeps the products
 * whose `mpn` equals it exactly; when none has (the demo bike shop fills no MPNs), those whose
 * vendor part number equals it, as many suppliers use the manufacturer's number as their own.
 * Exactly one is a match, several are ambiguous (staff choose with "Product koppelen").
 */
export class MpnProductMatcher implements ProductMatcher {
  readonly id = 'MPN';
  readonly order = 30;

  constructor(protected readonly products: ProductService) {}

  async match(line: ProviderOrderLine): Promise<MatchResult<Product>> {
    const mpn = normalize(line.mpn);
    if (!mpn) return { kind: 'none' };
    const found = await this.products.search(mpn, 500);
    const byMpn = found.filter((product) => normalize(product.mpn) === mpn);
    const candidates = byMpn.length > 0 ? byMpn : found.filter((product) => normalize(product.vendorPartNumber) === mpn);
    if (candidates.length === 1) return { kind: 'matched', match: candidates[0]!, by: this.id };
    if (candidates.length > 1) return { kind: 'ambiguous', candidates, by: this.id };
    return { kind: 'none' };
  }
}
