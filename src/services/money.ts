/** Formats euro cents for staff, e.g. "€ 1.234,50" in Dutch. */
export function formatEuro(cents: number, locale = 'nl-NL'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
