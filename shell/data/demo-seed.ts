import type { Address, Customer } from '../../src/host/customers.js';
import type { Product } from '../../src/host/products.js';
import { DEMO_BRANDS, DEMO_CATEGORIES } from './demo-catalogue.js';
import { toGtin14, withCheckDigit } from './gtin.js';
import { mulberry32 } from './mulberry32.js';
import { customerId } from './shell-customer-service.js';
import {
  toStoredCustomer,
  toStoredProduct,
  type ShellWriteTransaction,
} from './shell-database.js';
import { productId } from './shell-product-service.js';

const PRODUCT_COUNT = 2000;
const CUSTOMER_COUNT = 500;
const DUPLICATE_PAIRS = 5;

interface DemoData {
  readonly products: readonly Product[];
  readonly customers: readonly Customer[];
  readonly duplicates: { readonly eans: string[]; readonly vendorPartNumbers: string[]; readonly emails: string[] };
}

let demoData: DemoData | undefined;

function data(): DemoData {
  demoData ??= generate();
  return demoData;
}

/** The demo catalogue of a Dutch bike shop: the same products on every call. */
export function demoProducts(): Product[] {
  return [...data().products];
}

/** The demo customer file: the same customers on every call. */
export function demoCustomers(): Customer[] {
  return [...data().customers];
}

/**
 * Deliberate duplicates in the demo data, for the "several match" paths: EANs (as EAN-13) that two
 * products share (two pairs written once as UPC-A, once as EAN-13), vendor part numbers two products
 * share, and e-mail addresses (lower case) two customers share in different casing.
 */
export const DEMO_DUPLICATES: {
  readonly eans: readonly string[];
  readonly vendorPartNumbers: readonly string[];
  readonly emails: readonly string[];
} = {
  get eans() {
    return data().duplicates.eans;
  },
  get vendorPartNumbers() {
    return data().duplicates.vendorPartNumbers;
  },
  get emails() {
    return data().duplicates.emails;
  },
};

/** Writes the demo data into an emptied database inside the caller's transaction. */
export async function writeDemoData(
  tx: ShellWriteTransaction<('products' | 'customers' | 'counters' | 'transactions')[]>,
): Promise<void> {
  const { products, customers } = data();
  const productStore = tx.objectStore('products');
  const customerStore = tx.objectStore('customers');
  const counters = tx.objectStore('counters');
  // Queued together rather than awaited one by one: one round of requests is much faster.
  await Promise.all([
    ...products.map((product) => productStore.put(toStoredProduct(product))),
    ...customers.map((customer) => customerStore.put(toStoredCustomer(customer))),
    counters.put(products.length, 'product'),
    counters.put(customers.length, 'customer'),
  ]);
}

function generate(): DemoData {
  const products = generateProducts();
  const customers = generateCustomers();
  return {
    products: products.list,
    customers: customers.list,
    duplicates: { eans: products.eans, vendorPartNumbers: products.vendorPartNumbers, emails: customers.emails },
  };
}

function split(entry: string): [label: string, code: string] {
  const bar = entry.indexOf('|');
  if (bar >= 0) return [entry.slice(0, bar), entry.slice(bar + 1)];
  return [entry, entry.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 8)];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A shop price: whole euros ending in ,95 or ,99 (or ,49 for small items). */
function shopPrice(euros: number): number {
  const whole = Math.max(1, Math.floor(euros));
  const cents = euros < 5 ? 49 : euros > 250 ? 0 : whole % 3 === 0 ? 99 : 95;
  return whole * 100 + cents;
}

interface Draft {
  description: string;
  brand: string;
  /** The GTIN-13 of the item; written as UPC-A for some. */
  gtin13: string;
  asUpc: boolean;
  vendorPartNumber: string;
  priceCents: number;
  vatRate: number;
  stock: number;
  model: string;
}

function generateProducts(): { list: Product[]; eans: string[]; vendorPartNumbers: string[] } {
  const random = mulberry32(20_240_501);
  const nextItem = new Map<string, number>();
  const gtinFor = (brand: string): string => {
    const [, prefix] = DEMO_BRANDS[brand]!;
    const item = nextItem.get(brand) ?? 10_000 + Math.floor(random() * 40_000);
    nextItem.set(brand, item + 1 + Math.floor(random() * 3));
    return withCheckDigit(prefix + String(item).padStart(5, '0'));
  };

  const all: Draft[] = [];
  const seenPartNumbers = new Set<string>();
  for (const category of DEMO_CATEGORIES) {
    for (const [brand, models] of Object.entries(category.models)) {
      const [brandCode] = DEMO_BRANDS[brand]!;
      for (const modelEntry of models) {
        const [model, modelCode] = split(modelEntry);
        const [low, high] = category.price;
        const base = low + (high - low) * random() ** 1.5;
        for (const variantEntry of category.variants) {
          const [variant, variantCode] = split(variantEntry);
          let vendorPartNumber = `${brandCode}-${category.code}-${modelCode}-${variantCode}`;
          for (let n = 2; seenPartNumbers.has(vendorPartNumber); n++) vendorPartNumber = `${brandCode}-${category.code}-${modelCode}-${variantCode}${n}`;
          seenPartNumbers.add(vendorPartNumber);
          all.push({
            description: [brand, model, category.name, variant].filter(Boolean).join(' '),
            brand,
            gtin13: gtinFor(brand),
            asUpc: false,
            vendorPartNumber,
            priceCents: shopPrice(base * (0.9 + 0.25 * random())),
            vatRate: category.vatRate,
            stock: random() < 0.12 ? 0 : 1 + Math.floor(random() * 25),
            model: `${brand}|${category.code}|${modelCode}`,
          });
        }
      }
    }
  }

  // Keep a stable, evenly spread selection that leaves room for the duplicates.
  const target = PRODUCT_COUNT - DUPLICATE_PAIRS;
  const drafts = all.length <= target ? all : Array.from({ length: target }, (_, i) => all[Math.floor((i * all.length) / target)]!);

  // About 5 % written as 12-digit UPC-A, as US brands print them.
  const upcCandidates = drafts.filter((d) => d.gtin13.startsWith('0'));
  const upcWanted = Math.round(PRODUCT_COUNT * 0.05);
  upcCandidates.forEach((d, i) => {
    d.asUpc = Math.floor((i * upcWanted) / upcCandidates.length) !== Math.floor(((i + 1) * upcWanted) / upcCandidates.length);
  });

  // EAN twins: the same item entered twice ("oude verpakking"); two written once as UPC-A, once as EAN-13.
  const eans: string[] = [];
  const twins: Draft[] = [];
  const spread = (list: readonly Draft[], n: number, phase: number): Draft[] =>
    Array.from({ length: n }, (_, i) => list[Math.floor(((i + phase) * list.length) / n)]!);
  const upcTwinBases = spread(upcCandidates.filter((d) => !d.asUpc), 2, 0.5);
  const eanTwinBases = spread(drafts.filter((d) => !d.gtin13.startsWith('0')), DUPLICATE_PAIRS - 2, 0.5);
  for (const base of [...upcTwinBases, ...eanTwinBases]) {
    const upcTwin = upcTwinBases.includes(base);
    base.asUpc = false;
    twins.push({
      ...base,
      description: `${base.description} (oude verpakking)`,
      asUpc: upcTwin,
      vendorPartNumber: '',
      priceCents: base.priceCents - 100,
      stock: Math.floor(random() * 3),
    });
    eans.push(base.gtin13);
  }

  // Part-number twins: a sibling variant given the same part number by mistake (one in other casing).
  const vendorPartNumbers: string[] = [];
  const siblings = drafts.filter((d, i) => i > 0 && drafts[i - 1]!.model === d.model);
  for (const [n, second] of spread(siblings, DUPLICATE_PAIRS, 0.3).entries()) {
    const first = drafts[drafts.indexOf(second) - 1]!;
    second.vendorPartNumber = n === 0 ? first.vendorPartNumber.toLowerCase() : first.vendorPartNumber;
    vendorPartNumbers.push(first.vendorPartNumber);
  }

  const list = [...drafts, ...twins].map((d, i): Product => {
    const ean = d.asUpc ? d.gtin13.slice(1) : d.gtin13;
    return Object.freeze({
      id: productId(i + 1),
      description: d.description,
      brand: d.brand,
      ean,
      ...(d.vendorPartNumber ? { vendorPartNumber: d.vendorPartNumber } : {}),
      priceCents: d.priceCents,
      vatRate: d.vatRate,
      stock: d.stock,
    });
  });
  if (list.some((p) => p.ean !== undefined && toGtin14(p.ean) === undefined)) throw new Error('Demo seed made an invalid EAN');
  return { list, eans, vendorPartNumbers };
}

const FIRST_NAMES = [
  'Jan', 'Piet', 'Kees', 'Henk', 'Willem', 'Daan', 'Sem', 'Lucas', 'Levi', 'Finn', 'Bram', 'Thijs', 'Ruben', 'Jesse',
  'Niels', 'Sander', 'Bas', 'Joost', 'Maarten', 'Gert', 'Hans', 'Erik', 'Ties', 'Milan', 'Luuk', 'Stijn', 'Koen',
  'Anna', 'Emma', 'Sophie', 'Julia', 'Sanne', 'Lotte', 'Femke', 'Anouk', 'Iris', 'Lisa', 'Eva', 'Fleur', 'Noor',
  'Tess', 'Mila', 'Saar', 'Marieke', 'Ingrid', 'Els', 'Annelies', 'Wilma', 'Karin', 'Mirjam', 'Esther', 'Linda',
  'Yara', 'Fatima', 'Mohamed', 'Ayoub', 'Elif', 'Emre', 'Priya', 'Chen', 'Zoë', 'Chloë', 'Noël', 'Loïs',
];

const LAST_NAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer',
  'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan',
  'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden',
  'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster',
  'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters', "van 't Hof", 'Kramer', 'Postma', 'Kuipers',
  'Yilmaz', 'El Amrani', 'Öztürk', 'Wang', 'Sharma', 'Bouzid',
];

const STREETS = [
  'Dorpsstraat', 'Kerkstraat', 'Stationsweg', 'Molenweg', 'Hoofdstraat', 'Julianastraat', 'Wilhelminastraat',
  'Beatrixlaan', 'Schoolstraat', 'Lindelaan', 'Eikenlaan', 'Parallelweg', 'Nieuwstraat', 'Marktplein',
  'Havenstraat', 'Industrieweg', 'Oude Gracht', 'Biltstraat', 'Amsterdamsestraatweg', 'Kanaalweg', 'Prinsengracht',
  'Laan van Nieuw Oost-Indië', 'Burgemeester Reigerstraat', 'Van Limburg Stirumstraat', "'s-Gravendijkwal",
];

/** City with its range of postcode digits. */
const CITIES: readonly [city: string, from: number, to: number, weight: number][] = [
  ['Utrecht', 3511, 3585, 10],
  ['Houten', 3991, 3995, 3],
  ['Nieuwegein', 3431, 3439, 3],
  ['Zeist', 3701, 3709, 3],
  ['Bunnik', 3981, 3984, 1],
  ['Amersfoort', 3811, 3829, 2],
  ['Amsterdam', 1011, 1109, 2],
  ['Rotterdam', 3011, 3089, 1],
  ['Den Haag', 2491, 2597, 1],
  ['Eindhoven', 5611, 5658, 1],
  ['Groningen', 9711, 9747, 1],
  ['Zwolle', 8011, 8043, 1],
  ['Haarlem', 2011, 2037, 1],
];

const MAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'xs4all.nl', 'live.nl', 'planet.nl', 'icloud.com'];

function generateCustomers(): { list: Customer[]; emails: string[] } {
  const random = mulberry32(19_870_412);
  const cityPool = CITIES.flatMap((city) => Array.from({ length: city[3] }, () => city));
  const letters = 'ABCDEFGHJKLMNPRSTVWXZ';
  const address = (): Address => {
    const [city, from, to] = pick(random, cityPool);
    let pair: string;
    // SA, SD and SS are not issued in Dutch postcodes.
    do pair = pick(random, [...letters]) + pick(random, [...letters]);
    while (pair === 'SA' || pair === 'SD' || pair === 'SS');
    const number = 1 + Math.floor(random() ** 2 * 240);
    const suffix = random() < 0.1 ? pick(random, ['A', 'B', '-2', ' bis', '-1hg']) : '';
    return {
      street: `${pick(random, STREETS)} ${number}${suffix}`,
      postcode: `${from + Math.floor(random() * (to - from + 1))} ${pair}`,
      city,
      country: 'NL',
    };
  };
  const mailName = (text: string): string =>
    text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

  const usedEmails = new Set<string>();
  const usedPhones = new Set<string>();
  const list: Customer[] = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    let email: string | undefined;
    if (random() > 0.03) {
      const style = Math.floor(random() * 3);
      const local =
        style === 0 ? `${mailName(firstName)}.${mailName(lastName)}` : style === 1 ? `${mailName(firstName)[0]}${mailName(lastName)}` : `${mailName(firstName)}${mailName(lastName)}`;
      const domain = pick(random, MAIL_DOMAINS);
      email = `${local}@${domain}`;
      for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
      usedEmails.add(email);
    }
    let phone: string | undefined;
    if (random() > 0.05) {
      let digits: string;
      do digits = String(Math.floor(random() * 100_000_000)).padStart(8, '0');
      while (usedPhones.has(digits));
      usedPhones.add(digits);
      phone = pick(random, [`06-${digits}`, `06 ${digits}`, `06${digits}`, `+31 6 ${digits}`]);
    }
    const billing = address();
    list.push({
      id: customerId(i + 1),
      firstName,
      lastName,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      address: billing,
      ...(random() < 0.08 ? { shippingAddress: address() } : {}),
      includeInCommunication: random() < 0.4,
    });
  }

  // Three e-mail addresses used twice in different casing: a customer entered twice, twice, and a family.
  const emails: string[] = [];
  const pairs: [number, number][] = [[41, 287], [118, 402], [203, 466]];
  for (const [n, [a, b]] of pairs.entries()) {
    const first = list[a]!;
    const second = list[b]!;
    const family = n === 2;
    const lower = family
      ? `fam.${mailName(first.lastName)}@ziggo.nl`
      : first.email ?? `${mailName(first.firstName)}.${mailName(first.lastName)}@gmail.com`;
    const [local = '', domain = ''] = lower.split('@');
    const capitalized = local.replace(/(^|\.)([a-z])/g, (_, dot: string, letter: string) => dot + letter.toUpperCase());
    const cased = n === 1 ? lower.toUpperCase() : `${capitalized}@${domain}`;
    list[a] = { ...first, email: lower };
    list[b] = family
      ? { ...second, lastName: first.lastName, email: cased }
      : { ...second, firstName: first.firstName, lastName: first.lastName, email: cased };
    emails.push(lower);
  }
  return { list: list.map((customer) => Object.freeze(customer)), emails };
}
