/** Bare specifier → module path from the repository root. */
export declare const moduleAliases: Record<string, string>;
