/** A product in the shell's catalogue, with its stock. */
export interface Product {
  readonly id: string;
  readonly description: string;
  readonly brand?: string;
  /** The barcode as entered (EAN-13, UPC-A, EAN-8 or GTIN-14). */
  readonly ean?: string;
  /** The supplier's article number ("leveranciers-artikelnummer"). */
  readonly vendorPartNumber?: string;
  /** The manufacturer's part number. */
  readonly mpn?: string;
  /** Catalogue price incl. VAT, in euro cents. */
  readonly priceCents: number;
  /** VAT rate in percent, e.g. 21 or 9. */
  readonly vatRate: number;
  /** Units in stock; may be negative after a sale of more than there was. */
  readonly stock: number;
}

export type ProductDraft = Omit<Product, 'id'>;

/** The shell's catalogue, looked up through its own indexes. */
export interface ProductService {
  /** One product by id, or undefined. */
  get(id: string): Promise<Product | undefined>;
  /** Products whose barcode denotes the same item as `gtin` (any of GTIN-8/12/13/14; compared as GTIN-14). */
  findByGtin(gtin: string): Promise<Product[]>;
  /** Products whose vendor part number equals `partNumber`, trimmed and case-insensitive. */
  findByVendorPartNumber(partNumber: string): Promise<Product[]>;
  /** Products whose description, brand, barcode, part number or MPN contain all words of `text`, at most `limit` (default 50). */
  search(text: string, limit?: number): Promise<Product[]>;
  /** Adds a product to the catalogue (e.g. from an order line staff could not link) and returns it with its new id. */
  create(draft: ProductDraft): Promise<Product>;
  /**
   * Optional batch of {@link get}: the products of `ids` in the same order (undefined where there is
   * none), read together (the shell: in one read transaction). A plugin falls back to `get` per id.
   */
  getMany?(ids: readonly string[]): Promise<(Product | undefined)[]>;
  /**
   * Optional batch of {@link findByGtin}: for each of `gtins`, in the same order, what `findByGtin`
   * would return, read together. A plugin falls back to `findByGtin` per code.
   */
  findByGtins?(gtins: readonly string[]): Promise<Product[][]>;
}
