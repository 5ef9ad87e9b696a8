import type { PrintDocument } from '../../src/host/printing.js';

const PAGE_CSS: Record<PrintDocument['format'], string> = {
  'receipt-80mm': '@page { size: 80mm auto; margin: 3mm; } body { font-family: monospace; font-size: 11px; width: 74mm; }',
  a4: '@page { size: A4; margin: 20mm; } body { font-family: sans-serif; font-size: 11pt; }',
};

/**
 * Sends a document to the printer through a hidden frame, so only the document prints, on its
 * paper size. Under automation (tests) the printer dialog is skipped: it would block the browser.
 */
export function printDocument(document: PrintDocument): Promise<void> {
  if (navigator.webdriver) return Promise.resolve();
  const frame = window.document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-10px;';
  window.document.body.append(frame);
  try {
    const doc = frame.contentDocument!;
    const style = doc.createElement('style');
    style.textContent = PAGE_CSS[document.format];
    doc.head.append(style);
    doc.title = document.title;
    // A copy: the preview keeps showing the original.
    doc.body.append(doc.importNode(document.content, true));
    frame.contentWindow!.focus();
    frame.contentWindow!.print();
  } finally {
    setTimeout(() => frame.remove(), 1000);
  }
  return Promise.resolve();
}
