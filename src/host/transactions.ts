import type { Disposable } from '../common/disposable.js';
import type { Event } from '../common/event.js';
import type { Payment } from './payments.js';

/** One line of a transaction, at the price agreed (not necessarily the catalogue's). */
export interface TransactionLine {
  readonly id: string;
  readonly productId: string;
  readonly description: string;
  readonly quantity: number;
  /** Price per unit incl. VAT, in euro cents. */
  readonly unitPriceCents: number;
  /** VAT rate in percent. */
  readonly vatRate: number;
}

export type TransactionLineDraft = Omit<TransactionLine, 'id'>;

export type TransactionState = 'open' | 'finalized';

/** A sale in the shell. */
export interface Transaction {
  readonly id: string;
  /** The number printed on the receipt and scanned at the counter. */
  readonly barcode: string;
  /** `<source>:<orderId>` for a transaction made for an order elsewhere, e.g. "locally:QE3QL6". */
  readonly externalRef?: string;
  readonly customerId?: string;
  readonly lines: readonly TransactionLine[];
  readonly payments: readonly Payment[];
  /** "Opmerkingen". */
  readonly notes: string;
  /** Kept open: saving neither prompts nor finalizes ("Blijf Open"). */
  readonly keptOpen: boolean;
  readonly state: TransactionState;
  readonly totalCents: number;
  readonly createdAt: number;
  readonly finalizedAt?: number;
}

export interface TransactionDraft {
  /** Required for idempotent creation. */
  readonly externalRef: string;
  readonly customerId?: string;
  readonly lines: readonly TransactionLineDraft[];
  readonly notes?: string;
  readonly keptOpen?: boolean;
}

/**
 * `created`: made now, stock taken. `existing`: made before with the same lines, returned as it is.
 * `conflict`: made before with other lines; nothing applied.
 */
export type CreateTransactionResult = (
  | { readonly status: 'created' | 'existing'; readonly transaction: Transaction }
  | { readonly status: 'conflict'; readonly transaction: Transaction; readonly reason: string }
) & {
  /**
   * Optional: the stock of the draft's products (by product id) as the call's commit left them,
   * after every draft of the batch, so a caller need not read them again. A host may leave it out;
   * the caller then reads the products itself.
   */
  readonly stockAfter?: Readonly<Record<string, number>>;
};

/** What a save did: finalized, kept open, or left for staff to decide. */
export type SaveOutcome = 'finalized' | 'kept-open' | 'saved';

/**
 * What {@link TransactionService.setLinePrice} did. `changed`: the new price is stored (also when it
 * equals the old one, then nothing is written). `declined`: a {@link PriceChangeGuard} said no, or
 * failed (then `reason` says so); nothing was written and `transaction` is as stored.
 */
export type PriceChangeResult =
  | { readonly status: 'changed'; readonly transaction: Transaction }
  | { readonly status: 'declined'; readonly transaction: Transaction; readonly reason?: string };

/** A price change about to be made, as a {@link PriceChangeGuard} sees it. */
export interface PriceChange {
  /** The transaction as stored before the change. */
  readonly transaction: Transaction;
  /** The line whose price changes, with its current price. */
  readonly line: TransactionLine;
  /** The price per unit asked for, incl. VAT, in euro cents. */
  readonly newUnitPriceCents: number;
}

/**
 * Asked before a line's price changes, e.g. to have staff confirm first; resolves to true to go ahead.
 * It may take as long as staff take to answer. A guard that throws (or rejects) is reported on the
 * console and counts as a refusal, so a broken guard never lets an unconfirmed change through.
 */
export type PriceChangeGuard = (change: PriceChange) => boolean | Promise<boolean>;

export interface TransactionChange {
  readonly kind: 'created' | 'updated' | 'saved' | 'finalized';
  readonly transaction: Transaction;
}

/** The shell's transactions. Creation, its stock change and its barcode are written in one host commit. */
export interface TransactionService {
  /** Creates a transaction idempotently by `externalRef` and takes its stock (which may go below zero). */
  create(draft: TransactionDraft): Promise<CreateTransactionResult>;
  /** The batch form of {@link create}: all drafts in one host commit, one result per draft, in order. */
  createMany(drafts: readonly TransactionDraft[]): Promise<CreateTransactionResult[]>;
  /** One transaction by id, or undefined. */
  get(id: string): Promise<Transaction | undefined>;
  /** The transaction made for an external reference, or undefined. */
  getByExternalRef(externalRef: string): Promise<Transaction | undefined>;
  /** The transaction with this receipt barcode, or undefined. */
  getByBarcode(barcode: string): Promise<Transaction | undefined>;
  /** Shows the transaction window ("Transactie <barcode>"). */
  open(id: string): Promise<void>;
  /** Removes lines from an open transaction and returns their stock. */
  removeLines(id: string, lineIds: readonly string[]): Promise<Transaction>;
  /**
   * Changes the price per unit of one line of an open transaction and recomputes the total, after
   * asking every {@link PriceChangeGuard} in the order they were registered; the first that says no
   * (or throws) declines, and the later ones are not asked. Nothing is written before all said yes.
   * A price equal to the current one asks no guard and writes nothing. Fires 'updated' when changed.
   * Rejects when the price is not a whole number of cents ≥ 0, the line or transaction is unknown,
   * or the transaction is finalized.
   */
  setLinePrice(id: string, lineId: string, unitPriceCents: number): Promise<PriceChangeResult>;
  /**
   * Adds a guard asked before any line price changes (see {@link setLinePrice}); disposing it removes it.
   * Guards see every transaction: a guard decides itself which ones concern it.
   */
  registerPriceChangeGuard(guard: PriceChangeGuard): Disposable;
  /** Replaces the notes ("Opmerkingen"). */
  setNotes(id: string, notes: string): Promise<Transaction>;
  /** Keeps the transaction open (or lifts that), so saving neither prompts nor finalizes. */
  setKeptOpen(id: string, keptOpen: boolean): Promise<Transaction>;
  /**
   * Saves as staff would: a fully paid transaction that is not kept open shows the prompt
   * "Volledige transactie betaald" ("Afronden als een verkoop" / "Blijf Open") and does what staff choose.
   */
  save(id: string): Promise<SaveOutcome>;
  /** Finalizes a fully paid transaction without asking; rejects when something is still due. */
  finalize(id: string): Promise<Transaction>;
  /** Fires after any transaction is created, changed, saved or finalized. */
  readonly onDidChange: Event<TransactionChange>;
}
