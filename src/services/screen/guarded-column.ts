import type { OrderColumn } from './order-column.js';

/**
 * A column whose value and sort key cannot break the screen: a throw gives an empty cell (and sorts
 * as empty) and is reported once per column, not once per row and render.
 */
export function guardedColumn(column: OrderColumn, report: (columnId: string, error: unknown) => void): OrderColumn {
  let reported = false;
  const safely = <T>(call: () => T, fallback: T): T => {
    try {
      return call();
    } catch (error) {
      if (!reported) {
        reported = true;
        report(column.id, error);
      }
      return fallback;
    }
  };
  return {
    id: column.id,
    title: column.title,
    ...(column.hiddenByDefault === undefined ? {} : { hiddenByDefault: column.hiddenByDefault }),
    ...(column.align === undefined ? {} : { align: column.align }),
    value: (order, context) => safely(() => String(column.value(order, context) ?? ''), ''),
    ...(column.sortKey ? { sortKey: (order, context) => safely(() => column.sortKey!(order, context), '') } : {}),
  };
}
