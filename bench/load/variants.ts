/** What a load-time child loads. */
export enum LoadVariant {
  /** The package entry (`dist/src/index.js`, compiled here into build/bench/src/index.js). */
  Package = "package",
  /** @pulumi/pulumi and the provider submodules the components import, with every class they construct. */
  Providers = "providers",
  /** Providers plus zod: how much of the difference zod alone explains. */
  ProvidersAndZod = "providers+zod",
}

export interface LoadResult {
  readonly variant: LoadVariant;
  /** Time spent in the require calls, ms. */
  readonly requireMs: number;
  readonly maxRssKiB: number;
  readonly modules: number;
}
