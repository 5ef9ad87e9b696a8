// The wire shapes of docs/locally-api.md, as the simulator produces them. The plugin keeps its own
// schema (src/services/sync/locally/); these types describe what a well-behaved provider sends.

export type LocallyOrderType = 'buy' | 'reserve';

export type LocallyOrderStatus =
  | 'open'
  | 'accepted'
  | 'declined'
  | 'ready-for-pickup'
  | 'picked-up'
  | 'cancelled-by-customer'
  | 'auto-cancelled'
  | 'cancelled-by-store';

export type LocallyRopisMethod = 'picked-up-paid' | 'not-picked-up' | 'cancelled-by-customer' | 'cancelled-by-store';

export interface LocallyAddress {
  readonly street: string;
  readonly postcode: string;
  readonly city: string;
  readonly country: string;
}

export interface LocallyCustomer {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone?: string;
  readonly billingAddress: LocallyAddress;
  readonly shippingAddress: LocallyAddress;
  readonly emailOptIn: boolean;
}

export interface LocallyOrderLine {
  readonly lineId: string;
  /** GTIN/UPC/EAN as the shopper's catalogue has it (8, 12, 13 or 14 digits). */
  readonly upc?: string;
  readonly mpn?: string;
  readonly vendorPartNumber?: string;
  readonly description: string;
  readonly quantity: number;
  /** Euros incl. VAT as a decimal string, e.g. "45.00". */
  readonly unitPrice: string;
  /** Percent. */
  readonly vatRate: number;
}

export interface LocallyPayment {
  readonly provider: 'stripe';
  readonly amount: string;
  readonly last4: string;
  readonly authorizationId: string;
}

/** One order (a Locally cart) as the API returns it. */
export interface LocallyOrder {
  readonly id: string;
  readonly orderUrl: string;
  readonly placedAt: string;
  readonly updatedAt: string;
  readonly type: LocallyOrderType;
  readonly status: LocallyOrderStatus;
  readonly customer: LocallyCustomer;
  readonly note?: string;
  readonly lines: readonly LocallyOrderLine[];
  readonly total: string;
  readonly currency: 'EUR';
  /** Present on `buy` orders only. */
  readonly payment?: LocallyPayment;
}
