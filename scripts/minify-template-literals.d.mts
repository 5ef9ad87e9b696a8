import type { Plugin } from 'vite';
export declare function minifyCss(text: string): string;
export declare function minifyHtml(text: string): string;
export declare function minifyTemplateLiterals(options?: { include?: RegExp }): Plugin;
