/** A valid order as the Locally API sends it (docs/locally-api.md), with fields to override. */
export function wireOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'QE3QL6',
    orderUrl: 'https://www.locally.com/orders/QE3QL6',
    placedAt: '2026-11-27T09:12:00.000Z',
    updatedAt: '2026-11-27T09:12:00.000Z',
    type: 'buy',
    status: 'open',
    customer: {
      id: 'LC-10023',
      firstName: ' Sanne ',
      lastName: 'de Vries',
      email: 'Sanne.deVries@example.nl ',
      phone: '0612345678',
      billingAddress: { street: 'Oudegracht 12', postcode: '3511 AB', city: 'Utrecht', country: 'NL' },
      shippingAddress: { street: 'Neude 1', postcode: '3512 AD', city: 'Utrecht', country: 'NL' },
      emailOptIn: true,
    },
    note: 'Graag <b>voor</b> zaterdag & snel',
    lines: [
      { lineId: '1', upc: '036000291452', mpn: '11100', vendorPartNumber: 'SW-11100', description: 'Buitenband', quantity: 2, unitPrice: '45.00', vatRate: 21 },
      { lineId: '2', description: 'Fietskaart', quantity: 1, unitPrice: '9.5', vatRate: 9 },
    ],
    total: '99.50',
    currency: 'EUR',
    payment: { provider: 'stripe', amount: '99.50', last4: '4242', authorizationId: 'pi_3Nf1' },
    ...overrides,
  };
}
