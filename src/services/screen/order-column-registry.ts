import type { ContributionRegistry } from '../../common/contribution-registry.js';
import type { OrderColumn } from './order-column.js';

/**
 * The grid's columns: the built-in ones (bound with the screen's lazily loaded module, so they
 * appear once it loads) and those registered through the API, which may come before the screen.
 */
export const OrderColumnRegistry = Symbol('OrderColumnRegistry');
export type OrderColumnRegistry = ContributionRegistry<OrderColumn>;
