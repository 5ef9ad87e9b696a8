import type { Event } from '../common/event.js';

/** Permission ids the shell knows; plugins may declare more in `contributes.permissions`. */
export const Permissions = {
  /** "eCommerce importeren": may import and handle online orders. */
  ecommerceImport: 'ecommerce.import',
  /** "Geavanceerde betalingen": may record payments other than cash and card. */
  advancedPayments: 'payments.advanced',
} as const;

export interface User {
  readonly id: string;
  readonly name: string;
  readonly permissions: readonly string[];
}

/** Who is at the till. */
export interface SessionService {
  /** The signed-in user. */
  readonly user: User;
  /** Whether the signed-in user holds a permission. */
  hasPermission(permission: string): boolean;
  /** Fires when another user signs in. */
  readonly onDidChangeUser: Event<User>;
}
