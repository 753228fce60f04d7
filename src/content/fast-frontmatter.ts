/**
 * A fast reader for article files, for the site build only. Parsing the YAML frontmatter with the `yaml` package is
 * ≈10 ms per article at bench sizes, most of a cold site build; articles are written by `serializeArticle`, which
 * emits a small, regular subset of YAML. This module parses exactly that subset and defers to the real
 * `parseArticle` for everything else, so results are identical by construction:
 *
 *   frontmatter → subset parser (block mappings and sequences, plain / single-quoted / double-quoted scalars on
 *   one line, `[]` and `{}`) → ArticleFrontmatter (zod) → body split like parseArticle.
 *   Anything outside the subset (comments, anchors, tags, flow collections with items, block or multi-line
 *   scalars, non-decimal numbers, odd indentation) or failing validation → `parseArticle(text, file)`, which
 *   parses it properly or throws the usual error with file and line.
 *
 * tests/content/fast-frontmatter.test.ts checks equality with `parseArticle` on every fixture and on generated articles.
 */
import { bodyAfter, parseArticle } from "./article-file.ts";
import { type Article, ArticleFrontmatter } from "../schemas/article.ts";

/** Thrown inside the subset parser when the text uses YAML it does not handle; never escapes this module. */
class Unsupported extends Error {}

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

interface Line {
  indent: number;
  /** Text after the indentation. */
  text: string;
}

const ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029",
};

/** A double-quoted scalar that opens at `text[0]` and closes on the same line; returns value and rest. */
function doubleQuoted(text: string): [string, string] {
  let out = "";
  let i = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return [out, text.slice(i + 1)];
    if (c === "\\") {
      const e = text[i + 1];
      if (e === undefined) throw new Unsupported("line continuation");
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
        continue;
      }
      const width = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
      const hex = text.slice(i + 2, i + 2 + width);
      if (!width || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) throw new Unsupported("escape");
      out += String.fromCodePoint(parseInt(hex, 16));
      i += 2 + width;
      continue;
    }
    out += c;
    i++;
  }
  throw new Unsupported("unclosed double quote");
}

/** A single-quoted scalar closing on the same line (`''` is a quote). */
function singleQuoted(text: string): [string, string] {
  let out = "";
  let i = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return [out, text.slice(i + 1)];
    }
    out += c;
    i++;
  }
  throw new Unsupported("unclosed single quote");
}

/** A plain scalar resolved like YAML 1.2's core schema, for the forms the serializer emits; others are unsupported. */
function plain(text: string): Value {
  if (text === "null" || text === "~" || text === "Null" || text === "NULL") return null;
  if (text === "true" || text === "True" || text === "TRUE") return true;
  if (text === "false" || text === "False" || text === "FALSE") return false;
  if (/^[-+]?[0-9]+$/.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw new Unsupported("large integer");
    return n;
  }
  // Other core-schema numbers (floats, 0o, 0x, .inf, .nan), indicators and comments: leave to the real parser.
  // Anything else that merely starts with a digit (a date, an id) is a string.
  if (FLOAT.test(text) || /^0o[0-7]+$|^0x[0-9a-fA-F]+$/.test(text) || /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(text)) {
    throw new Unsupported("number");
  }
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || / #|:\s|:$/.test(text) || text !== text.trim()) throw new Unsupported("plain scalar");
  return text;
}

/** A scalar (or `[]` / `{}`) that makes up the whole rest of a line. */
function scalar(text: string): Value {
  if (text === "[]") return [];
  if (text === "{}") return {};
  if (text[0] === '"' || text[0] === "'") {
    const [value, rest] = text[0] === '"' ? doubleQuoted(text) : singleQuoted(text);
    if (rest.trim() !== "") throw new Unsupported("text after a quoted scalar");
    return value;
  }
  return plain(text);
}

const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// A key is plain or double-quoted: the writer quotes keys YAML 1.1 reads as booleans (`"n":` of figures). Quoted
// keys with nothing to escape read the same as plain ones.
const KEY = /^(?:([A-Za-z_][A-Za-z0-9_]*)|"([A-Za-z_][A-Za-z0-9_]*)"):(?: (.*))?$/;
/** Longest implicit key the YAML parser accepts (YAML 1.2 §7.4.2 caps it at 1024 characters); longer is its error. */
const IMPLICIT_KEY_MAX = 1000;

class SubsetParser {
  private i = 0;
  private readonly lines: Line[];
  constructor(lines: Line[]) {
    this.lines = lines;
  }

  parse(): Value {
    if (this.lines.length === 0) return null;
    const value = this.block(this.lines[0]!.indent);
    if (this.i !== this.lines.length) throw new Unsupported("trailing lines");
    return value;
  }

  /** A block mapping or sequence whose lines start at exactly `indent`. */
  private block(indent: number): Value {
    const first = this.lines[this.i];
    if (!first || first.indent !== indent) throw new Unsupported("indentation");
    return first.text === "-" || first.text.startsWith("- ") ? this.sequence(indent) : this.mapping(indent, {});
  }

  private sequence(indent: number): Value[] {
    const out: Value[] = [];
    for (let line = this.lines[this.i]; line && line.indent === indent && (line.text === "-" || line.text.startsWith("- ")); line = this.lines[this.i]) {
      if (line.text === "-") throw new Unsupported("nested block in a sequence");
      const rest = line.text.slice(2);
      const key = KEY.exec(rest);
      if (key) {
        // `- key: value` opens a mapping whose further keys sit two columns in.
        this.lines[this.i] = { indent: indent + 2, text: rest };
        out.push(this.mapping(indent + 2, {}));
      } else {
        out.push(scalar(rest));
        this.i++;
      }
    }
    return out;
  }

  private mapping(indent: number, out: { [key: string]: Value }): { [key: string]: Value } {
    for (let line = this.lines[this.i]; line && line.indent === indent; line = this.lines[this.i]) {
      const m = KEY.exec(line.text);
      if (!m) throw new Unsupported("not a key");
      const key = (m[1] ?? m[2])!;
      if (Object.hasOwn(out, key)) throw new Unsupported("duplicate key");
      // `__proto__` would set the object's prototype here (and inject inherited fields); the YAML parser makes it
      // an own key. Keys past YAML's implicit-key limit are errors there. Both go to the real parser.
      if (key === "__proto__" || key.length > IMPLICIT_KEY_MAX) throw new Unsupported("key the YAML parser treats differently");
      this.i++;
      if (m[3] !== undefined && m[3] !== "") {
        out[key] = scalar(m[3]);
        continue;
      }
      const next = this.lines[this.i];
      // `key:` then a nested block: deeper, or a sequence at the same column.
      if (next && (next.indent > indent || (next.indent === indent && (next.text === "-" || next.text.startsWith("- "))))) {
        out[key] = this.block(next.indent);
      } else {
        out[key] = null;
      }
    }
    return out;
  }
}

/** Parses a frontmatter written in the serializer's YAML subset; throws `Unsupported` otherwise (exported for tests). */
export function parseSubset(yaml: string): Value {
  const lines: Line[] = [];
  for (const raw of yaml.split("\n")) {
    if (raw.trim() === "") continue;
    if (raw.includes("\t") || raw.endsWith(" ")) throw new Unsupported("tabs or trailing spaces");
    const text = raw.trimStart();
    if (text.startsWith("#") || text === "---" || text === "...") throw new Unsupported("comment or document marker");
    lines.push({ indent: raw.length - text.length, text });
  }
  return new SubsetParser(lines).parse();
}

/** `parseArticle`, fast for files written by `serializeArticle`; identical results and errors for every file. */
export function readArticleFile(text: string, file: string): Article {
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const end = src.startsWith("---\n") ? src.indexOf("\n---\n", 3) : -1;
  if (end < 0) return parseArticle(text, file);
  let data: Value;
  try {
    data = parseSubset(src.slice(4, end + 1));
  } catch (error) {
    if (error instanceof Unsupported) return parseArticle(text, file);
    throw error;
  }
  const front = ArticleFrontmatter.safeParse(data);
  if (!front.success) return parseArticle(text, file);
  return { ...front.data, body: bodyAfter(src, end) };
}
