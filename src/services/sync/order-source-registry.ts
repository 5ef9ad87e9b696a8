import type { ContributionRegistry } from '../../common/contribution-registry.js';
import type { OrderSource } from './order-source.js';

/**
 * The order sources the poller asks: Locally (bound in the container) and those registered through the API.
 */
export const OrderSourceRegistry = Symbol('OrderSourceRegistry');
export type OrderSourceRegistry = ContributionRegistry<OrderSource>;
