/** A line's contribution to a receipt's VAT summary: prices incl. VAT, in euro cents. */
export interface VatLine {
  readonly quantity: number;
  readonly unitPriceCents: number;
  readonly vatRate: number;
}

export interface VatRow {
  readonly rate: number;
  /** Incl. VAT. */
  readonly grossCents: number;
  readonly vatCents: number;
  readonly netCents: number;
}

export interface VatSummary {
  /** One row per rate, highest rate first. */
  readonly rows: readonly VatRow[];
  readonly grossCents: number;
  readonly vatCents: number;
  readonly netCents: number;
}

/**
 * VAT contained in prices incl. VAT, per rate (as Dutch receipts show it): the VAT is taken from each
 * rate's gross total, rounded once per rate, so the rows add up to the total.
 */
export function vatSummary(lines: readonly VatLine[]): VatSummary {
  const grossByRate = new Map<number, number>();
  for (const line of lines) {
    grossByRate.set(line.vatRate, (grossByRate.get(line.vatRate) ?? 0) + line.quantity * line.unitPriceCents);
  }
  const rows = [...grossByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, grossCents]) => {
      const vatCents = Math.round((grossCents * rate) / (100 + rate));
      return { rate, grossCents, vatCents, netCents: grossCents - vatCents };
    });
  const sum = (pick: (row: VatRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return { rows, grossCents: sum((r) => r.grossCents), vatCents: sum((r) => r.vatCents), netCents: sum((r) => r.netCents) };
}
