import { msg, str } from '@lit/localize';
import type { OrderStatus, OrderType, OutboxKind, OutboxMessage } from '../store/order-model.js';

/** The screen's word for a status (DESIGN §4). A function, so it follows the current language. */
export function orderStatusLabel(status: OrderStatus): string {
  switch (status) {
    case 'received':
      return msg('Ontvangen, nog niet geïmporteerd');
    case 'new':
      return msg('Nieuw');
    case 'customer-id-required':
      return msg('Klant-ID vereist');
    case 'product-link-failed':
      return msg('Productkoppeling mislukt');
    case 'processing-failed':
      return msg('Verwerking van verkoop mislukt');
    case 'in-progress':
      return msg('In behandeling');
    case 'ready-for-pickup':
      return msg('Gereed voor afhalen');
    case 'cancelled':
      return msg('Geannuleerd');
    case 'completed':
      return msg('Afgehandeld');
    case 'archived':
      return msg('Gearchiveerd');
  }
}

export function orderTypeLabel(type: OrderType): string {
  return type === 'buy' ? msg('Kopen') : msg('Reserveren');
}

export function outboxKindLabel(kind: OutboxKind): string {
  switch (kind) {
    case 'accept':
      return msg('Accepteren');
    case 'decline':
      return msg('Weigeren');
    case 'ready-for-pickup':
      return msg('Gereed voor afhalen');
    case 'picked-up':
      return msg('Afgehaald');
    case 'cancel':
      return msg('Annuleren');
  }
}

/** A message on its way to the provider as staff read it on the order's row. */
export function outboxStateLabel(message: OutboxMessage): string {
  const kind = outboxKindLabel(message.kind);
  // Refused messages are parked at the end of time (never retried).
  if (message.nextAttemptAt >= Number.MAX_SAFE_INTEGER) return msg(str`${kind}: geweigerd (${message.lastError ?? ''})`);
  if (message.attempts > 0) return msg(str`${kind}: wordt opnieuw verstuurd (${message.attempts} pogingen)`);
  return msg(str`${kind}: wordt verstuurd`);
}
