/**
 * Mutations of raw pages for the fuzzer: byte flips, byte edits, line shuffles, truncations, encoding changes,
 * huge lines, random bytes, splices, special characters, HTML wrapping. Deterministic for a given random source.
 */
import iconv from "iconv-lite";

/** Seeded PRNG (mulberry32). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A mutated input: its bytes, the file name it is fed under (the extension picks text or HTML) and what was done. */
export interface Mutant {
  bytes: Buffer;
  file: string;
  ops: string[];
}

const SPECIALS = [
  "\u202E", "\u202D", "\u2066", "\u2069", "\u200B", "\u200D", "\uFEFF", "\u00A0", "\u2028", "\u2029", "\u0000", "\u000B", "\u000C",
  "\uFFFD", "😀", "\u0640", "\u064B", "(أ.ف.ب)", "TT", "«", "»", "<script>", "&amp;", "&#x202E;", "</p>", "<br>", "\r", "\r\n", "\t",
  "نُشر: 12 مارس 2025", "اقرأ أيضاً", "جميع الحقوق محفوظة ©", "القاهرة: ", "(رويترز) -", "2025-11-04T10:32:00+03:00", "١٢/٣/٢٠٢٥",
];

type Mutation = (input: Buffer, random: Random, seeds: readonly Buffer[]) => Buffer;

const lines = (b: Buffer) => b.toString("utf8").split(/(?<=\n)/);
const fromLines = (ls: string[]) => Buffer.from(ls.join(""), "utf8");

const MUTATIONS: Record<string, { weight: number; run: Mutation }> = {
  "flip-bits": {
    weight: 10,
    run: (b, r) => {
      const out = Buffer.from(b);
      for (let i = 1 + r.int(8); i > 0 && out.length; i--) out[r.int(out.length)]! ^= 1 << r.int(8);
      return out;
    },
  },
  "edit-bytes": {
    weight: 8,
    run: (b, r) => {
      let out = Buffer.from(b);
      for (let i = 1 + r.int(6); i > 0; i--) {
        const at = r.int(out.length + 1);
        const kind = r.int(3);
        const bytes = Buffer.from(Array.from({ length: 1 + r.int(4) }, () => r.int(256)));
        if (kind === 0) out = Buffer.concat([out.subarray(0, at), bytes, out.subarray(at)]);
        else if (kind === 1) out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + r.int(8)))]);
        else bytes.copy(out, Math.min(at, Math.max(0, out.length - bytes.length)));
      }
      return out;
    },
  },
  "shuffle-lines": {
    weight: 10,
    run: (b, r) => {
      const ls = lines(b);
      for (let i = 1 + r.int(Math.max(1, ls.length / 2)); i > 0 && ls.length > 1; i--) {
        const a = r.int(ls.length);
        const c = r.int(ls.length);
        [ls[a], ls[c]] = [ls[c]!, ls[a]!];
      }
      return fromLines(ls);
    },
  },
  "drop-dup-lines": {
    weight: 8,
    run: (b, r) => {
      const ls = lines(b);
      for (let i = 1 + r.int(6); i > 0 && ls.length; i--) {
        const at = r.int(ls.length);
        if (r.chance(0.5)) ls.splice(at, 1);
        else ls.splice(r.int(ls.length + 1), 0, ...Array.from({ length: 1 + r.int(3) }, () => ls[at]!));
      }
      return fromLines(ls);
    },
  },
  truncate: {
    weight: 8,
    run: (b, r) => b.subarray(0, r.int(b.length + 1)),
  },
  "truncate-start": {
    weight: 3,
    run: (b, r) => b.subarray(r.int(b.length + 1)),
  },
  encoding: {
    weight: 10,
    run: (b, r) => {
      const text = b.toString("utf8");
      switch (r.int(7)) {
        case 0:
          return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]);
        case 1:
          return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf16be")]);
        case 2:
          return iconv.encode(text, "utf16le"); // no BOM
        case 3:
          return iconv.encode(text, "windows-1256");
        case 4:
          return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
        case 5:
          return Buffer.from(text.replace(/\n/g, r.chance(0.5) ? "\r\n" : "\r"), "utf8");
        default:
          return iconv.encode(text, "latin1");
      }
    },
  },
  "huge-line": {
    weight: 1,
    run: (b, r) => {
      const ls = lines(b);
      // A line with text: long runs of bare whitespace hit the known quadratic trim (see the "whitespace-run" mutation).
      const texty = ls.filter((l) => l.trim());
      const line = `${(texty[r.int(texty.length)] ?? "نص").trim()} `;
      const size = 16 * 1024 + r.int(112 * 1024); // up to 128 KB: bigger lines only cost time (tests/reliability covers 5 MB)
      const huge = line.repeat(Math.max(1, Math.ceil(size / Math.max(1, Buffer.byteLength(line)))));
      ls.splice(r.int(ls.length + 1), 0, `${huge}\n`);
      return fromLines(ls);
    },
  },
  "whitespace-run": {
    // Bounded: src/ingest/text.ts trimLine is quadratic in a run of spaces inside a line (tests/reliability/bad-input).
    weight: 2,
    run: (b, r) => {
      const text = b.toString("utf8");
      const at = r.int(text.length + 1);
      const run = r.pick([" ", "\t", "\u00A0", "\u200B", " \u00A0"]).repeat(1 + r.int(4000));
      return Buffer.from(text.slice(0, at) + run + text.slice(at), "utf8");
    },
  },
  "join-lines": {
    weight: 3,
    run: (b) => Buffer.from(b.toString("utf8").replace(/\s*\n\s*/g, " "), "utf8"),
  },
  "random-bytes": {
    weight: 3,
    run: (_b, r) => Buffer.from(Array.from({ length: r.int(r.chance(0.2) ? 65536 : 2048) }, () => (r.chance(0.3) ? 0 : r.int(256)))),
  },
  splice: {
    weight: 5,
    run: (b, r, seeds) => {
      const other = r.pick(seeds);
      return Buffer.concat([b.subarray(0, r.int(b.length + 1)), other.subarray(r.int(other.length + 1))]);
    },
  },
  specials: {
    weight: 10,
    run: (b, r) => {
      let text = b.toString("utf8");
      for (let i = 1 + r.int(12); i > 0; i--) {
        const at = r.int(text.length + 1);
        text = text.slice(0, at) + r.pick(SPECIALS) + text.slice(at);
      }
      return Buffer.from(text, "utf8");
    },
  },
  "lone-surrogate-bytes": {
    weight: 2,
    run: (b, r) => {
      const at = r.int(b.length + 1);
      return Buffer.concat([b.subarray(0, at), Buffer.from([0xed, 0xa0, 0x80]), b.subarray(at)]); // CESU surrogate: invalid UTF-8
    },
  },
  "html-wrap": {
    weight: 4,
    run: (b, r) => {
      const body = b
        .toString("utf8")
        .split("\n")
        .map((l) => (r.chance(0.7) ? `<p>${l}</p>` : r.chance(0.5) ? `<h1>${l}</h1>` : `<div><span>${l}</span>`))
        .join("\n");
      const head = r.chance(0.5) ? `<head><meta property="og:title" content="${body.slice(0, 40).replace(/"/g, "")}"><title>x</title></head>` : "";
      return Buffer.from(`<!DOCTYPE html><html>${head}<body>${body}</body></html>`, "utf8");
    },
  },
  "repeat-page": {
    weight: 2,
    run: (b, r) => Buffer.concat(Array.from({ length: 2 + r.int(6) }, () => b)),
  },
};

const TABLE = Object.entries(MUTATIONS).flatMap(([name, m]) => Array.from({ length: m.weight }, () => name));

/** Applies 1–3 random mutations to a random seed page. */
export function mutate(seeds: ReadonlyArray<{ file: string; bytes: Buffer }>, random: Random): Mutant {
  const seed = random.pick(seeds);
  let bytes = seed.bytes;
  const ops: string[] = [];
  for (let i = 1 + random.int(3); i > 0; i--) {
    const name = random.pick(TABLE);
    bytes = MUTATIONS[name]!.run(bytes, random, seeds.map((s) => s.bytes));
    ops.push(name);
  }
  if (bytes.length > 512 * 1024) bytes = bytes.subarray(0, 512 * 1024);
  const html = ops.includes("html-wrap") || (/\.html?$/.test(seed.file) ? !random.chance(0.1) : random.chance(0.05));
  return { bytes, file: `${seed.file.replace(/\.[a-z]+$/i, "")}${html ? ".html" : ".txt"}`, ops: [`seed:${seed.file}`, ...ops] };
}
