import { msg } from '@lit/localize';
import type { OrderStatus, OrderType } from '../store/order-model.js';

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
