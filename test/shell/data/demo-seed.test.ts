import { expect } from '@open-wc/testing';
import { DEMO_DUPLICATES, demoCustomers, demoProducts, toGtin14 } from '../../../shell/data/index.js';
import { openTestData, orderDraft, type TestData } from './shell-data-fixture.js';

describe('demo seed', () => {
  let t: TestData;

  before(async function () {
    this.timeout(20_000);
    t = await openTestData(true);
  });

  after(() => t.dispose());

  it('is deterministic and believable', () => {
    const products = demoProducts();
    const customers = demoCustomers();
    expect(products).to.deep.equal(demoProducts());
    expect(customers).to.deep.equal(demoCustomers());
    expect(products.length).to.be.within(1900, 2100);
    expect(customers.length).to.be.within(450, 550);
    expect(products[0]!.id).to.equal('P0001');
    expect(customers[0]!.id).to.equal('C0001');
    for (const product of products) {
      expect(toGtin14(product.ean!), product.ean).to.be.a('string');
      expect(product.stock).to.be.within(0, 25);
      expect([9, 21]).to.include(product.vatRate);
    }
    const upcShare = products.filter((p) => p.ean!.length === 12).length / products.length;
    expect(upcShare).to.be.within(0.03, 0.07);
    expect(products.filter((p) => p.vatRate === 9).length).to.be.within(3, 40);
    for (const customer of customers) expect(customer.address!.postcode).to.match(/^\d{4} [A-Z]{2}$/);
  });

  it('shares exactly the listed EANs and part numbers between two products', () => {
    const groups = (keyOf: (p: ReturnType<typeof demoProducts>[number]) => string | undefined) => {
      const map = new Map<string, number>();
      for (const product of demoProducts()) {
        const key = keyOf(product);
        if (key) map.set(key, (map.get(key) ?? 0) + 1);
      }
      return [...map].filter(([, n]) => n > 1);
    };
    const eanGroups = groups((p) => toGtin14(p.ean!));
    expect(eanGroups.map(([key]) => key).sort()).to.deep.equal(DEMO_DUPLICATES.eans.map((ean) => toGtin14(ean)).sort());
    expect(eanGroups.every(([, n]) => n === 2)).to.equal(true);
    const vpnGroups = groups((p) => p.vendorPartNumber?.trim().toLowerCase());
    expect(vpnGroups.map(([key]) => key).sort()).to.deep.equal(DEMO_DUPLICATES.vendorPartNumbers.map((v) => v.toLowerCase()).sort());
    expect(DEMO_DUPLICATES.eans).to.have.length(5);
    expect(DEMO_DUPLICATES.vendorPartNumbers).to.have.length(5);
  });

  it('is stored with its counts, and a UPC-A finds its EAN-13 twin', async () => {
    expect(await t.data.products.count()).to.equal(demoProducts().length);
    expect(await t.data.customers.count()).to.equal(demoCustomers().length);
    let mixedPairs = 0;
    for (const ean of DEMO_DUPLICATES.eans) {
      const found = await t.data.products.findByGtin(ean);
      expect(found, ean).to.have.length(2);
      if (found.some((p) => p.ean!.length === 12)) {
        mixedPairs++;
        const upc = found.find((p) => p.ean!.length === 12)!.ean!;
        expect((await t.data.products.findByGtin(upc)).map((p) => p.ean!.length).sort()).to.deep.equal([12, 13]);
      }
    }
    expect(mixedPairs).to.be.at.least(2);
    for (const vpn of DEMO_DUPLICATES.vendorPartNumbers) {
      expect(await t.data.products.findByVendorPartNumber(vpn), vpn).to.have.length(2);
    }
    for (const email of DEMO_DUPLICATES.emails) {
      const found = await t.data.customers.findByEmail(email.toUpperCase());
      expect(found, email).to.have.length(2);
      expect(new Set(found.map((c) => c.email)).size).to.equal(2);
    }
  });

  it('numbers new products and customers after the seed, and reset brings the seed back', async () => {
    const [first] = demoProducts();
    const created = await t.data.customers.create({ firstName: 'Nieuwe', lastName: 'Klant', includeInCommunication: false });
    expect(created.id).to.equal(`C${String(demoCustomers().length + 1).padStart(4, '0')}`);
    await t.data.transactions.create(orderDraft('locally:SEED-1', [[first!, 30]]));
    expect((await t.data.products.get(first!.id))!.stock).to.equal(first!.stock - 30);

    await t.data.reset();
    expect(await t.data.products.get(first!.id)).to.deep.equal(first);
    expect(await t.data.customers.get(created.id)).to.equal(undefined);
    expect(await t.data.transactions.list()).to.deep.equal([]);
  });
});
