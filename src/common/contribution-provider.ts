import type { Bind, ResolutionContext } from 'inversify';

/**
 * Gives every binding of one contribution point, resolved lazily on first use (Theia's pattern):
 * a point is collected here, never through `@multiInject`, so it may have no contributions at all.
 */
export interface ContributionProvider<T extends object> {
  getContributions(): readonly T[];
}

export const ContributionProvider = Symbol('ContributionProvider');

class ContainerContributionProvider<T extends object> implements ContributionProvider<T> {
  protected contributions: readonly T[] | undefined;

  constructor(
    protected readonly point: symbol,
    protected readonly context: ResolutionContext,
    protected readonly live = false,
  ) {}

  getContributions(): readonly T[] {
    if (this.live) return this.context.getAll<T>(this.point, { optional: true });
    this.contributions ??= this.context.getAll<T>(this.point, { optional: true });
    return this.contributions;
  }
}

/**
 * Binds a `ContributionProvider` for `point`, injected as `@inject(ContributionProvider) @named(point)`.
 * `live`: the bindings are read on every call, for a point whose contributions come with a module
 * loaded later (the screen's); otherwise once, on first use.
 */
export function bindContributionProvider(bind: Bind, point: symbol, options: { readonly live?: boolean } = {}): void {
  bind(ContributionProvider)
    .toDynamicValue((context) => new ContainerContributionProvider(point, context, options.live))
    .inSingletonScope()
    .whenNamed(point);
}
