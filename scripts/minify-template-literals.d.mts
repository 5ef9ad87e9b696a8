import type { Plugin } from 'vite';
export declare function minifyCss(text: string): string;
export declare function minifyHtml(text: string): string;
export declare function minifyTemplates(code: string, parse: (code: string) => unknown): { code: string; map: unknown } | undefined;
export declare function minifyTemplateLiterals(options?: { include?: RegExp; exclude?: RegExp }): Plugin;
