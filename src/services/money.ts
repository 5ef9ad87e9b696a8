const euroFormats = new Map<string, Intl.NumberFormat>();

/** Formats euro cents for staff, e.g. "€ 1.234,50" in Dutch. */
export function formatEuro(cents: number, locale = 'nl-NL'): string {
  // One formatter per locale: building one per amount was the largest cost of scrolling the screen.
  let format = euroFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    euroFormats.set(locale, format);
  }
  return format.format(cents / 100);
}
