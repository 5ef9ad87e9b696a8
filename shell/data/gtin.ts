// The shell indexes barcodes the same way the plugin reads them: one implementation of GS1's rules.
export { gs1CheckDigit, toGtin14, withCheckDigit } from '../../src/common/gtin.js';
