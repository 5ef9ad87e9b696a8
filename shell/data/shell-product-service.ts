import { msg } from '@lit/localize';
import type { Product, ProductDraft, ProductService } from '../../src/host/products.js';
import { toGtin14 } from './gtin.js';
import {
  foldText,
  fromStoredProduct,
  nextCounter,
  normalizeVendorPartNumber,
  readPage,
  toStoredProduct,
  writeTransaction,
  type ShellDatabase,
} from './shell-database.js';

export function productId(sequence: number): string {
  return 'P' + String(sequence).padStart(4, '0');
}

/** The shell's catalogue with stock, in its own IndexedDB. */
export class ShellProductService implements ProductService {
  constructor(protected readonly db: ShellDatabase) {}

  async get(id: string): Promise<Product | undefined> {
    const stored = await this.db.get('products', id);
    return stored && fromStoredProduct(stored);
  }

  async findByGtin(gtin: string): Promise<Product[]> {
    const key = toGtin14(gtin);
    if (key === undefined) return [];
    return (await this.db.getAllFromIndex('products', 'byGtin14', key)).map(fromStoredProduct);
  }

  /** All in one read transaction, every request queued at once: one round trip instead of one per id. */
  async getMany(ids: readonly string[]): Promise<(Product | undefined)[]> {
    if (ids.length === 0) return [];
    const store = this.db.transaction('products').store;
    const stored = await Promise.all(ids.map((id) => store.get(id)));
    return stored.map((record) => record && fromStoredProduct(record));
  }

  /** All in one read transaction, like {@link getMany}; a code that is no GTIN finds nothing, as in findByGtin. */
  async findByGtins(gtins: readonly string[]): Promise<Product[][]> {
    if (gtins.length === 0) return [];
    const index = this.db.transaction('products').store.index('byGtin14');
    return Promise.all(
      gtins.map(async (gtin) => {
        const key = toGtin14(gtin);
        return key === undefined ? [] : (await index.getAll(key)).map(fromStoredProduct);
      }),
    );
  }

  async findByVendorPartNumber(partNumber: string): Promise<Product[]> {
    const key = normalizeVendorPartNumber(partNumber);
    if (!key) return [];
    return (await this.db.getAllFromIndex('products', 'byVendorPartNumber', key)).map(fromStoredProduct);
  }

  async search(text: string, limit = 50): Promise<Product[]> {
    const words = foldText(text).split(/\s+/).filter(Boolean);
    const all = await this.db.getAll('products');
    const result: Product[] = [];
    for (const stored of all) {
      if (result.length >= limit) break;
      const haystack = foldText(
        [stored.description, stored.brand ?? '', stored.ean ?? '', stored.vendorPartNumber ?? '', stored.mpn ?? ''].join('\n'),
      );
      if (words.every((word) => haystack.includes(word))) result.push(fromStoredProduct(stored));
    }
    return result;
  }

  /** All products in id order, a page at a time (for the shell's product list). */
  list(offset: number, limit: number): Promise<Product[]> {
    return readPage(this.db, 'products', offset, limit, fromStoredProduct);
  }

  count(): Promise<number> {
    return this.db.count('products');
  }

  /** Adds a product to the catalogue and returns it with its new id. */
  async create(draft: ProductDraft): Promise<Product> {
    if (!draft.description.trim()) throw new Error(msg('Een product heeft een omschrijving nodig'));
    if (!Number.isInteger(draft.priceCents) || !Number.isInteger(draft.stock)) {
      throw new Error(msg('Prijs en voorraad moeten hele getallen zijn'));
    }
    return writeTransaction(this.db, ['products', 'counters'], async (tx) => {
      const stored = toStoredProduct({ ...draft, id: productId(await nextCounter(tx, 'product')) });
      await tx.objectStore('products').add(stored);
      return fromStoredProduct(stored);
    });
  }
}
