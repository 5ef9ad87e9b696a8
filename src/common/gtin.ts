// GS1 barcodes (EAN-8, UPC-A, EAN-13, GTIN-14): pure functions shared by the plugin and the shell.
/** The GS1 check digit for `body` (all digits but the check digit). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Weights run 3,1,3,… from the rightmost body digit, whatever the length.
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A GTIN-8, UPC-A (GTIN-12), EAN-13 or GTIN-14 as a 14-digit GTIN, so that every form of one item
 * compares equal; undefined when it is not a valid GTIN. Spaces and hyphens are ignored.
 */
export function toGtin14(input: string): string | undefined {
  const digits = input.trim().replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  if (![8, 12, 13, 14].includes(digits.length)) return undefined;
  const check = Number(digits[digits.length - 1]);
  if (gs1CheckDigit(digits.slice(0, -1)) !== check) return undefined;
  return digits.padStart(14, '0');
}

/** Completes a body of digits with its check digit. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}
