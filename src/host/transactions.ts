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
export type CreateTransactionResult =
  | { readonly status: 'created' | 'existing'; readonly transaction: Transaction }
  | { readonly status: 'conflict'; readonly transaction: Transaction; readonly reason: string };

/** What a save did: finalized, kept open, or left for staff to decide. */
export type SaveOutcome = 'finalized' | 'kept-open' | 'saved';

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
