import type { Customer } from '../../src/host/customers.js';
import type { Product } from '../../src/host/products.js';
import { DEMO_DUPLICATES, demoCustomers, demoProducts, toGtin14 } from '../../shell/data/index.js';
import { withCheckDigit } from '../../shell/data/gtin.js';
import { mulberry32 } from '../../shell/data/mulberry32.js';
import type {
  LocallyAddress,
  LocallyCustomer,
  LocallyOrder,
  LocallyOrderLine,
  LocallyOrderType,
} from './locally-order.js';

/** What an order is made to test on the plugin's side. */
export type GeneratedOrderKind = 'match' | 'unknown-product' | 'ambiguous-product' | 'unknown-customer';

export interface GenerateOrderOptions {
  /** Placement time (epoch ms); also the order's first `updatedAt`. */
  readonly placedAt: number;
  /** Default: drawn (about 60 % buy). */
  readonly type?: LocallyOrderType;
  /** Default: drawn (about 70 % match, 10 % each of the others). */
  readonly kind?: GeneratedOrderKind;
}

/** The demo catalogue sorted into what matches once, what matches twice, and what is taken. */
interface Catalogue {
  /** Products that one EAN and (when present) one part number find, and nothing else. */
  readonly unique: readonly Product[];
  /** Products whose EAN or part number is one of the deliberate duplicates. */
  readonly ambiguousByEan: readonly Product[];
  readonly ambiguousPartNumbers: readonly string[];
  readonly gtins: ReadonlySet<string>;
  readonly customers: readonly Customer[];
  readonly emails: ReadonlySet<string>;
}

let catalogue: Catalogue | undefined;

function demoCatalogue(): Catalogue {
  if (catalogue) return catalogue;
  const products = demoProducts();
  const gtinCount = new Map<string, number>();
  const partCount = new Map<string, number>();
  for (const product of products) {
    const gtin = product.ean ? toGtin14(product.ean) : undefined;
    if (gtin) gtinCount.set(gtin, (gtinCount.get(gtin) ?? 0) + 1);
    const part = product.vendorPartNumber?.trim().toLowerCase();
    if (part) partCount.set(part, (partCount.get(part) ?? 0) + 1);
  }
  const duplicateGtins = new Set(DEMO_DUPLICATES.eans.map((ean) => toGtin14(ean)));
  const unique = products.filter((product) => {
    const gtin = product.ean ? toGtin14(product.ean) : undefined;
    const part = product.vendorPartNumber?.trim().toLowerCase();
    return gtin !== undefined && gtinCount.get(gtin) === 1 && part !== undefined && partCount.get(part) === 1;
  });
  const ambiguousByEan = products.filter((p) => p.ean && duplicateGtins.has(toGtin14(p.ean)) && !p.description.includes('oude verpakking'));

  const customers = demoCustomers();
  const emailCount = new Map<string, number>();
  for (const customer of customers) {
    const email = customer.email?.trim().toLowerCase();
    if (email) emailCount.set(email, (emailCount.get(email) ?? 0) + 1);
  }
  catalogue = {
    unique,
    ambiguousByEan,
    ambiguousPartNumbers: [...DEMO_DUPLICATES.vendorPartNumbers],
    gtins: new Set(gtinCount.keys()),
    customers: customers.filter((c) => c.email && emailCount.get(c.email.trim().toLowerCase()) === 1 && c.address),
    emails: new Set(emailCount.keys()),
  };
  return catalogue;
}

const ID_CHARACTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const NOTES = [
  'Graag voor zaterdag',
  'Ik kom donderdag na 17:00 ophalen.',
  'Kan de band meteen gemonteerd worden?',
  'Mijn broer haalt het op, hij heet Joris.',
  'Cadeautje: graag inpakken <b>met strik</b> & een kaartje "Gefeliciteerd"',
  'Bel me even als het klaarligt: liever niet mailen.',
  'Past dit op een Gazelle Chamonix uit 2019?',
];

/** Things Locally's catalogue has and the shop's does not (made-up, with valid check digits). */
const UNKNOWN_ITEMS: readonly [description: string, price: number, vatRate: number][] = [
  ['Cortina fietstas Amsterdam dubbel 30 l zwart', 64.95, 21],
  ['Lazer Cameleon MIPS helm M mat blauw', 109.0, 21],
  ['Magura HS22 remblokken set (4)', 17.95, 21],
  ['Fietsenwinkel cadeaubon 25 euro', 25.0, 0],
  ['Brompton Metro tas M met frame', 139.0, 21],
  ['Tubus Logo Evo bagagedrager zwart', 154.95, 21],
];

const NEW_FIRST_NAMES = ['Jorien', 'Wessel', 'Maud', 'Gijs', 'Roos', 'Olivier', 'Merel', 'Teun', 'Lieke', 'Jurre', 'Floor', 'Kian'];
const NEW_LAST_NAMES = ['Verbeek', 'Hofman', 'Timmermans', 'van Rijn', 'Claassen', 'ter Horst', 'Lammers', 'Bosman', 'Wouters'];
const NEW_MAIL_DOMAINS = ['protonmail.com', 'hetnet.nl', 'telfort.nl', 'yahoo.com', 'upcmail.nl'];
const NEW_STREETS = ['Ganzenmarkt', 'Twijnstraat', 'Lange Nieuwstraat', 'Kromme Nieuwegracht', 'Amsterdamsestraatweg'];
const NEW_CITIES: readonly [city: string, postcode: number][] = [['Utrecht', 3512], ['Houten', 3992], ['Maarssen', 3601], ['De Bilt', 3731]];

/**
 * A seeded generator of believable Locally orders against the shell's demo catalogue and customers:
 * order `index` of a seed is always the same order. Most match (an existing customer's e-mail,
 * products by EAN as `upc`, sometimes in UPC-A or GTIN-14 form, or by vendor part number); some have
 * an unknown product, an ambiguous one (a deliberate duplicate of the demo data) or an unknown customer.
 */
export class OrderGenerator {
  constructor(readonly seed: number) {}

  /** The `index`-th order of this seed. */
  generate(index: number, options: GenerateOrderOptions): LocallyOrder {
    // One stream per order, so an order does not depend on the ones before it.
    const random = mulberry32((Math.imul(this.seed >>> 0, 0x01000193) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const chance = (p: number) => random() < p;
    const data = demoCatalogue();

    const type: LocallyOrderType = options.type ?? (chance(0.6) ? 'buy' : 'reserve');
    const kind: GeneratedOrderKind =
      options.kind ?? pick<GeneratedOrderKind>(['match', 'match', 'match', 'match', 'match', 'match', 'match', 'unknown-product', 'ambiguous-product', 'unknown-customer']);

    const id = Array.from({ length: 6 }, () => pick([...ID_CHARACTERS])).join('');
    const lineCount = 1 + Math.floor(random() * 3);
    const specialLine = Math.floor(random() * lineCount);
    const used = new Set<Product>();
    const lines: LocallyOrderLine[] = [];
    for (let i = 0; i < lineCount; i++) {
      const lineId = String(i + 1);
      const quantity = chance(0.75) ? 1 : 2;
      if (i === specialLine && kind === 'unknown-product') lines.push(this.unknownLine(lineId, quantity, random, data));
      else if (i === specialLine && kind === 'ambiguous-product') lines.push(this.ambiguousLine(lineId, quantity, random, data));
      else {
        let product: Product;
        do product = pick(data.unique);
        while (used.has(product));
        used.add(product);
        lines.push(this.matchingLine(lineId, quantity, product, random));
      }
    }

    const totalCents = lines.reduce((sum, line) => sum + Math.round(Number(line.unitPrice) * 100) * line.quantity, 0);
    const total = euros(totalCents);
    const customer = kind === 'unknown-customer' ? this.newCustomer(random, data) : this.knownCustomer(random, data);
    const placedAt = new Date(options.placedAt).toISOString();
    const note = chance(0.35) ? pick(NOTES) : undefined;
    return {
      id,
      orderUrl: `https://www.locally.com/orders/${id}`,
      placedAt,
      updatedAt: placedAt,
      type,
      status: 'open',
      customer,
      ...(note ? { note } : {}),
      lines,
      total,
      currency: 'EUR',
      ...(type === 'buy'
        ? {
            payment: {
              provider: 'stripe' as const,
              amount: total,
              last4: String(Math.floor(random() * 10_000)).padStart(4, '0'),
              authorizationId: `pi_3${Array.from({ length: 23 }, () => pick([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'])).join('')}`,
            },
          }
        : {}),
    };
  }

  protected matchingLine(lineId: string, quantity: number, product: Product, random: () => number): LocallyOrderLine {
    const ean = product.ean!;
    const gtin14 = toGtin14(ean)!;
    const form = random();
    // Locally's catalogue writes the same item in other forms than the shop's; or gives only a part number.
    let upc: string | undefined;
    if (form < 0.55) upc = ean;
    else if (form < 0.7) upc = gtin14.startsWith('00') ? (ean.length === 12 ? gtin14.slice(1) : gtin14.slice(2)) : gtin14;
    else if (form < 0.8) upc = gtin14;
    const byPartOnly = upc === undefined;
    return {
      lineId,
      ...(upc ? { upc } : {}),
      ...(random() < 0.7 ? { mpn: gtin14.slice(8, 13) } : {}),
      ...(byPartOnly || random() < 0.5 ? { vendorPartNumber: product.vendorPartNumber! } : {}),
      description: product.description,
      quantity,
      unitPrice: euros(locallyPrice(product.priceCents, random)),
      vatRate: product.vatRate,
    };
  }

  protected unknownLine(lineId: string, quantity: number, random: () => number, data: Catalogue): LocallyOrderLine {
    const [description, price, vatRate] = UNKNOWN_ITEMS[Math.floor(random() * UNKNOWN_ITEMS.length)]!;
    let upc: string;
    do upc = withCheckDigit(`87${String(Math.floor(random() * 1e10)).padStart(10, '0')}`);
    while (data.gtins.has(toGtin14(upc)!));
    return {
      lineId,
      upc,
      vendorPartNumber: `LC-${upc.slice(6, 12)}`,
      description,
      quantity,
      unitPrice: euros(Math.round(price * 100)),
      vatRate,
    };
  }

  protected ambiguousLine(lineId: string, quantity: number, random: () => number, data: Catalogue): LocallyOrderLine {
    // Half by a shared EAN, half by a shared part number without an EAN.
    if (random() < 0.5 && data.ambiguousByEan.length > 0) {
      const product = data.ambiguousByEan[Math.floor(random() * data.ambiguousByEan.length)]!;
      return {
        lineId,
        upc: product.ean!,
        description: product.description,
        quantity,
        unitPrice: euros(locallyPrice(product.priceCents, random)),
        vatRate: product.vatRate,
      };
    }
    const part = data.ambiguousPartNumbers[Math.floor(random() * data.ambiguousPartNumbers.length)]!;
    const product = demoProducts().find((p) => p.vendorPartNumber === part)!;
    return {
      lineId,
      vendorPartNumber: part,
      description: product.description,
      quantity,
      unitPrice: euros(locallyPrice(product.priceCents, random)),
      vatRate: product.vatRate,
    };
  }

  protected knownCustomer(random: () => number, data: Catalogue): LocallyCustomer {
    const index = Math.floor(random() * data.customers.length);
    const customer = data.customers[index]!;
    const billing = customer.address!;
    // Shoppers type their address in any casing; matching must not care.
    const email = random() < 0.1 ? customer.email!.replace(/^./, (c) => c.toUpperCase()) : customer.email!;
    return {
      id: `LC-${customer.id.replace(/\D/g, '').padStart(5, '0')}`,
      firstName: customer.firstName,
      lastName: customer.lastName,
      email,
      ...(customer.phone ? { phone: customer.phone } : {}),
      billingAddress: { ...billing },
      // Some pick up for someone else: a shipping address that differs from the one the shop has.
      shippingAddress: random() < 0.1 ? this.newAddress(random) : { ...(customer.shippingAddress ?? billing) },
      emailOptIn: random() < 0.5,
    };
  }

  protected newCustomer(random: () => number, data: Catalogue): LocallyCustomer {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const firstName = pick(NEW_FIRST_NAMES);
    const lastName = pick(NEW_LAST_NAMES);
    const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
    let email: string;
    do email = `${local}${Math.floor(random() * 100)}@${pick(NEW_MAIL_DOMAINS)}`;
    while (data.emails.has(email));
    const address = this.newAddress(random);
    return {
      id: `LC-${String(200_000 + Math.floor(random() * 800_000))}`,
      firstName,
      lastName,
      email,
      ...(random() < 0.8 ? { phone: `06${String(Math.floor(random() * 1e8)).padStart(8, '0')}` } : {}),
      billingAddress: address,
      shippingAddress: { ...address },
      emailOptIn: random() < 0.5,
    };
  }

  protected newAddress(random: () => number): LocallyAddress {
    const [city, postcode] = NEW_CITIES[Math.floor(random() * NEW_CITIES.length)]!;
    const letters = 'BCEGHJKLMNPRTVXZ';
    const pair = letters[Math.floor(random() * letters.length)]! + letters[Math.floor(random() * letters.length)]!;
    return {
      street: `${NEW_STREETS[Math.floor(random() * NEW_STREETS.length)]!} ${1 + Math.floor(random() * 120)}`,
      postcode: `${postcode + Math.floor(random() * 5)} ${pair}`,
      city,
      country: 'NL',
    };
  }
}

/** Locally's price: mostly the shop's, sometimes a little lower (an online offer). */
function locallyPrice(catalogueCents: number, random: () => number): number {
  if (random() < 0.7) return catalogueCents;
  const lower = Math.round(catalogueCents * (0.88 + 0.1 * random()));
  // Round to a shop-like price ending in ,95 (or ,00 for small amounts).
  return lower < 500 ? Math.max(100, Math.round(lower / 100) * 100) : Math.floor(lower / 100) * 100 - 5;
}

function euros(cents: number): string {
  return (cents / 100).toFixed(2);
}
