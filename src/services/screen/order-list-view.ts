import { isOpenStatus, ORDER_STATUSES, type OrderStatus, type OrderType, type StoredOrder } from '../store/order-model.js';
import type { ColumnContext, OrderColumn } from './order-columns.js';

/** "open": every status still on the screen (not Afgehandeld, not Gearchiveerd); "all": everything. */
export type StatusFilter = 'open' | 'all' | OrderStatus;
export type TypeFilter = 'all' | OrderType;

export interface OrderSort {
  readonly columnId: string;
  readonly direction: 'ascending' | 'descending';
}

/** How staff set up the list; kept in the preferences store, so it survives a reload. */
export interface OrderListSettings {
  readonly statusFilter: StatusFilter;
  readonly typeFilter: TypeFilter;
  readonly sort: OrderSort;
  /** Ids of the columns shown, in order. */
  readonly columns: readonly string[];
  /** Ids of every column there was when saved: one contributed since (another plugin) is shown, not taken as hidden. */
  readonly known?: readonly string[];
}

export function defaultListSettings(columns: readonly OrderColumn[]): OrderListSettings {
  return {
    statusFilter: 'open',
    typeFilter: 'all',
    sort: { columnId: 'placedAt', direction: 'descending' },
    columns: columns.filter((column) => !column.hiddenByDefault).map((column) => column.id),
    known: columns.map((column) => column.id),
  };
}

/** Stored settings checked against what exists now: an unknown column or status from an older version is dropped. */
export function restoreListSettings(stored: unknown, columns: readonly OrderColumn[]): OrderListSettings {
  const defaults = defaultListSettings(columns);
  if (typeof stored !== 'object' || stored === null) return defaults;
  const value = stored as Partial<Record<keyof OrderListSettings, unknown>>;
  const known = new Set(columns.map((column) => column.id));
  const statusFilter = value.statusFilter;
  const typeFilter = value.typeFilter;
  const sort = value.sort as Partial<OrderSort> | undefined;
  const shown = Array.isArray(value.columns) ? value.columns.filter((id): id is string => typeof id === 'string' && known.has(id)) : [];
  const storedKnown = Array.isArray(value.known) ? value.known.filter((id): id is string => typeof id === 'string') : undefined;
  const knownThen = storedKnown ? new Set(storedKnown) : known;
  const added = columns.filter((column) => !knownThen.has(column.id) && !column.hiddenByDefault).map((column) => column.id);
  return {
    statusFilter:
      statusFilter === 'open' || statusFilter === 'all' || ORDER_STATUSES.includes(statusFilter as OrderStatus)
        ? (statusFilter as StatusFilter)
        : defaults.statusFilter,
    typeFilter: typeFilter === 'all' || typeFilter === 'buy' || typeFilter === 'reserve' ? typeFilter : defaults.typeFilter,
    sort:
      sort && typeof sort.columnId === 'string' && known.has(sort.columnId) && (sort.direction === 'ascending' || sort.direction === 'descending')
        ? { columnId: sort.columnId, direction: sort.direction }
        : defaults.sort,
    columns: shown.length ? [...shown, ...added.filter((id) => !shown.includes(id))] : defaults.columns,
    // Kept across versions: a column of a plugin switched off for a while is not shown again by itself.
    known: [...new Set([...(storedKnown ?? []), ...(defaults.known ?? [])])],
  };
}

/** Folds case and accents, so "muller" finds "Müller". */
export function foldForSearch(text: string): string {
  // Printable ASCII (most ids, names and e-mail addresses) has no accents to fold: lower case is enough, and much cheaper.
  if (!/[^ -~]/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Search texts by order object: a stored order is immutable (a change is a new object), so each is folded once. */
const searchTexts = new WeakMap<StoredOrder, string>();

/** The text the search box looks in: order id, customer, e-mail, barcode. */
function searchText(order: StoredOrder): string {
  let text = searchTexts.get(order);
  if (text === undefined) {
    const customer = order.order?.customer;
    text = foldForSearch([order.orderId, customer?.firstName, customer?.lastName, customer?.email, order.barcode].filter(Boolean).join(' '));
    searchTexts.set(order, text);
  }
  return text;
}

/**
 * Folds the search texts of `orders` ahead of the first search, a slice at a time while the page is
 * idle, so the first keystroke does not pay for all of them. Returns a function that stops it.
 */
export function prepareSearch(orders: readonly StoredOrder[]): () => void {
  let next = 0;
  let handle = 0;
  const work = (deadline: IdleDeadline) => {
    while (next < orders.length && deadline.timeRemaining() > 1) {
      const end = Math.min(orders.length, next + 500);
      for (; next < end; next++) searchText(orders[next]!);
    }
    if (next < orders.length) handle = requestIdleCallback(work);
  };
  handle = requestIdleCallback(work);
  return () => cancelIdleCallback(handle);
}

/**
 * The orders the grid shows: filtered by status, type and search words (each must occur), sorted by
 * the chosen column; ties keep the newest first, so the order is stable between renders.
 */
export function orderListView(
  orders: readonly StoredOrder[],
  settings: Pick<OrderListSettings, 'statusFilter' | 'typeFilter' | 'sort'>,
  search: string,
  columns: readonly OrderColumn[],
  context: ColumnContext,
): StoredOrder[] {
  const words = foldForSearch(search).split(/\s+/).filter(Boolean);
  const { statusFilter, typeFilter } = settings;
  const shown = orders.filter(
    (order) =>
      (statusFilter === 'all' || (statusFilter === 'open' ? isOpenStatus(order.status) : order.status === statusFilter)) &&
      (typeFilter === 'all' || order.type === typeFilter) &&
      (words.length === 0 || words.every((word) => searchText(order).includes(word))),
  );
  const column = columns.find((c) => c.id === settings.sort.columnId);
  if (!column) return shown.sort((a, b) => b.placedAt - a.placedAt);
  const keyOf = (order: StoredOrder) => (column.sortKey ? column.sortKey(order, context) : column.value(order, context));
  // Keys computed once per order, not once per comparison.
  const keyed = shown.map((order) => ({ order, key: keyOf(order) }));
  const sign = settings.sort.direction === 'ascending' ? 1 : -1;
  let collator: Intl.Collator | undefined;
  keyed.sort((a, b) => {
    const byKey =
      typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : (collator ??= collatorFor(context.locale)).compare(String(a.key), String(b.key));
    return byKey !== 0 ? sign * byKey : b.order.placedAt - a.order.placedAt;
  });
  return keyed.map(({ order }) => order);
}

const collators = new Map<string, Intl.Collator>();

/** One collator per locale: making one costs more than sorting by numbers (the default sort, by date). */
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, collator);
  }
  return collator;
}

/**
 * The order a scanned or typed code names exactly: its order id or its transaction's barcode
 * (case and surrounding spaces ignored). Undefined when none or several.
 */
export function findByCode(orders: readonly StoredOrder[], code: string): StoredOrder | undefined {
  const wanted = code.trim().toLowerCase();
  if (!wanted) return undefined;
  const found = orders.filter((order) => order.orderId.toLowerCase() === wanted || order.barcode?.toLowerCase() === wanted);
  return found.length === 1 ? found[0] : undefined;
}
