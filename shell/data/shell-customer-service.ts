import { msg, str } from '@lit/localize';
import type {
  Customer,
  CustomerDraft,
  CustomerPatch,
  CustomerQuery,
  CustomerService,
} from '../../src/host/customers.js';
import {
  foldText,
  fromStoredCustomer,
  nextCounter,
  normalizeEmail,
  normalizePhone,
  normalizePostcode,
  readPage,
  toStoredCustomer,
  writeTransaction,
  type ShellDatabase,
  type StoredCustomer,
} from './shell-database.js';

const PATCHABLE_KEYS: ReadonlySet<string> = new Set(['shippingAddress', 'includeInCommunication']);

export function customerId(sequence: number): string {
  return 'C' + String(sequence).padStart(4, '0');
}

/** The shell's customer file in its own IndexedDB. */
export class ShellCustomerService implements CustomerService {
  constructor(protected readonly db: ShellDatabase) {}

  async get(id: string): Promise<Customer | undefined> {
    const stored = await this.db.get('customers', id);
    return stored && fromStoredCustomer(stored);
  }

  async findByEmail(email: string): Promise<Customer[]> {
    const key = normalizeEmail(email);
    if (!key) return [];
    return (await this.db.getAllFromIndex('customers', 'byEmail', key)).map(fromStoredCustomer);
  }

  /** All in one read transaction, every request queued at once: one round trip instead of one per id. */
  async getMany(ids: readonly string[]): Promise<(Customer | undefined)[]> {
    if (ids.length === 0) return [];
    const store = this.db.transaction('customers').store;
    const stored = await Promise.all(ids.map((id) => store.get(id)));
    return stored.map((record) => record && fromStoredCustomer(record));
  }

  /** All in one read transaction, like {@link getMany}; an empty address finds nothing, as in findByEmail. */
  async findByEmails(emails: readonly string[]): Promise<Customer[][]> {
    if (emails.length === 0) return [];
    const index = this.db.transaction('customers').store.index('byEmail');
    return Promise.all(
      emails.map(async (email) => {
        const key = normalizeEmail(email);
        return key ? (await index.getAll(key)).map(fromStoredCustomer) : [];
      }),
    );
  }

  async search(query: CustomerQuery, limit = 50): Promise<Customer[]> {
    const email = query.email?.trim() ? normalizeEmail(query.email) : undefined;
    const postcode = query.postcode?.trim() ? normalizePostcode(query.postcode) : undefined;
    const phone = query.phone?.trim() ? normalizePhone(query.phone) : undefined;
    const words = query.name ? foldText(query.name).split(/\s+/).filter(Boolean) : [];

    // Start from the narrowest index the query allows; the other fields are checked below.
    let candidates: StoredCustomer[];
    if (email !== undefined) candidates = await this.db.getAllFromIndex('customers', 'byEmail', email);
    else if (phone !== undefined) candidates = await this.db.getAllFromIndex('customers', 'byPhone', phone);
    else if (postcode !== undefined) candidates = await this.db.getAllFromIndex('customers', 'byPostcode', postcode);
    else candidates = await this.db.getAll('customers');

    const result: Customer[] = [];
    for (const candidate of candidates) {
      if (result.length >= limit) break;
      if (email !== undefined && candidate.emailKey !== email) continue;
      if (phone !== undefined && candidate.phoneKey !== phone) continue;
      if (postcode !== undefined && candidate.postcodeKey !== postcode) continue;
      if (words.length > 0 && !nameMatches(candidate, words)) continue;
      result.push(fromStoredCustomer(candidate));
    }
    return result;
  }

  async create(draft: CustomerDraft): Promise<Customer> {
    if (!draft.firstName.trim() && !draft.lastName.trim()) throw new Error(msg('Een klant heeft een naam nodig'));
    return writeTransaction(this.db, ['customers', 'counters'], async (tx) => {
      const id = customerId(await nextCounter(tx, 'customer'));
      const stored = toStoredCustomer({ ...draft, id });
      await tx.objectStore('customers').add(stored);
      return fromStoredCustomer(stored);
    });
  }

  async update(id: string, patch: CustomerPatch): Promise<Customer> {
    const refused = Object.keys(patch).filter((key) => !PATCHABLE_KEYS.has(key));
    if (refused.length > 0) {
      throw new Error(msg(str`Alleen afleveradres en "Meenemen in communicatie" mogen worden gewijzigd (niet: ${refused.join(', ')})`));
    }
    if (patch.includeInCommunication !== undefined && typeof patch.includeInCommunication !== 'boolean') {
      throw new Error(msg('includeInCommunication moet waar of onwaar zijn'));
    }
    return writeTransaction(this.db, ['customers'], async (tx) => {
      const store = tx.objectStore('customers');
      const stored = await store.get(id);
      if (!stored) throw new Error(msg(str`Klant niet gevonden: ${id}`));
      const customer: Customer = {
        ...fromStoredCustomer(stored),
        ...(patch.shippingAddress !== undefined ? { shippingAddress: { ...patch.shippingAddress } } : {}),
        ...(patch.includeInCommunication !== undefined ? { includeInCommunication: patch.includeInCommunication } : {}),
      };
      await store.put(toStoredCustomer(customer));
      return customer;
    });
  }

  /** All customers in id order, a page at a time (for the shell's customer list). */
  async list(offset: number, limit: number): Promise<Customer[]> {
    return readPage(this.db, 'customers', offset, limit, fromStoredCustomer);
  }

  count(): Promise<number> {
    return this.db.count('customers');
  }
}

/** Every query word is a prefix of the first or last name, or of one of their words. */
function nameMatches(customer: Customer, words: readonly string[]): boolean {
  const first = foldText(customer.firstName);
  const last = foldText(customer.lastName);
  const parts = [first, last, ...first.split(/\s+/), ...last.split(/\s+/)];
  return words.every((word) => parts.some((part) => part.startsWith(word)));
}
