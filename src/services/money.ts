import { formatLocale } from '../localization/format-locale.js';

const euroFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formats euro cents for staff, e.g. "€ 1.234,50" in Dutch, "€1,234.50" in British English. Without
 * a locale: the host's current one (see format-locale.ts), so dialogs and messages follow a switch.
 */
export function formatEuro(cents: number, locale = formatLocale()): string {
  // One formatter per locale: building one per amount was the largest cost of scrolling the screen.
  let format = euroFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    euroFormats.set(locale, format);
  }
  return format.format(cents / 100);
}
