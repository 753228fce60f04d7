/**
 * Event dates (codebook §6): relative expressions resolved against the publication date; explicit dates copied.
 * Dates are informational (not scored), so the rules stay few: today, yesterday, the day before, a weekday (the
 * latest such day on or before publication; "after midnight" moves to the next day), «8 مارس 2017».
 */
import type { EventLexicon } from "./lexicon.ts";
import { longestAt, type Sentence } from "./text.ts";

/** A time expression found in a sentence. */
export interface TimeMention {
  from: number;
  to: number;
  date: string | null;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekdayOnOrBefore(iso: string, weekday: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const back = (d.getUTCDay() - weekday + 7) % 7;
  return addDays(iso, -back);
}

/** First words of every time phrase, per lexicon (a word that opens none is skipped without trying each group). */
const openersOf = new WeakMap<EventLexicon, Set<string>>();

function timeOpeners(lex: EventLexicon): Set<string> {
  let set = openersOf.get(lex);
  if (!set) {
    const c = lex.cue;
    set = new Set([...c.after_midnight, ...c.day_parts, ...c.two_days_ago, ...c.yesterday, ...c.today].map((p) => p[0]!));
    for (const w of lex.weekdays.keys()) set.add(w);
    openersOf.set(lex, set);
  }
  return set;
}

/** Time expressions of a sentence, in order, each resolved when it can be. */
export function findTimes(s: Sentence, lex: EventLexicon, published: string | null): TimeMention[] {
  const out: TimeMention[] = [];
  const c = lex.cue;
  const openers = timeOpeners(lex);
  for (let i = 0; i < s.toks.length; ) {
    const start = i;
    const tok = s.toks[i]!;
    if (!tok.digits && !tok.stems.some((st) => openers.has(st))) {
      i++;
      continue;
    }
    let midnight = longestAt(s, i, c.after_midnight);
    let j = i + midnight;
    // a day part, unless the word is itself a relative day («اليوم» reads as «ال» + the day part «يوم»)
    const relative = (k: number) => longestAt(s, k, c.two_days_ago) || longestAt(s, k, c.yesterday) || longestAt(s, k, c.today);
    const part = longestAt(s, j, c.day_parts);
    if (part && !(relative(j) && !relative(j + part))) j += part;
    let date: string | null = null;
    let n = 0;
    if ((n = longestAt(s, j, c.two_days_ago))) date = published && addDays(published, -2);
    else if ((n = longestAt(s, j, c.yesterday))) date = published && addDays(published, -1);
    else if ((n = longestAt(s, j, c.today))) date = published;
    if (n) j += n;
    const wd = j < s.toks.length ? weekdayOf(s, j, lex, j > start) : undefined;
    if (wd !== undefined) {
      const base = published;
      date = base ? weekdayOnOrBefore(n && date ? date : base, wd) : null;
      j += 1;
      n = 1;
    }
    const explicit = n ? null : explicitDate(s, j, lex);
    if (explicit) {
      date = explicit.date;
      j = explicit.to;
      n = 1;
    }
    if (!n) {
      i = start + 1;
      continue;
    }
    if (midnight && date) date = addDays(date, 1);
    out.push({ from: start, to: j, date });
    i = j;
    midnight = 0;
  }
  return out;
}

/** A weekday name: with the article («الخميس»), or bare after a day part («يوم خميس»); bare «خميس» is a name. */
function weekdayOf(s: Sentence, i: number, lex: EventLexicon, afterDayPart: boolean): number | undefined {
  for (const st of s.toks[i]!.stems) {
    const d = lex.weekdays.get(st) ?? (afterDayPart ? lex.weekdays.get(`\u0627\u0644${st}`) : undefined);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** «8 مارس 2017», «يومي 8 و9 مارس 2017» (the first day). */
function explicitDate(s: Sentence, i: number, lex: EventLexicon): { to: number; date: string | null } | null {
  const t = s.toks;
  if (!t[i]?.digits) return null;
  const day = Number(t[i]!.norm);
  let j = i + 1;
  while (j < t.length && (t[j]!.digits || t[j]!.norm === lex.word.and) && j < i + 3) j++;
  for (const { words, month } of lex.months) {
    if (words.every((w, k) => t[j + k]?.norm === w || t[j + k]?.stems.includes(w))) {
      const yearTok = t[j + words.length];
      const year = yearTok?.digits && yearTok.norm.length === 4 ? yearTok.norm : null;
      if (!year || day < 1 || day > 31) return { to: j + words.length, date: null };
      return { to: j + words.length + 1, date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
    }
  }
  return null;
}
