/**
 * The BCP 47 locale the plugin formats money and dates in when a caller passes none: the host's,
 * kept current by {@link PluginLocalization}. One per copy of the plugin's code, like the language of
 * `msg()`, which @lit/localize also keeps once per copy. Dutch until the host says otherwise.
 */
let current = 'nl-NL';

export function formatLocale(): string {
  return current;
}

export function setFormatLocale(locale: string): void {
  current = locale;
}
