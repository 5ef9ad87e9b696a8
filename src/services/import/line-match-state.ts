import type { Customer, Product } from '../../host/index.js';
import type { ProviderOrderLine } from '../store/order-model.js';

/** How one order line stands against the host's catalogue now: for the order's detail and "Product koppelen". */
export type LineMatchState =
  | { readonly index: number; readonly line: ProviderOrderLine; readonly kind: 'matched'; readonly product: Product; readonly by: string }
  | {
      readonly index: number;
      readonly line: ProviderOrderLine;
      readonly kind: 'ambiguous';
      readonly candidates: readonly Product[];
      readonly by: string;
    }
  | { readonly index: number; readonly line: ProviderOrderLine; readonly kind: 'not-found' };

/** How the order's customer stands against the host's customer file now. */
export type CustomerMatchState =
  | { readonly kind: 'matched'; readonly customer: Customer; readonly by: string }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Customer[]; readonly by: string }
  | { readonly kind: 'not-found' };
