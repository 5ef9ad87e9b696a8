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
  /**
   * Optional: what `match` says for each of `lines`, in the same order, found together (the import
   * asks once per chunk of orders, so a matcher that looks things up can do so in one go).
   */
  matchMany?(lines: readonly ProviderOrderLine[], source: string): Promise<readonly MatchResult<Product>[]>;
}

/** Finds the host customer of an order: the remembered link (0) and the e-mail address (10) are built in. */
export const CustomerMatcher = Symbol('CustomerMatcher');
export interface CustomerMatcher {
  readonly id: string;
  readonly order: number;
  match(customer: ProviderCustomer, source: string): MatchResult<Customer> | Promise<MatchResult<Customer>>;
  /** Optional: what `match` says for each of `customers`, in the same order, found together. */
  matchMany?(customers: readonly ProviderCustomer[], source: string): Promise<readonly MatchResult<Customer>[]>;
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

/** A matcher as {@link resolveMatches} asks it: one input at a time, or optionally many together. */
export interface BatchMatcher<T, I> {
  readonly id: string;
  readonly order: number;
  match(input: I, source: string): MatchResult<T> | Promise<MatchResult<T>>;
  matchMany?(inputs: readonly I[], source: string): Promise<readonly MatchResult<T>[]>;
}

/**
 * {@link resolveMatch} for many inputs at once, with the same outcome for each: the matchers are
 * asked in their order, each only about the inputs still without an exact match, through its
 * `matchMany` when it has one (one call, e.g. one host look-up, for all) and else per input. A
 * `matchMany` that throws, hangs or answers for another number of inputs is reported, and the
 * matcher is then asked input by input, as one without `matchMany` is.
 */
export async function resolveMatches<T, I>(
  matchers: readonly BatchMatcher<T, I>[],
  inputs: readonly I[],
  source: string,
  report: (matcherId: string, error: unknown) => void,
  timeoutMs = 5_000,
): Promise<Resolution<T>[]> {
  const resolutions: (Resolution<T> | undefined)[] = inputs.map(() => undefined);
  const ambiguous: (Resolution<T> | undefined)[] = inputs.map(() => undefined);
  for (const matcher of [...matchers].sort((a, b) => a.order - b.order)) {
    const open = inputs.flatMap((input, index) => (resolutions[index] ? [] : [{ input, index }]));
    if (open.length === 0) break;
    const oneByOne = () =>
      Promise.all(
        open.map(({ input }) =>
          withTimeout(() => matcher.match(input, source), timeoutMs).catch((error: unknown) => {
            report(matcher.id, error);
            return undefined;
          }),
        ),
      );
    let results: readonly (MatchResult<T> | undefined)[] | undefined;
    if (matcher.matchMany) {
      const many = matcher.matchMany.bind(matcher);
      try {
        results = await withTimeout(() => many(open.map((item) => item.input), source), timeoutMs);
        if (results.length !== open.length) throw new Error(`answered for ${results.length} of ${open.length}`);
      } catch (error) {
        // One bad input or a slow batch must not cost the whole chunk its matches: ask one by one.
        report(matcher.id, error);
        results = undefined;
      }
    }
    results ??= await oneByOne();
    open.forEach(({ index }, i) => {
      const result = results[i];
      if (result?.kind === 'matched') resolutions[index] = result;
      else if (result?.kind === 'ambiguous' && !ambiguous[index]) ambiguous[index] = result;
    });
  }
  return resolutions.map((resolution, index) => resolution ?? ambiguous[index] ?? { kind: 'not-found' });
}

/** One host result as a match result: exactly one is a match, several are ambiguous. */
export function fromCandidates<T>(by: string, candidates: readonly T[]): MatchResult<T> {
  if (candidates.length === 1) return { kind: 'matched', match: candidates[0]!, by };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates, by };
  return { kind: 'none' };
}
