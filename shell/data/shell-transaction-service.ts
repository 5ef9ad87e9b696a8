import { msg, str } from '@lit/localize';
import type { IDBPIndex } from 'idb';
import { Disposable } from '../../src/common/disposable.js';
import { Emitter, type Event } from '../../src/common/event.js';
import type { Clock } from '../../src/host/clock.js';
import type {
  CreateTransactionResult,
  PriceChange,
  PriceChangeGuard,
  PriceChangeResult,
  SaveOutcome,
  Transaction,
  TransactionChange,
  TransactionDraft,
  TransactionLine,
  TransactionLineDraft,
  TransactionService,
  TransactionState,
} from '../../src/host/transactions.js';
import { amountDue, formatCents } from './amount-due.js';
import { withCheckDigit } from './gtin.js';
import {
  fromStoredTransaction,
  nextCounter,
  stripUndefined,
  writeTransaction,
  type ShellDatabase,
  type ShellSchema,
  type ShellWriteTransaction,
  type StoredProduct,
  type StoredTransaction,
} from './shell-database.js';

export type FinalizePrompt = (transaction: Transaction) => Promise<'finalize' | 'keep-open' | undefined>;

type ChangeStores = ['transactions', 'products', 'customers'];
type CreateStores = ['transactions', 'products', 'counters'];
type ShellIndex<N extends 'byExternalRef'> = IDBPIndex<ShellSchema, CreateStores, 'transactions', N, 'readwrite'>;
const CHANGE_STORES: ChangeStores = ['transactions', 'products', 'customers'];
const CREATE_STORES: CreateStores = ['transactions', 'products', 'counters'];

export function transactionId(sequence: number): string {
  return 'T' + String(sequence).padStart(6, '0');
}

/** A 13-digit in-store EAN (prefix 2, valid check digit) for the receipt. */
export function transactionBarcode(sequence: number): string {
  return withCheckDigit('2' + String(sequence).padStart(11, '0'));
}

export function totalOf(lines: readonly Pick<TransactionLine, 'quantity' | 'unitPriceCents'>[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
}

/** Lines compared by what idempotency cares about, independent of their order. */
function draftKeyOf(lines: readonly TransactionLineDraft[]): string {
  return lines
    .map((line) => `${line.productId}|${line.quantity}|${line.unitPriceCents}|${line.vatRate}`)
    .sort()
    .join('\n');
}

/** The shell's transactions, their stock changes and receipt barcodes, in its own IndexedDB. */
export class ShellTransactionService implements TransactionService {
  protected readonly onDidChangeEmitter = new Emitter<TransactionChange>();
  readonly onDidChange: Event<TransactionChange> = this.onDidChangeEmitter.event;
  /** Live subscriptions, for the shell's snapshot of what plugins left behind. */
  get listenerCount(): number {
    return this.onDidChangeEmitter.listenerCount;
  }

  /** Asked before a line price changes, in registration order; an entry per registration. */
  protected readonly priceChangeGuards: { readonly guard: PriceChangeGuard }[] = [];
  /** Registered price-change guards, for the shell's snapshot of what plugins left behind. */
  get priceChangeGuardCount(): number {
    return this.priceChangeGuards.length;
  }

  protected windowOpener: ((transactionId: string) => Promise<void>) | undefined;
  protected finalizePrompt: FinalizePrompt | undefined;

  constructor(
    protected readonly db: ShellDatabase,
    protected readonly clock: Clock,
  ) {}

  /** The UI sets how open(id) shows the transaction window. Until set, open() resolves doing nothing. */
  setWindowOpener(open: (transactionId: string) => Promise<void>): void {
    this.windowOpener = open;
  }

  /**
   * The UI sets how save() asks staff "Volledige transactie betaald". Until set, save() of a fully paid,
   * not kept-open transaction returns 'saved' without finalizing.
   */
  setFinalizePrompt(prompt: FinalizePrompt): void {
    this.finalizePrompt = prompt;
  }

  async create(draft: TransactionDraft): Promise<CreateTransactionResult> {
    const [result] = await this.createMany([draft]);
    return result!;
  }

  /**
   * All drafts in one strict transaction. Everything it must read (the external references, the
   * counter, the products) is asked for at once, then every write is queued without waiting for
   * each: a round trip or two per batch instead of about ten per draft. When a draft fails (an
   * unknown product), nothing of the batch is written.
   */
  async createMany(drafts: readonly TransactionDraft[]): Promise<CreateTransactionResult[]> {
    drafts.forEach(validateDraft);
    if (drafts.length === 0) return [];
    const results = await writeTransaction(this.db, CREATE_STORES, async (tx) => {
      const transactions = tx.objectStore('transactions');
      const products = tx.objectStore('products');
      const counters = tx.objectStore('counters');
      const refs = [...new Set(drafts.map((draft) => draft.externalRef))];
      const productIds = [...new Set(drafts.flatMap((draft) => draft.lines.map((line) => line.productId)))];
      const byExternalRef = transactions.index('byExternalRef');
      const [existing, counter, stock] = await Promise.all([
        this.findByExternalRefs(byExternalRef, refs),
        counters.get('transaction'),
        Promise.all(productIds.map((id) => products.get(id))),
      ]);
      // What this batch sees: the stored transactions by reference (and those it makes, so a
      // reference given twice is made once), and each product as this batch leaves it.
      const byRef = new Map<string, StoredTransaction>();
      refs.forEach((ref, i) => {
        const found = existing[i];
        if (found) byRef.set(ref, found);
      });
      const productsById = new Map<string, StoredProduct>();
      productIds.forEach((id, i) => {
        const found = stock[i];
        if (found) productsById.set(id, found);
      });
      const changedProducts = new Set<string>();
      let sequence = counter ?? 0;
      const made: StoredTransaction[] = [];
      const out = drafts.map((draft) => {
        const result = this.createIn(draft, byRef, productsById, changedProducts, () => ++sequence);
        if (result.status === 'created') made.push(byRef.get(draft.externalRef)!);
        return result;
      });
      // Each result says the stock its products are left with after the whole batch.
      const withStock = out.map((result, i): CreateTransactionResult => ({
        ...result,
        stockAfter: Object.fromEntries(drafts[i]!.lines.map((line) => [line.productId, productsById.get(line.productId)?.stock ?? 0])),
      }));
      if (made.length === 0) return withStock;
      const writes: Promise<unknown>[] = [counters.put(sequence, 'transaction')];
      for (const id of changedProducts) writes.push(products.put(productsById.get(id)!));
      for (const stored of made) writes.push(transactions.add(stored));
      await Promise.all(writes);
      return withStock;
    });
    for (const result of results) {
      if (result.status === 'created') this.fire('created', result.transaction);
    }
    return results;
  }

  /**
   * The stored transactions of `refs`, in order. A first import finds none: one count over the
   * references' range says so in a single request, instead of one look-up per reference.
   */
  protected async findByExternalRefs(
    byExternalRef: ShellIndex<'byExternalRef'>,
    refs: readonly string[],
  ): Promise<(StoredTransaction | undefined)[]> {
    const sorted = [...refs].sort();
    if (sorted.length > 1 && (await byExternalRef.count(IDBKeyRange.bound(sorted[0], sorted[sorted.length - 1]))) === 0) {
      return refs.map(() => undefined);
    }
    return Promise.all(refs.map((ref) => byExternalRef.get(ref)));
  }

  /** One draft against the batch's state: found by its reference, or made (taking stock in `productsById`). */
  protected createIn(
    draft: TransactionDraft,
    byRef: Map<string, StoredTransaction>,
    productsById: Map<string, StoredProduct>,
    changedProducts: Set<string>,
    nextSequence: () => number,
  ): CreateTransactionResult {
    const draftKey = draftKeyOf(draft.lines);
    const existing = byRef.get(draft.externalRef);
    if (existing) {
      const transaction = fromStoredTransaction(existing);
      const existingKey = existing.draftKey ?? draftKeyOf(existing.lines);
      if (existingKey === draftKey) return { status: 'existing', transaction };
      return {
        status: 'conflict',
        transaction,
        reason: `Er bestaat al een transactie (${existing.barcode}) voor ${draft.externalRef} met andere regels`,
      };
    }

    for (const line of draft.lines) {
      if (!productsById.has(line.productId)) throw new Error(msg(str`Onbekend product ${line.productId} in ${draft.externalRef}`));
    }
    const sequence = nextSequence();
    const id = transactionId(sequence);
    const lines: TransactionLine[] = draft.lines.map((line, index) => {
      const product = productsById.get(line.productId)!;
      productsById.set(line.productId, { ...product, stock: product.stock - line.quantity });
      changedProducts.add(line.productId);
      return { ...lineFields(line), id: `${id}-L${index + 1}` };
    });
    const stored: StoredTransaction = stripUndefined({
      id,
      barcode: transactionBarcode(sequence),
      externalRef: draft.externalRef,
      customerId: draft.customerId,
      lines,
      payments: [],
      notes: draft.notes ?? '',
      keptOpen: draft.keptOpen ?? false,
      state: 'open' as const,
      totalCents: totalOf(lines),
      createdAt: this.clock.now(),
      draftKey,
      seq: lines.length,
    });
    byRef.set(draft.externalRef, stored);
    return { status: 'created', transaction: fromStoredTransaction(stored) };
  }

  /** An empty open transaction for a sale at the counter (no external reference). */
  async createCounterTransaction(): Promise<Transaction> {
    const stored = await writeTransaction(this.db, CREATE_STORES, async (tx) => {
      const sequence = await nextCounter(tx, 'transaction');
      const value: StoredTransaction = {
        id: transactionId(sequence),
        barcode: transactionBarcode(sequence),
        lines: [],
        payments: [],
        notes: '',
        keptOpen: false,
        state: 'open',
        totalCents: 0,
        createdAt: this.clock.now(),
        seq: 0,
      };
      await tx.objectStore('transactions').add(value);
      return value;
    });
    const transaction = fromStoredTransaction(stored);
    this.fire('created', transaction);
    return transaction;
  }

  async get(id: string): Promise<Transaction | undefined> {
    const stored = await this.db.get('transactions', id);
    return stored && fromStoredTransaction(stored);
  }

  async getByExternalRef(externalRef: string): Promise<Transaction | undefined> {
    const stored = await this.db.getFromIndex('transactions', 'byExternalRef', externalRef);
    return stored && fromStoredTransaction(stored);
  }

  async getByBarcode(barcode: string): Promise<Transaction | undefined> {
    const stored = await this.db.getFromIndex('transactions', 'byBarcode', barcode.trim());
    return stored && fromStoredTransaction(stored);
  }

  /** Newest first; optionally only open or finalized ones. */
  async list(options: { state?: TransactionState; limit?: number } = {}): Promise<Transaction[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const result: Transaction[] = [];
    if (limit <= 0) return result;
    // Equal createdAt falls back to the id, which grows with every transaction.
    let cursor = await this.db.transaction('transactions').store.index('byCreatedAt').openCursor(null, 'prev');
    while (cursor && result.length < limit) {
      if (options.state === undefined || cursor.value.state === options.state) {
        result.push(fromStoredTransaction(cursor.value));
      }
      cursor = await cursor.continue();
    }
    return result;
  }

  async open(id: string): Promise<void> {
    await this.windowOpener?.(id);
  }

  /** Adds a product line at the catalogue price to an open transaction and takes its stock. */
  addProduct(transactionId: string, productId: string, quantity = 1): Promise<Transaction> {
    if (!Number.isInteger(quantity) || quantity <= 0) {
      return Promise.reject(new Error(msg('Aantal moet een positief geheel getal zijn')));
    }
    return this.change(transactionId, async (stored, tx) => {
      const products = tx.objectStore('products');
      const product = await products.get(productId);
      if (!product) throw new Error(msg(str`Product niet gevonden: ${productId}`));
      await products.put({ ...product, stock: product.stock - quantity });
      const seq = stored.seq + 1;
      const line: TransactionLine = {
        id: `${stored.id}-L${seq}`,
        productId,
        description: product.description,
        quantity,
        unitPriceCents: product.priceCents,
        vatRate: product.vatRate,
      };
      return { ...stored, seq, lines: [...stored.lines, line] };
    });
  }

  async removeLines(id: string, lineIds: readonly string[]): Promise<Transaction> {
    const remove = new Set(lineIds);
    return this.change(id, async (stored, tx) => {
      const unknown = [...remove].filter((lineId) => !stored.lines.some((line) => line.id === lineId));
      if (unknown.length > 0) throw new Error(msg(str`Regel niet gevonden: ${unknown.join(', ')}`));
      const products = tx.objectStore('products');
      for (const line of stored.lines) {
        if (!remove.has(line.id)) continue;
        const product = await products.get(line.productId);
        // A product removed from the catalogue since has no stock to return.
        if (product) await products.put({ ...product, stock: product.stock + line.quantity });
      }
      return { ...stored, lines: stored.lines.filter((line) => !remove.has(line.id)) };
    });
  }

  async setLinePrice(id: string, lineId: string, unitPriceCents: number): Promise<PriceChangeResult> {
    if (!Number.isInteger(unitPriceCents) || unitPriceCents < 0) {
      throw new Error(msg(str`Ongeldige prijs ${unitPriceCents}: een geheel aantal centen, 0 of meer`));
    }
    const transaction = await this.get(id);
    if (!transaction) throw new Error(msg(str`Transactie niet gevonden: ${id}`));
    if (transaction.state === 'finalized') throw new Error(msg('Transactie is al afgerond'));
    const line = transaction.lines.find((l) => l.id === lineId);
    if (!line) throw new Error(msg(str`Regel niet gevonden: ${lineId}`));
    if (line.unitPriceCents === unitPriceCents) return { status: 'changed', transaction };

    const change: PriceChange = { transaction, line, newUnitPriceCents: unitPriceCents };
    // The guards of this moment, less any disposed while an earlier one asks (a deactivated plugin).
    for (const entry of [...this.priceChangeGuards]) {
      if (!this.priceChangeGuards.includes(entry)) continue;
      let allowed: boolean;
      try {
        allowed = (await entry.guard(change)) === true;
      } catch (error) {
        // A broken guard must not let an unconfirmed change through: it declines, saying why.
        console.error(error);
        const reason = msg(str`De controle van de prijswijziging is mislukt: ${error instanceof Error ? error.message : String(error)}`);
        return { status: 'declined', transaction: (await this.get(id)) ?? transaction, reason };
      }
      // Staff may have taken a while to answer: return the transaction as it is now.
      if (!allowed) return { status: 'declined', transaction: (await this.get(id)) ?? transaction };
    }

    const changed = await this.change(id, (stored) => {
      // The line may have gone while the guards asked.
      if (!stored.lines.some((l) => l.id === lineId)) throw new Error(msg(str`Regel niet gevonden: ${lineId}`));
      const lines = stored.lines.map((l) => (l.id === lineId ? { ...l, unitPriceCents } : l));
      return Promise.resolve({ ...stored, lines });
    });
    return { status: 'changed', transaction: changed };
  }

  registerPriceChangeGuard(guard: PriceChangeGuard): Disposable {
    const entry = { guard };
    this.priceChangeGuards.push(entry);
    return Disposable.create(() => {
      const at = this.priceChangeGuards.indexOf(entry);
      if (at >= 0) this.priceChangeGuards.splice(at, 1);
    });
  }

  setCustomer(transactionId: string, customerId: string | undefined): Promise<Transaction> {
    return this.change(transactionId, async (stored, tx) => {
      if (customerId !== undefined && !(await tx.objectStore('customers').get(customerId))) {
        throw new Error(msg(str`Klant niet gevonden: ${customerId}`));
      }
      const { customerId: _old, ...rest } = stored;
      return customerId === undefined ? rest : { ...rest, customerId };
    });
  }

  setNotes(id: string, notes: string): Promise<Transaction> {
    return this.change(id, (stored) => Promise.resolve({ ...stored, notes }));
  }

  setKeptOpen(id: string, keptOpen: boolean): Promise<Transaction> {
    return this.change(id, (stored) => Promise.resolve({ ...stored, keptOpen }));
  }

  async save(id: string): Promise<SaveOutcome> {
    const transaction = await this.get(id);
    if (!transaction) throw new Error(msg(str`Transactie niet gevonden: ${id}`));
    if (transaction.state === 'finalized') throw new Error(msg('Transactie is al afgerond'));
    if (transaction.keptOpen) {
      this.fire('saved', transaction);
      return 'kept-open';
    }
    if (amountDue(transaction) > 0 || !this.finalizePrompt) {
      this.fire('saved', transaction);
      return 'saved';
    }
    const choice = await this.finalizePrompt(transaction);
    if (choice === 'finalize') {
      await this.finalize(id);
      return 'finalized';
    }
    if (choice === 'keep-open') {
      this.fire('saved', await this.setKeptOpen(id, true));
      return 'kept-open';
    }
    this.fire('saved', transaction);
    return 'saved';
  }

  async finalize(id: string): Promise<Transaction> {
    return this.change(
      id,
      (stored) => {
        const due = amountDue(stored);
        if (due > 0) throw new Error(msg(str`Er staat nog ${formatCents(due)} open`));
        return Promise.resolve({ ...stored, state: 'finalized' as const, finalizedAt: this.clock.now() });
      },
      'finalized',
    );
  }

  /**
   * @internal For the shell's own services (payments): changes one open transaction in one
   * IndexedDB transaction, recomputes its total and fires the change. `apply` may await only
   * requests of `tx`.
   */
  async change(
    id: string,
    apply: (stored: StoredTransaction, tx: ShellWriteTransaction<ChangeStores>) => Promise<StoredTransaction>,
    kind: TransactionChange['kind'] = 'updated',
  ): Promise<Transaction> {
    const stored = await writeTransaction(this.db, CHANGE_STORES, async (tx) => {
      const store = tx.objectStore('transactions');
      const current = await store.get(id);
      if (!current) throw new Error(msg(str`Transactie niet gevonden: ${id}`));
      if (current.state === 'finalized') throw new Error(msg('Transactie is al afgerond'));
      const changed = await apply(current, tx);
      const next = { ...changed, totalCents: totalOf(changed.lines) };
      await store.put(next);
      return next;
    });
    const transaction = fromStoredTransaction(stored);
    this.fire(kind, transaction);
    return transaction;
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
    this.priceChangeGuards.length = 0;
  }

  protected fire(kind: TransactionChange['kind'], transaction: Transaction): void {
    this.onDidChangeEmitter.fire({ kind, transaction });
  }
}

function lineFields(line: TransactionLineDraft): TransactionLineDraft {
  return {
    productId: line.productId,
    description: line.description,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    vatRate: line.vatRate,
  };
}

function validateDraft(draft: TransactionDraft): void {
  if (typeof draft.externalRef !== 'string' || !draft.externalRef.trim()) {
    throw new Error(msg('Een transactie voor een externe bestelling heeft een externe referentie nodig'));
  }
  for (const line of draft.lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      throw new Error(msg(str`Ongeldig aantal ${line.quantity} in ${draft.externalRef}`));
    }
    if (!Number.isInteger(line.unitPriceCents) || line.unitPriceCents < 0) {
      throw new Error(msg(str`Ongeldige prijs ${line.unitPriceCents} in ${draft.externalRef}`));
    }
    if (!Number.isFinite(line.vatRate) || line.vatRate < 0) {
      throw new Error(msg(str`Ongeldig btw-tarief ${line.vatRate} in ${draft.externalRef}`));
    }
  }
}
