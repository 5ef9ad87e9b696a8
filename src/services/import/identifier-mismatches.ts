// Warns when a host product chosen for an order line ("Product koppelen") carries identifiers that
// denote something else than the line's, e.g. a different barcode: likely the wrong product.
import { toGtin14 } from '../../common/gtin.js';
import type { Product } from '../../host/index.js';
import type { ProviderOrderLine } from '../store/order-model.js';

export interface IdentifierMismatch {
  readonly field: 'GTIN' | 'VPN' | 'MPN';
  readonly line: string;
  readonly product: string;
}

/** The identifiers both the line and the product carry that denote different things; empty when they agree or either side lacks them. */
export function identifierMismatches(line: ProviderOrderLine, product: Product): IdentifierMismatch[] {
  const mismatches: IdentifierMismatch[] = [];
  const compare = (field: IdentifierMismatch['field'], lineValue: string | undefined, productValue: string | undefined, key: (value: string) => string) => {
    if (lineValue === undefined || productValue === undefined) return;
    const lineKey = key(lineValue);
    const productKey = key(productValue);
    // A value that normalizes to nothing ("", " ", "-") is no identifier at all.
    if (lineKey && productKey && lineKey !== productKey) mismatches.push({ field, line: lineValue, product: productValue });
  };
  compare('GTIN', line.gtin, product.ean, gtinKey);
  compare('VPN', line.vendorPartNumber, product.vendorPartNumber, (value) => value.trim().toLowerCase());
  compare('MPN', line.mpn, product.mpn, (value) => value.toLowerCase().replace(/[\s-]/g, ''));
  return mismatches;
}

/**
 * Every form of one item (EAN-8, UPC-A, EAN-13, GTIN-14) as its GTIN-14. An invalid code is still
 * something the side claims, so it is compared by its digits: it cannot equal a valid code of another item.
 */
function gtinKey(value: string): string {
  const gtin = toGtin14(value);
  if (gtin) return gtin;
  const cleaned = value.trim().replace(/[\s-]/g, '').toLowerCase();
  return /^\d+$/.test(cleaned) && cleaned.length < 14 ? cleaned.padStart(14, '0') : cleaned;
}
