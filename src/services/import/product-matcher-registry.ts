import type { ContributionRegistry } from '../../common/contribution-registry.js';
import type { ProductMatcher } from './matchers.js';

/**
 * The product matchers the import asks, in their `order`: the built-in ones and those registered through the API.
 */
export const ProductMatcherRegistry = Symbol('ProductMatcherRegistry');
export type ProductMatcherRegistry = ContributionRegistry<ProductMatcher>;
