import { msg } from '@lit/localize';
import type { CommandAvailability, CommandContext } from '../host/index.js';

export const AVAILABLE: CommandAvailability = { enabled: true };

export function unavailable(reason: string): CommandAvailability {
  return { enabled: false, reason };
}

/** Why a command for an open eCommerce transaction cannot run here, or undefined when it can. */
export function openEcommerceTransactionProblem(context: CommandContext): string | undefined {
  const transaction = context.transaction;
  if (!transaction?.externalRef) return msg('Alleen beschikbaar op de transactie van een eCommerce-bestelling.');
  if (transaction.state === 'finalized') return msg('Deze transactie is al afgerond.');
  return undefined;
}
