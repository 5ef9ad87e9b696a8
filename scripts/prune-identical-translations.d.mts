import type { Plugin } from 'vite';
export declare function identicalTranslationIds(xliff: string): Set<string>;
export declare function pruneTranslations(code: string, ids: ReadonlySet<string>, parse: (code: string) => unknown): { code: string; map: unknown } | undefined;
export declare function pruneIdenticalTranslations(options?: { xliffDir?: string; module?: RegExp }): Plugin;
