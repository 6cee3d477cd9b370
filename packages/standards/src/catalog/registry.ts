/**
 * A small registry of bundled catalog versions: validated on first use, then cached. Adding a version is adding
 * its JSON file and one line to the owner's source map; old versions stay so old inspections keep their scores.
 *
 * @internal
 * @module
 */
import { CatalogInvalidError, UnknownCatalogVersionError } from '../errors.js';

/** Accessor for the bundled versions of one catalog kind. */
export interface CatalogRegistry<T extends { readonly catalogVersion: string }> {
  /** Bundled versions, oldest first. */
  readonly versions: readonly string[];
  /** The version used when none is given. */
  readonly latest: string;
  /** The validated catalog; throws {@link UnknownCatalogVersionError} for a version that is not bundled. */
  get(version?: string): T;
}

/**
 * Builds a registry over raw JSON sources keyed by version; the last key is the latest.
 *
 * @param sources - Parsed JSON per version, oldest first.
 * @param load - Validator (schema + integrity) for one source.
 */
export function createCatalogRegistry<T extends { readonly catalogVersion: string }>(
  sources: Readonly<Record<string, unknown>>,
  load: (data: unknown) => T,
): CatalogRegistry<T> {
  const versions = Object.keys(sources);
  const latest = versions[versions.length - 1];
  if (latest === undefined) throw new CatalogInvalidError('$', 'no catalog version bundled');
  const cache = new Map<string, T>();
  return {
    versions,
    latest,
    get(version = latest) {
      const cached = cache.get(version);
      if (cached) return cached;
      if (!Object.hasOwn(sources, version)) throw new UnknownCatalogVersionError('catalogVersion', version);
      const catalog = load(sources[version]);
      if (catalog.catalogVersion !== version) {
        throw new CatalogInvalidError(
          '$.catalogVersion',
          `expected ${version}, found ${catalog.catalogVersion}`,
        );
      }
      cache.set(version, catalog);
      return catalog;
    },
  };
}
