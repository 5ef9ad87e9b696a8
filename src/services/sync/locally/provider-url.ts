import { msg, str } from '@lit/localize';
/**
 * The provider's base URL from the setting, resolved against the page: https, or http only on
 * this computer (DESIGN §9). Returns the reason when it cannot be used.
 */
export function resolveProviderUrl(setting: string, pageUrl: string): { url: URL } | { problem: string } {
  let url: URL;
  try {
    url = new URL(setting.trim() || '/', pageUrl);
  } catch {
    return { problem: msg(str`"${setting}" is geen adres`) };
  }
  if (url.protocol === 'https:') return { url };
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return { url };
  return { problem: msg(str`${url.origin} gebruikt geen https (alleen op deze computer mag http)`) };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
