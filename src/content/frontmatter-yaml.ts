/**
 * Emits article frontmatter as YAML: block mappings and sequences, scalars plain when that is unambiguous and
 * double-quoted (JSON escapes, which YAML's double-quoted style shares) otherwise. The `yaml` package's
 * general-purpose stringifier was most of ingest's CPU time; frontmatter is plain data (strings, numbers,
 * booleans, null, arrays, objects), so a small emitter suffices. `parse(emitFrontmatter(x))` equals `x`
 * (tests/content/frontmatter-yaml.test.ts checks it against the `yaml` parser, hostile strings included).
 */

/** Data a frontmatter holds (what JSON holds). */
export type FrontmatterValue = null | boolean | number | string | FrontmatterValue[] | { [key: string]: FrontmatterValue };

/** Characters a plain scalar may not start with: YAML indicators, quotes and spaces. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
/** A plain scalar may not contain ": " or " #", end in ":" or whitespace, or hold control or break characters. */
const UNSAFE_INSIDE = /: | #|:$|\s$|[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** Plain words YAML 1.1 or 1.2 readers take for null, booleans or numbers. */
const NON_STRING_WORD = /^(?:~|null|true|false|yes|no|on|off|y|n)$/i;
/** Anything that starts like a number (or .inf/.nan) is quoted, except an ISO date, which stays readable. */
const NUMBER_LIKE = /^[-+.]?[0-9]|^\.(?:inf|nan)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Characters escaped inside double quotes beyond JSON's own: breaks and marks some YAML readers treat as breaks. */
const EXTRA_ESCAPES = /[\x7f-\x9f\u2028\u2029\ufeff]/g;

/** A string as a YAML scalar: plain when a reader can only take it for this same string, else double-quoted. */
export function yamlString(value: string): string {
  const plain =
    value !== "" &&
    !INDICATOR_START.test(value) &&
    !UNSAFE_INSIDE.test(value) &&
    !NON_STRING_WORD.test(value) &&
    (!NUMBER_LIKE.test(value) || ISO_DATE.test(value));
  if (plain) return value;
  return JSON.stringify(value).replace(EXTRA_ESCAPES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function scalar(value: null | boolean | number | string): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
    return String(value);
  }
  return yamlString(value);
}

function isEmptyCollection(value: FrontmatterValue): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? "[]" : undefined;
  if (value !== null && typeof value === "object") return Object.keys(value).length === 0 ? "{}" : undefined;
  return undefined;
}

/** Lines of a mapping's entries at `indent`; `first` replaces the indentation of the first line (after "- "). */
function mappingLines(value: { [key: string]: FrontmatterValue }, indent: string, out: string[], first = indent): void {
  let lead = first;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    // YAML caps implicit keys at 1,024 characters; frontmatter keys are schema field names.
    if (key.length > 1000) throw new Error(`frontmatter key too long (${key.length} characters)`);
    const name = yamlString(key);
    const empty = isEmptyCollection(item);
    if (item === null || typeof item !== "object" || empty !== undefined) out.push(`${lead}${name}: ${empty ?? scalar(item as null | boolean | number | string)}`);
    else if (Array.isArray(item)) {
      out.push(`${lead}${name}:`);
      sequenceLines(item, `${indent}  `, out);
    } else {
      out.push(`${lead}${name}:`);
      mappingLines(item, `${indent}  `, out);
    }
    lead = indent;
  }
}

function sequenceLines(value: FrontmatterValue[], indent: string, out: string[]): void {
  for (const item of value) {
    const empty = isEmptyCollection(item);
    if (item === null || typeof item !== "object" || empty !== undefined) out.push(`${indent}- ${empty ?? scalar(item as null | boolean | number | string)}`);
    else if (Array.isArray(item)) {
      out.push(`${indent}-`);
      sequenceLines(item, `${indent}  `, out);
    } else mappingLines(item, `${indent}  `, out, `${indent}- `);
  }
}

/** The YAML text of a frontmatter mapping, one entry per line, ending in a newline. */
export function emitFrontmatter(value: { [key: string]: FrontmatterValue }): string {
  const out: string[] = [];
  mappingLines(value, "", out);
  return out.length ? `${out.join("\n")}\n` : "{}\n";
}
