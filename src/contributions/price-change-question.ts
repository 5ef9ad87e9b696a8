import { msg, str } from '@lit/localize';
import type { DialogService, PriceChange } from '../host/index.js';
import { formatEuro } from '../services/money.js';

/** The action id of "Prijs wijzigen" in the question. */
const CHANGE = 'change';

/** Asks whether to change the price of a line of an online order's transaction; true on "Prijs wijzigen". */
export async function askPriceChange(dialogs: DialogService, orderId: string, { line, newUnitPriceCents }: PriceChange): Promise<boolean> {
  const from = formatEuro(line.unitPriceCents);
  const to = formatEuro(newUnitPriceCents);
  const answer = await dialogs.confirm({
    title: msg('Prijs wijzigen'),
    message: `${msg(str`Dit is de transactie van eCommerce-bestelling ${orderId}: de prijs van ${line.description} gaat van ${from} naar ${to}.`)} ${msg('Neem eerst contact op met de klant voordat u de prijs van een online bestelling wijzigt.')}`,
    actions: [{ id: CHANGE, label: msg('Prijs wijzigen') }],
  });
  return answer === CHANGE;
}
