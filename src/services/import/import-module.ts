import { ContainerModule, type Newable } from 'inversify';
import { bindContributionProvider } from '../../common/contribution-provider.js';
import { bindContributionRegistry } from '../../common/contribution-registry.js';
import {
  EmailCustomerMatcher,
  GtinProductMatcher,
  RememberedCustomerMatcher,
  RememberedProductMatcher,
  VendorPartNumberMatcher,
} from './built-in-matchers.js';
import { CustomerMatcherRegistry } from './customer-matcher-registry.js';
import { ImportProgressRelay } from './import-progress-relay.js';
import { CustomerMatcher, ProductMatcher } from './matchers.js';
import { ProductMatcherRegistry } from './product-matcher-registry.js';

/** Import: the matchers (built-in ones bound like any other contribution); the importer itself is `importerModule`, loaded lazily. */
export const importModule = new ContainerModule(({ bind }) => {
  bindContributionProvider(bind, ProductMatcher);
  bindContributionProvider(bind, CustomerMatcher);
  const contribute = (point: symbol, implementation: Newable<object>) => {
    bind(implementation).toSelf().inSingletonScope();
    bind(point).toService(implementation);
  };
  contribute(ProductMatcher, RememberedProductMatcher);
  contribute(ProductMatcher, GtinProductMatcher);
  contribute(ProductMatcher, VendorPartNumberMatcher);
  contribute(CustomerMatcher, RememberedCustomerMatcher);
  contribute(CustomerMatcher, EmailCustomerMatcher);
  bindContributionRegistry(bind, ProductMatcherRegistry, ProductMatcher, 'product matcher');
  bindContributionRegistry(bind, CustomerMatcherRegistry, CustomerMatcher, 'customer matcher');
  bind(ImportProgressRelay).toSelf().inSingletonScope();
});
