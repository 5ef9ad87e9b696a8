/** Bare specifier → module path from the repository root. */
export declare const moduleAliases: Record<string, string>;
/** Bare specifier → absolute file path. */
export declare const moduleAliasFiles: Record<string, string>;
