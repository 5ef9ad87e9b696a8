export interface Address {
  readonly street: string;
  readonly postcode: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2, e.g. "NL". */
  readonly country: string;
}

/** A customer in the shell's own customer file. */
export interface Customer {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email?: string;
  readonly phone?: string;
  /** The billing address. */
  readonly address?: Address;
  readonly shippingAddress?: Address;
  /** "Meenemen in communicatie": the customer agreed to receive e-mail. */
  readonly includeInCommunication: boolean;
}

export type CustomerDraft = Omit<Customer, 'id'>;

/** Only these fields may be changed by a plugin: never names, e-mail or billing data. */
export type CustomerPatch = Partial<Pick<Customer, 'shippingAddress' | 'includeInCommunication'>>;

/** Fields to search by; each given field must match. */
export interface CustomerQuery {
  /** Words of the first and/or last name, case-insensitive prefix match. */
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postcode?: string;
}

/** The shell's customer file. */
export interface CustomerService {
  /** One customer by id, or undefined. */
  get(id: string): Promise<Customer | undefined>;
  /** Customers whose e-mail equals `email`, trimmed and case-insensitive. */
  findByEmail(email: string): Promise<Customer[]>;
  /** Customers matching every given field of the query, at most `limit` (default 50). */
  search(query: CustomerQuery, limit?: number): Promise<Customer[]>;
  /** Creates a customer and returns it with its new id. */
  create(draft: CustomerDraft): Promise<Customer>;
  /** Changes the allowed fields and returns the updated customer. */
  update(id: string, patch: CustomerPatch): Promise<Customer>;
  /**
   * Optional batch of {@link get}: the customers of `ids` in the same order (undefined where there
   * is none), read together (the shell: in one read transaction). A plugin falls back to `get` per id.
   */
  getMany?(ids: readonly string[]): Promise<(Customer | undefined)[]>;
  /**
   * Optional batch of {@link findByEmail}: for each of `emails`, in the same order, what
   * `findByEmail` would return, read together. A plugin falls back to `findByEmail` per address.
   */
  findByEmails?(emails: readonly string[]): Promise<Customer[][]>;
}
