import type { ContributionRegistry } from '../../common/contribution-registry.js';
import type { LifecycleListener } from './lifecycle-listener.js';

/**
 * The lifecycle listeners: those bound in the container and those registered through the API.
 */
export const LifecycleListenerRegistry = Symbol('LifecycleListenerRegistry');
export type LifecycleListenerRegistry = ContributionRegistry<LifecycleListener>;
