import { expect } from '@open-wc/testing';
import type { Product } from '../../../src/host/products.js';
import { openTestData, productDraft, type TestData } from './shell-data-fixture.js';

describe('ShellProductService', () => {
  let t: TestData;
  let tyre: Product;
  let upc: Product;
  let chain: Product;

  beforeEach(async () => {
    t = await openTestData();
    tyre = await t.data.products.create(productDraft());
    upc = await t.data.products.create(
      productDraft({ description: 'Park Tool TL-1.2 bandenlichters', brand: 'Park Tool', ean: '036000291452', vendorPartNumber: 'PT-GS-TL12-STD' }),
    );
    chain = await t.data.products.create(
      productDraft({ description: 'Shimano CN-HG601 11-speed ketting 116 schakels', brand: 'Shimano', ean: undefined, vendorPartNumber: 'SH-CN-HG601-11' }),
    );
  });

  afterEach(() => t.dispose());

  it('finds by GTIN in any form', async () => {
    expect(await t.data.products.findByGtin('0036000291452')).to.deep.equal([upc]);
    expect(await t.data.products.findByGtin('00036000291452')).to.deep.equal([upc]);
    expect(await t.data.products.findByGtin('036000291452')).to.deep.equal([upc]);
    expect(await t.data.products.findByGtin('04026495366892')).to.deep.equal([tyre]);
    expect(await t.data.products.findByGtin('036000291453')).to.deep.equal([]);
  });

  it('finds by vendor part number, trimmed and case-insensitive', async () => {
    expect(await t.data.products.findByVendorPartNumber(' sh-cn-hg601-11 ')).to.deep.equal([chain]);
    expect(await t.data.products.findByVendorPartNumber('SH-CN-HG601')).to.deep.equal([]);
  });

  it('searches every word in description, brand, barcode or part number', async () => {
    const ids = async (text: string, limit?: number) => (await t.data.products.search(text, limit)).map((p) => p.id);
    expect(await ids('ketting shimano')).to.deep.equal([chain.id]);
    expect(await ids('HG601')).to.deep.equal([chain.id]);
    expect(await ids('036000')).to.deep.equal([upc.id]);
    expect(await ids('park band')).to.deep.equal([upc.id]);
    expect(await ids('band')).to.deep.equal([tyre.id, upc.id]);
    expect(await ids('band', 1)).to.deep.equal([tyre.id]);
    expect(await ids('campagnolo')).to.deep.equal([]);
  });

  it('lists a page in id order and counts', async () => {
    expect(await t.data.products.count()).to.equal(3);
    expect((await t.data.products.list(1, 5)).map((p) => p.id)).to.deep.equal([upc.id, chain.id]);
    expect(await t.data.products.list(3, 5)).to.deep.equal([]);
  });
});
