import { expect } from '@open-wc/testing';
import type { Customer, CustomerPatch } from '../../../src/host/customers.js';
import { customerDraft, openTestData, rejectionOf, type TestData } from './shell-data-fixture.js';

describe('ShellCustomerService', () => {
  let t: TestData;
  let sanne: Customer;
  let jan: Customer;
  let saskia: Customer;

  beforeEach(async () => {
    t = await openTestData();
    sanne = await t.data.customers.create(customerDraft());
    jan = await t.data.customers.create(
      customerDraft({
        firstName: 'Jan',
        lastName: 'van den Berg',
        email: 'Jan.vdBerg@Ziggo.nl',
        phone: '+31 6 87654321',
        address: { street: 'Biltstraat 3', postcode: '3572ap', city: 'Utrecht', country: 'NL' },
      }),
    );
    saskia = await t.data.customers.create(
      customerDraft({ firstName: 'Saskia', lastName: 'Müller', email: 'SANNE.DEVRIES@gmail.com', phone: '0611112222' }),
    );
  });

  afterEach(() => t.dispose());

  it('creates customers with sequential ids and gets them back', async () => {
    expect([sanne.id, jan.id, saskia.id]).to.deep.equal(['C0001', 'C0002', 'C0003']);
    expect(await t.data.customers.get(jan.id)).to.deep.equal(jan);
    expect(await t.data.customers.get('C404')).to.equal(undefined);
  });

  it('finds by e-mail trimmed and case-insensitive, all that share it', async () => {
    const found = await t.data.customers.findByEmail('  Sanne.DeVries@GMAIL.com ');
    expect(found.map((c) => c.id).sort()).to.deep.equal([sanne.id, saskia.id]);
    expect(await t.data.customers.findByEmail('jan.vdberg@ziggo.nl')).to.deep.equal([jan]);
    expect(await t.data.customers.findByEmail('')).to.deep.equal([]);
  });

  it('searches by name: every word a prefix of first or last name', async () => {
    const ids = async (name: string) => (await t.data.customers.search({ name })).map((c) => c.id).sort();
    expect(await ids('sa')).to.deep.equal([sanne.id, saskia.id]);
    expect(await ids('san vri')).to.deep.equal([sanne.id]);
    expect(await ids('JAN BERG')).to.deep.equal([jan.id]);
    expect(await ids('van den')).to.deep.equal([jan.id]);
    expect(await ids('muller')).to.deep.equal([saskia.id]);
    expect(await ids('anne')).to.deep.equal([]);
  });

  it('searches by e-mail, phone and postcode, each given field must match', async () => {
    const ids = async (query: Parameters<typeof t.data.customers.search>[0]) =>
      (await t.data.customers.search(query)).map((c) => c.id).sort();
    expect(await ids({ postcode: '3572 AP' })).to.deep.equal([jan.id]);
    expect(await ids({ phone: '06 8765 4321' })).to.deep.equal([jan.id]);
    expect(await ids({ phone: '0612345678' })).to.deep.equal([sanne.id]);
    expect(await ids({ email: 'sanne.devries@gmail.com', name: 'saskia' })).to.deep.equal([saskia.id]);
    expect(await ids({ email: 'sanne.devries@gmail.com', postcode: '3572AP' })).to.deep.equal([]);
  });

  it('limits search results, 50 by default', async () => {
    for (let i = 0; i < 55; i++) await t.data.customers.create(customerDraft({ email: `klant${i}@example.nl` }));
    expect(await t.data.customers.search({ name: 'sanne' })).to.have.length(50);
    expect(await t.data.customers.search({ name: 'sanne' }, 3)).to.have.length(3);
  });

  it('updates only the shipping address and "Meenemen in communicatie"', async () => {
    const shippingAddress = { street: 'Havenstraat 1', postcode: '3991 AA', city: 'Houten', country: 'NL' };
    const updated = await t.data.customers.update(sanne.id, { shippingAddress, includeInCommunication: true });
    expect(updated).to.deep.equal({ ...sanne, shippingAddress, includeInCommunication: true });
    expect(await t.data.customers.get(sanne.id)).to.deep.equal(updated);
  });

  it('refuses to change names, e-mail or billing data', async () => {
    const patch = { email: 'hacker@example.com', includeInCommunication: true } as CustomerPatch;
    const error = await rejectionOf(t.data.customers.update(sanne.id, patch));
    expect(error.message).to.contain('email');
    expect(await t.data.customers.get(sanne.id)).to.deep.equal(sanne);
    await rejectionOf(t.data.customers.update('C404', { includeInCommunication: true }));
  });
});
