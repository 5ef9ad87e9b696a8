/** Paper the document is laid out for. */
export type PaperFormat = 'receipt-80mm' | 'a4';

export interface PrintDocument {
  /** Shown as the preview's name, e.g. "Locally ontvangstbewijs QE3QL6". */
  readonly title: string;
  readonly format: PaperFormat;
  /** The content; built with DOM APIs or Lit, never from provider text parsed as HTML. */
  readonly content: HTMLElement;
}

/** The shell's printing: a print preview first, then the printer. */
export interface PrintService {
  /** Shows the print preview; resolves `true` when printed, `false` when closed without printing. */
  print(document: PrintDocument): Promise<boolean>;
}
