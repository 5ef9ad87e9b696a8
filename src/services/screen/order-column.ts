import type { OutboxMessage, StoredOrder } from '../store/order-model.js';

/** What a column may need besides the order: the screen's language, the time left, the order's provider messages. */
export interface ColumnContext {
  /** BCP 47 tag for dates and amounts. */
  readonly locale: string;
  /** The acceptance deadline of an order still waiting for an answer, else undefined. */
  deadline(order: StoredOrder): OrderDeadline | undefined;
  /** Messages to the provider not yet accepted for this order. */
  outbox(order: StoredOrder): readonly OutboxMessage[];
}

export interface OrderDeadline {
  /** When the deadline falls, epoch ms (for sorting). */
  readonly at: number;
  /** "nog 2 u 15 min", "te laat". */
  readonly text: string;
  readonly level: 'ok' | 'soon' | 'urgent' | 'overdue';
}

/**
 * A column header in both languages: `{ nl, en }` (what another plugin gives), or a function that
 * answers in the screen's language (the built-in columns, through `msg()`).
 */
export type ColumnTitle = { readonly nl: string; readonly en: string } | (() => string);

/**
 * One column of the eCommerce-verkopen grid: a contribution point of the plugin. The built-in
 * columns are contributions like any other (bound with the screen); another plugin registers one
 * through the API. Cell values are plain text (provider text is never HTML). A column whose value
 * throws shows an empty cell and is reported once; it never breaks the screen.
 */
export const OrderColumn = Symbol('OrderColumn');
export interface OrderColumn {
  /** Unique among the columns; kept in staff's column choice, so keep it stable. */
  readonly id: string;
  readonly title: ColumnTitle;
  /**
   * The cell's text; synchronous, as it is asked for every row in view. It must follow from the
   * order and the context alone: a row is drawn again only when one of those changes.
   */
  value(order: StoredOrder, context: ColumnContext): string;
  /** What the column sorts by; its value when absent. */
  sortKey?(order: StoredOrder, context: ColumnContext): string | number;
  /** Shown only after staff choose it in "Kolommen". */
  readonly hiddenByDefault?: boolean;
  readonly align?: 'start' | 'end';
}

/** The column's header in `locale` (Dutch unless the locale is English). */
export function columnTitle(column: OrderColumn, locale: string): string {
  const title = column.title;
  if (typeof title === 'function') return title();
  return locale.toLowerCase().startsWith('en') ? title.en : title.nl;
}
