/** Just enough semver to match a manifest's `engines["pos-shell"]` against the host API version. */

export class SemverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SemverError';
  }
}

interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly string[];
}

/** A version with possibly missing parts, as ranges write them: `1`, `1.2`, `1.x`, `*`. */
interface Partial {
  readonly major?: number;
  readonly minor?: number;
  readonly patch?: number;
  readonly prerelease: readonly string[];
}

type Comparator = { readonly op: '<' | '<=' | '>' | '>=' | '='; readonly version: Version };

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version {
  const m = VERSION.exec(text.trim());
  if (!m) throw new SemverError(`"${text}" is not a version`);
  return { major: +m[1]!, minor: +m[2]!, patch: +m[3]!, prerelease: m[4] ? m[4].split('.') : [] };
}

function parsePartial(text: string): Partial {
  const m = PARTIAL.exec(text);
  if (!m) throw new SemverError(`"${text}" is not a version`);
  const part = (s: string | undefined) => (s === undefined || /^[xX*]$/.test(s) ? undefined : +s);
  const major = part(m[1]);
  const minor = major === undefined ? undefined : part(m[2]);
  const patch = minor === undefined ? undefined : part(m[3]);
  return { major, minor, patch, prerelease: m[4] ? m[4].split('.') : [] };
}

function comparePre(a: readonly string[], b: readonly string[]): number {
  // A version without prerelease ranks above one with.
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn && +x !== +y) return +x - +y;
    if (xn !== yn) return xn ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePre(a.prerelease, b.prerelease);
}

const v = (major: number, minor = 0, patch = 0, prerelease: readonly string[] = []): Version => ({
  major,
  minor,
  patch,
  prerelease,
});

/** Expands one range token (`^1.2`, `>=1`, `1.x`, …) into plain comparators. */
function expand(token: string): Comparator[] {
  const m = /^(\^|~|>=|<=|>|<|=)?\s*(.+)$/.exec(token);
  if (!m) throw new SemverError(`"${token}" is not a range`);
  const op = m[1] ?? '';
  const p = parsePartial(m[2]!);
  const { major, minor, patch, prerelease } = p;
  if (major === undefined) {
    // `*`, `x`: anything, except that `<*` and `>*` match nothing.
    return op === '<' || op === '>' ? [{ op: '<', version: v(0, 0, 0, ['0']) }] : [];
  }
  const low = v(major, minor ?? 0, patch ?? 0, prerelease);
  switch (op) {
    case '^': {
      const high =
        major > 0 || minor === undefined
          ? v(major + 1)
          : minor > 0 || patch === undefined
            ? v(0, minor + 1)
            : v(0, 0, patch + 1);
      return [
        { op: '>=', version: low },
        { op: '<', version: high },
      ];
    }
    case '~': {
      const high = minor === undefined ? v(major + 1) : v(major, minor + 1);
      return [
        { op: '>=', version: low },
        { op: '<', version: high },
      ];
    }
    case '>':
      if (minor === undefined) return [{ op: '>=', version: v(major + 1) }];
      if (patch === undefined) return [{ op: '>=', version: v(major, minor + 1) }];
      return [{ op: '>', version: low }];
    case '>=':
      return [{ op: '>=', version: low }];
    case '<':
      return [{ op: '<', version: low }];
    case '<=':
      if (minor === undefined) return [{ op: '<', version: v(major + 1) }];
      if (patch === undefined) return [{ op: '<', version: v(major, minor + 1) }];
      return [{ op: '<=', version: low }];
    default:
      // Exact, or an x-range when parts are missing.
      if (minor === undefined)
        return [
          { op: '>=', version: low },
          { op: '<', version: v(major + 1) },
        ];
      if (patch === undefined)
        return [
          { op: '>=', version: low },
          { op: '<', version: v(major, minor + 1) },
        ];
      return [{ op: '=', version: low }];
  }
}

function test(version: Version, c: Comparator): boolean {
  const d = compareVersions(version, c.version);
  switch (c.op) {
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    case '=':
      return d === 0;
  }
}

/** Parses a range into alternatives (`||`) of comparator sets (space-separated AND). Throws {@link SemverError}. */
export function parseRange(range: string): Comparator[][] {
  if (range.trim() === '') return [[]];
  return range.split('||').map((alternative) => {
    // Allow `>= 1.2.3` with a space after the operator.
    const tokens = alternative.trim().replace(/(\^|~|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
    if (tokens.length === 0) throw new SemverError(`"${range}" has an empty alternative`);
    return tokens.flatMap(expand);
  });
}

/** Whether `version` lies in `range` (exact, ^, ~, >=, >, <=, <, x-ranges, space-separated AND, `||`). */
export function satisfies(version: string, range: string): boolean {
  const parsed = parseVersion(version);
  return parseRange(range).some((set) => set.every((c) => test(parsed, c)));
}

/** Whether `range` can be read at all. */
export function validRange(range: string): boolean {
  try {
    parseRange(range);
    return true;
  } catch {
    return false;
  }
}
