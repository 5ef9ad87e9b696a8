import { expect } from '@open-wc/testing';
import type { Product } from '../../src/host/index.js';
import type { ProviderOrderLine } from '../../src/services/store/order-model.js';
import { identifierMismatches } from '../../src/services/import/identifier-mismatches.js';

const line = (identifiers: Pick<ProviderOrderLine, 'gtin' | 'vendorPartNumber' | 'mpn'>): ProviderOrderLine => ({
  lineId: '1',
  description: 'Shimano Deore kettingblad',
  quantity: 1,
  unitPriceCents: 2_995,
  vatRate: 21,
  ...identifiers,
});
const product = (identifiers: Pick<Product, 'ean' | 'vendorPartNumber' | 'mpn'>): Product => ({
  id: 'P1',
  description: 'Kettingblad',
  priceCents: 2_995,
  vatRate: 21,
  stock: 3,
  ...identifiers,
});

// 4006381333931 is a valid EAN-13; 036000291452 a valid UPC-A, written as EAN-13 it is 0036000291452.
describe('the identifiers an order line and a chosen product disagree on', () => {
  it('is empty when they agree', () => {
    expect(
      identifierMismatches(
        line({ gtin: '4006381333931', vendorPartNumber: 'SH-CN-HG601', mpn: 'CN-HG601-11' }),
        product({ ean: '4006381333931', vendorPartNumber: 'SH-CN-HG601', mpn: 'CN-HG601-11' }),
      ),
    ).to.deep.equal([]);
  });

  it('compares barcodes as GTIN-14, so UPC-A, EAN-13 and GTIN-14 of one item agree', () => {
    expect(identifierMismatches(line({ gtin: '036000291452' }), product({ ean: '0036000291452' }))).to.deep.equal([]);
    expect(identifierMismatches(line({ gtin: '00036000291452' }), product({ ean: '036000291452' }))).to.deep.equal([]);
    expect(identifierMismatches(line({ gtin: '4006381 333931' }), product({ ean: '4006381-333931' }))).to.deep.equal([]);
  });

  it('reports a different barcode with the values as written', () => {
    expect(identifierMismatches(line({ gtin: '036000291452' }), product({ ean: '4006381333931' }))).to.deep.equal([
      { field: 'GTIN', line: '036000291452', product: '4006381333931' },
    ]);
  });

  it('reports an invalid barcode that differs from the other side, but not one that is the same', () => {
    expect(identifierMismatches(line({ gtin: '4006381333932' }), product({ ean: '4006381333931' }))).to.deep.equal([
      { field: 'GTIN', line: '4006381333932', product: '4006381333931' },
    ]);
    expect(identifierMismatches(line({ gtin: '12345' }), product({ ean: ' 12345' }))).to.deep.equal([]);
  });

  it('compares vendor part numbers trimmed and case-insensitive', () => {
    expect(identifierMismatches(line({ vendorPartNumber: ' sh-cn-hg601 ' }), product({ vendorPartNumber: 'SH-CN-HG601' }))).to.deep.equal([]);
    // Unlike an MPN, a dash in a vendor part number counts.
    expect(identifierMismatches(line({ vendorPartNumber: 'SHCNHG601' }), product({ vendorPartNumber: 'SH-CN-HG601' }))).to.deep.equal([
      { field: 'VPN', line: 'SHCNHG601', product: 'SH-CN-HG601' },
    ]);
  });

  it('compares MPNs ignoring case, spaces and dashes', () => {
    expect(identifierMismatches(line({ mpn: 'cn hg601 11' }), product({ mpn: 'CN-HG601-11' }))).to.deep.equal([]);
    expect(identifierMismatches(line({ mpn: 'CN-HG601-11' }), product({ mpn: 'CN-HG701-11' }))).to.deep.equal([
      { field: 'MPN', line: 'CN-HG601-11', product: 'CN-HG701-11' },
    ]);
  });

  it('is silent about identifiers only one side carries, or that are blank', () => {
    expect(identifierMismatches(line({ gtin: '4006381333931', vendorPartNumber: 'A1' }), product({ mpn: 'X-1' }))).to.deep.equal([]);
    expect(identifierMismatches(line({ gtin: ' ', vendorPartNumber: '', mpn: ' - ' }), product({ ean: '4006381333931', vendorPartNumber: 'A1', mpn: 'X-1' }))).to.deep.equal(
      [],
    );
  });

  it('reports every field that disagrees, in the order GTIN, VPN, MPN', () => {
    const mismatches = identifierMismatches(
      line({ gtin: '4006381333931', vendorPartNumber: 'A1', mpn: 'X-1' }),
      product({ ean: '036000291452', vendorPartNumber: 'B2', mpn: 'Y-2' }),
    );
    expect(mismatches.map((mismatch) => mismatch.field)).to.deep.equal(['GTIN', 'VPN', 'MPN']);
  });
});
