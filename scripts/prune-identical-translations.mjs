// Vite plugin for the shipped build: leaves out of a generated translation module (src/generated/
// locales/<lang>.ts) the messages whose translation is the source text itself ("OK", "EAN", "Status"):
// @lit/localize shows the source for an id it does not find, so they read the same and the chunk is
// smaller (the ids are 16 hexadecimal digits that do not compress). The XLIFF file decides.
import { readFileSync } from 'node:fs';
import MagicString from 'magic-string';

/** The ids of the XLIFF's trans-units whose <target> is its <source>, placeholders included. */
export function identicalTranslationIds(xliff) {
  const ids = new Set();
  for (const [, id, source, target] of xliff.matchAll(/<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>\s*<target>([\s\S]*?)<\/target>/g)) {
    if (source === target) ids.add(id);
  }
  return ids;
}

/** The module without the `templates` entries of `ids`; undefined when it has none of them. */
export function pruneTranslations(code, ids, parse) {
  const output = new MagicString(code);
  for (const statement of parse(code).body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const { id, init } of declaration.declarations) {
      if (id.name !== 'templates' || init?.type !== 'ObjectExpression') continue;
      init.properties.forEach((property, index) => {
        const key = property.key?.type === 'Identifier' ? property.key.name : property.key?.value;
        if (!ids.has(key)) return;
        // Up to the next entry, so its comma goes too.
        const next = init.properties[index + 1];
        output.remove(property.start, next ? next.start : property.end);
      });
    }
  }
  return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: 'boundary' }) } : undefined;
}

/** @returns {import('vite').Plugin} */
export function pruneIdenticalTranslations({ xliffDir = 'xliff', module = /[\\/]src[\\/]generated[\\/]locales[\\/]([\w-]+)\.ts$/ } = {}) {
  return {
    name: 'prune-identical-translations',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      const language = module.exec(id)?.[1];
      if (!language) return undefined;
      const ids = identicalTranslationIds(readFileSync(`${xliffDir}/${language}.xlf`, 'utf8'));
      return pruneTranslations(code, ids, (text) => this.parse(text));
    },
  };
}
