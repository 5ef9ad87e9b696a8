import { withTimeout } from '../../common/contribution-registry.js';
import type { Customer, Product } from '../../host/index.js';
import type { ProviderCustomer, ProviderOrderLine } from '../store/order-model.js';

/**
 * What one matcher found for a line or a customer. `none`: this matcher has nothing to say, the
 * next one is asked. `ambiguous`: several candidates; later matchers may still find exactly one.
 */
export type MatchResult<T> =
  | { readonly kind: 'matched'; readonly match: T; readonly by: string }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly T[]; readonly by: string }
  | { readonly kind: 'none' };

/**
 * Finds the host product of an order line: a contribution point of the plugin. The built-in ones
 * are the remembered link (order 0), the GTIN/EAN (10) and the vendor part number (20); another
 * (say, by MPN) is added by binding one more with its own order, or through the API
 * (`registerProductMatcher`). Synchronous or asynchronous.
 */
export const ProductMatcher = Symbol('ProductMatcher');
export interface ProductMatcher {
  /** A short name for the reason shown to staff, e.g. "EAN". */
  readonly id: string;
  /** Lower runs first. */
  readonly order: number;
  match(line: ProviderOrderLine, source: string): MatchResult<Product> | Promise<MatchResult<Product>>;
}

/** Finds the host customer of an order: the remembered link (0) and the e-mail address (10) are built in. */
export const CustomerMatcher = Symbol('CustomerMatcher');
export interface CustomerMatcher {
  readonly id: string;
  readonly order: number;
  match(customer: ProviderCustomer, source: string): MatchResult<Customer> | Promise<MatchResult<Customer>>;
}

/** The outcome of all matchers together: the first exact match wins; else the first ambiguity, else nothing. */
export type Resolution<T> =
  | { readonly kind: 'matched'; readonly match: T; readonly by: string }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly T[]; readonly by: string }
  | { readonly kind: 'not-found' };

/**
 * Asks the matchers in their order. A matcher that throws or never answers is reported and skipped:
 * one broken contribution never stops an import.
 */
export async function resolveMatch<T, I>(
  matchers: readonly { readonly id: string; readonly order: number; match(input: I, source: string): MatchResult<T> | Promise<MatchResult<T>> }[],
  input: I,
  source: string,
  report: (matcherId: string, error: unknown) => void,
  timeoutMs = 5_000,
): Promise<Resolution<T>> {
  let ambiguous: Resolution<T> | undefined;
  for (const matcher of [...matchers].sort((a, b) => a.order - b.order)) {
    let result: MatchResult<T>;
    try {
      result = await withTimeout(() => matcher.match(input, source), timeoutMs);
    } catch (error) {
      report(matcher.id, error);
      continue;
    }
    if (result.kind === 'matched') return result;
    if (result.kind === 'ambiguous' && !ambiguous) ambiguous = result;
  }
  return ambiguous ?? { kind: 'not-found' };
}

/** One host result as a match result: exactly one is a match, several are ambiguous. */
export function fromCandidates<T>(by: string, candidates: readonly T[]): MatchResult<T> {
  if (candidates.length === 1) return { kind: 'matched', match: candidates[0]!, by };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates, by };
  return { kind: 'none' };
}
