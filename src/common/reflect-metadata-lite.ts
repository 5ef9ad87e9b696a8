/**
 * The Reflect metadata API (https://rbuckton.github.io/reflect-metadata/) that inversify keeps its
 * bindings' metadata in, in a few hundred bytes: every build resolves `reflect-metadata/lite` (which
 * inversify imports) to this module (scripts/module-aliases.mjs), because that package is 3 kB gzip
 * (issue #8's bundle budget). It has define, get and has, their own-only forms, the own keys and
 * delete (what a later copy of reflect-metadata needs to take these over), and the `metadata`
 * decorator; not `getMetadataKeys`.
 *
 * Where the page already has the API (the host loaded reflect-metadata), that one is kept, so all
 * metadata stays in one place. A reflect-metadata loaded after this one takes these functions over
 * as its "fallback provider" and still finds what was stored here.
 */

type MetadataKey = unknown;
type Target = object;
type PropertyKey = string | symbol | undefined;

/** Per target, per property (`undefined` for the target itself), the metadata by key. */
const store = new WeakMap<Target, Map<PropertyKey, Map<MetadataKey, unknown>>>();

function ownMetadata(target: Target, propertyKey: PropertyKey, create: true): Map<MetadataKey, unknown>;
function ownMetadata(target: Target, propertyKey: PropertyKey, create?: false): Map<MetadataKey, unknown> | undefined;
function ownMetadata(target: Target, propertyKey: PropertyKey, create = false): Map<MetadataKey, unknown> | undefined {
  if (typeof target !== 'object' && typeof target !== 'function') throw new TypeError('Reflect metadata needs an object or a function as its target');
  let byProperty = store.get(target);
  if (!byProperty && create) store.set(target, (byProperty = new Map<PropertyKey, Map<MetadataKey, unknown>>()));
  let metadata = byProperty?.get(propertyKey);
  if (!metadata && create) byProperty!.set(propertyKey, (metadata = new Map<MetadataKey, unknown>()));
  return metadata;
}

/** The first of the target and its prototypes (where inherited metadata is looked up) that has `key`. */
function ownerOf(key: MetadataKey, target: Target, propertyKey: PropertyKey): Map<MetadataKey, unknown> | undefined {
  for (let current: Target | null = target; current; current = Object.getPrototypeOf(current) as Target | null) {
    const metadata = ownMetadata(current, propertyKey);
    if (metadata?.has(key)) return metadata;
  }
  return undefined;
}

/** The functions this module installs on `Reflect`, typed for its tests. */
export const reflectMetadata = {
  defineMetadata: (key: MetadataKey, value: unknown, target: Target, propertyKey?: PropertyKey): void => {
    ownMetadata(target, propertyKey, true).set(key, value);
  },
  hasOwnMetadata: (key: MetadataKey, target: Target, propertyKey?: PropertyKey): boolean =>
    !!ownMetadata(target, propertyKey)?.has(key),
  getOwnMetadata: (key: MetadataKey, target: Target, propertyKey?: PropertyKey): unknown =>
    ownMetadata(target, propertyKey)?.get(key),
  getOwnMetadataKeys: (target: Target, propertyKey?: PropertyKey): MetadataKey[] =>
    [...(ownMetadata(target, propertyKey)?.keys() ?? [])],
  deleteMetadata: (key: MetadataKey, target: Target, propertyKey?: PropertyKey): boolean =>
    !!ownMetadata(target, propertyKey)?.delete(key),
  hasMetadata: (key: MetadataKey, target: Target, propertyKey?: PropertyKey): boolean =>
    !!ownerOf(key, target, propertyKey),
  getMetadata: (key: MetadataKey, target: Target, propertyKey?: PropertyKey): unknown =>
    ownerOf(key, target, propertyKey)?.get(key),
  /** The `@Reflect.metadata(key, value)` decorator. */
  metadata:
    (key: MetadataKey, value: unknown) =>
    (target: Target, propertyKey?: PropertyKey): void =>
      reflectMetadata.defineMetadata(key, value, target, propertyKey),
};

const reflect = Reflect as unknown as Partial<typeof reflectMetadata>;
if (typeof reflect.getOwnMetadata !== 'function') Object.assign(Reflect, reflectMetadata);
