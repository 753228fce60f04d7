/**
 * Figures (codebook §7): the counts a casualty or arrest trigger gives — digits (Western or Eastern, already
 * folded by the normaliser), number words, duals and singular victims — with what they count.
 */
import type { EventFigure } from "../schemas/event.ts";
import type { EventLexicon } from "./lexicon.ts";
import { longestAt, type Sentence } from "./text.ts";

type Kind = EventFigure["what"];

function kindAt(s: Sentence, i: number, lex: EventLexicon): { kind: Kind | "combined"; length: number } | null {
  const p = lex.numbers.phrases;
  const combined = longestAt(s, i, p.combined);
  if (combined) return { kind: "combined", length: combined };
  for (const k of ["killed", "wounded", "arrested", "displaced"] as const) {
    const n = longestAt(s, i, p[k]);
    if (n) return { kind: k, length: n };
  }
  return null;
}

function numberAt(s: Sentence, i: number, lex: EventLexicon): { n: number | null; length: number } | null {
  const t = s.toks[i];
  if (!t) return null;
  if (t.digits) {
    // «97.08» is split by the tokenizer into 97 . 08: a decimal is not a head count
    const next = s.toks[i + 1];
    if (next?.digits && next.before === ".") return null;
    // «35 ألف»
    const times = next && !next.before ? lex.numbers.multiplierMap.get(next.norm) : undefined;
    return times ? { n: Number(t.norm) * times, length: 2 } : { n: Number(t.norm), length: 1 };
  }
  const vague = longestAt(s, i, lex.numbers.phrases.vague);
  if (vague) return { n: null, length: vague };
  for (const st of t.stems) {
    const v = lex.numbers.unitMap.get(st);
    if (v !== undefined) return { n: v, length: 1 };
  }
  return null;
}

/**
 * Counts in the window after a trigger: «مقتل 8 مدنيين», «أكثر من 80 قتيلا، وأكثر من 200 جريح», «مقتل
 * عسكريين تركيين اثنين وجرح أربعة آخرين». `victimCount` is the count implied by the victims' phrase (a singular
 * or dual group noun, a single named person) when no number is written.
 */
export function findFigures(
  s: Sentence,
  lex: EventLexicon,
  trigger: { from: number; to: number; kind: Kind | "combined" },
  window: number,
  victimCount: number | null,
  lead?: number,
): EventFigure[] {
  const out: EventFigure[] = [];
  let current: Kind | "combined" = trigger.kind;
  let atLeast = false;
  let counted = false;
  const end = Math.min(s.toks.length, trigger.to + window);
  // «سقوط 7 قتلى»: a count written before a count noun
  let start = lead ?? trigger.to;
  if (lead === undefined && trigger.from > 0 && numberAt(s, trigger.from - 1, lex)) start = trigger.from - 1;
  while (start < trigger.to && start > 0 && longestAt(s, start - 2, lex.numbers.phrases.at_least) === 2) start -= 2;
  for (let i = start; i < end; i++) {
    if (i >= trigger.from && i < trigger.to) continue;
    const k = kindAt(s, i, lex);
    if (k && i > trigger.to && i >= start) {
      // a figure noun after its number («80 قتيلا») was handled with the number; a new verb starts a new count
      current = k.kind;
      counted = false;
      i += k.length - 1;
      continue;
    }
    const al = longestAt(s, i, lex.numbers.phrases.at_least);
    if (al) {
      atLeast = true;
      i += al - 1;
      continue;
    }
    const num = numberAt(s, i, lex);
    if (!num) continue;
    let what: Kind | "combined" = current;
    const after = kindAt(s, i + num.length, lex);
    // «80 قتيلا» names what is counted; «اثنين وجرح» starts the next count
    if (after && after.kind !== "combined" && !s.toks[i + num.length]!.norm.startsWith("\u0648")) what = after.kind;
    // «على الأقل» may follow the counted noun
    if (longestAt(s, i + num.length + 1, lex.numbers.phrases.at_least) || longestAt(s, i + num.length, lex.numbers.phrases.at_least)) atLeast = true;
    const fig: EventFigure = what === "combined" ? { what: "other", n: num.n, unit: "killed or wounded (combined)" } : { what, n: num.n };
    if (atLeast && fig.n !== null) fig.at_least = true;
    // a vague quantity adds nothing to a stated count of the same kind («12 عنصرا … بعدد من الولايات»)
    const stated = fig.n === null && out.some((f) => f.what === fig.what && f.n !== null);
    if (!stated && !out.some((f) => f.what === fig.what && f.n === fig.n)) out.push(fig);
    counted = true;
    atLeast = false;
    i += num.length - 1;
  }
  // «قتل جندي تركي وأصيب اثنان آخران»: the victims' own count stands for the trigger's kind beside the others
  if (victimCount !== null && trigger.kind !== "combined" && !out.some((f) => f.what === trigger.kind)) out.unshift({ what: trigger.kind, n: victimCount });
  if (!out.length && trigger.kind === "combined") return [];
  void counted;
  return out;
}

/** The figure kind a casualty or arrest trigger implies by itself. */
export function triggerKind(s: Sentence, from: number, lex: EventLexicon): Kind | "combined" {
  return kindAt(s, from, lex)?.kind ?? "killed";
}
