// The manifest's ids, once, for code that binds behaviour to them. A test keeps these and plugin.json in step.

export const CommandIds = {
  openScreen: 'locally.openScreen',
  keepOpen: 'locally.keepOpen',
  ecommercePayment: 'locally.ecommercePayment',
  printReceipt: 'locally.printReceipt',
  checkNow: 'locally.checkNow',
  emptyTransaction: 'locally.emptyTransaction',
} as const;

export const TileIds = {
  ecommerce: 'locally.ecommerceTile',
} as const;

export const PanelIds = {
  ecommerceScreen: 'locally.ecommerceScreen',
} as const;

export const NotificationSourceIds = {
  orderMessages: 'locally.orderMessages',
  deadlineWarnings: 'locally.deadlineWarnings',
} as const;

/** The order source whose orders this plugin imports; the prefix of its external references. */
export const LOCALLY_SOURCE = 'locally';
