import type { OrderColumn } from './order-column.js';

/**
 * A column whose value and sort key cannot break the screen: a throw gives an empty cell (and sorts
 * as empty) and is reported once per column, not once per row and render.
 */
export function guardedColumn(column: OrderColumn, report: (columnId: string, error: unknown) => void): OrderColumn {
  let reported = false;
  const failed = (error: unknown) => {
    if (!reported) {
      reported = true;
      report(column.id, error);
    }
  };
  // No closure per call: the sort asks every order's key, so this runs 10,000 times when the screen opens.
  const sortKey = column.sortKey?.bind(column);
  return {
    id: column.id,
    title: column.title,
    ...(column.hiddenByDefault === undefined ? {} : { hiddenByDefault: column.hiddenByDefault }),
    ...(column.align === undefined ? {} : { align: column.align }),
    value: (order, context) => {
      try {
        return String(column.value(order, context) ?? '');
      } catch (error) {
        failed(error);
        return '';
      }
    },
    ...(sortKey
      ? {
          sortKey: (order, context) => {
            try {
              return sortKey(order, context);
            } catch (error) {
              failed(error);
              return '';
            }
          },
        }
      : {}),
  };
}
