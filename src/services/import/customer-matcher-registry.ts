import type { ContributionRegistry } from '../../common/contribution-registry.js';
import type { CustomerMatcher } from './matchers.js';

/**
 * The customer matchers the import asks, in their `order`: the built-in ones and those registered through the API.
 */
export const CustomerMatcherRegistry = Symbol('CustomerMatcherRegistry');
export type CustomerMatcherRegistry = ContributionRegistry<CustomerMatcher>;
