/**
 * Assertion (codebook §2): only events the sentence asserts are coded. Commentary sentences code nothing; a
 * trigger in a relative clause, after a background cue (prior cause, concession, purpose, topic), after a
 * negation, in the scope of a denial or a condition, or requested by an appeal is not an event.
 */
import type { Hit } from "./context.ts";
import type { EventLexicon } from "./lexicon.ts";
import type { EventSettings } from "./settings.ts";
import { longestAt, type Sentence } from "./text.ts";

/** True when the sentence is commentary, analysis or an explainer. */
export function isCommentary(s: Sentence, lex: EventLexicon): boolean {
  // a question is an explainer's or a column's opening, not a report
  if (/[?؟]\s*$/.test(s.text) || /[?؟]/.test(s.text.slice(0, 120))) return true;
  if (longestAt(s, 0, lex.cue.commentary_openers)) return true;
  for (let i = 0; i < s.toks.length; i++) if (longestAt(s, i, lex.cue.commentary_anywhere)) return true;
  return false;
}

/** True when the hit is asserted. `hits` are all hits of the sentence (an appeal governs the nouns after it). */
export function isAsserted(s: Sentence, h: Hit, hits: Hit[], lex: EventLexicon, settings: EventSettings, named: ArrayLike<unknown> = []): boolean {
  const c = s.clause[h.from]!;
  const cue = lex.cue;
  for (let k = Math.max(c, h.from - settings.relativeWindow); k < h.from; k++) if (longestAt(s, k, cue.relative)) return false;
  // a cue word inside a name is part of the name («الحركة الشعبية لتحرير السودان»)
  for (let k = c; k < h.from; k++) if (!named[k] && (longestAt(s, k, cue.background) || longestAt(s, k, cue.conditional))) return false;
  // a denial governs the rest of the sentence («نفى … مقتل … في اشتباكات»)
  for (let k = 0; k < h.from; k++) if (longestAt(s, k, cue.denial)) return false;
  for (let k = Math.max(c, h.from - settings.negationWindow); k < h.from; k++) if (longestAt(s, k, cue.negation_particles)) return false;
  for (let k = h.to; k < Math.min(s.toks.length, h.to + 2); k++) if (longestAt(s, k, cue.conditional)) return false;
  const t = s.toks[h.from]!;
  if (h.trigger.kind !== "verb") {
    // a verbal noun with the proclitic ل is a purpose («لتحرير»), unless it completes a verb of reaching («التوصل لاتفاق»)
    // …or of an agreement («اتفاق لوقف إطلاق النار»: the agreement is the ceasefire, R11)
    const agreed = hits.some((o) => o.trigger.type === "AGREE" && o.to === h.from);
    if (t.norm.startsWith("\u0644") && !t.norm.startsWith("\u0627\u0644") && !(h.from > 0 && longestAt(s, h.from - 1, cue.reach_verbs)) && !agreed) return false;
    // …and so is the noun it governs («لإبرام الاتفاق»)
    const prev = s.toks[h.from - 1];
    if (prev && s.clause[h.from] !== h.from && /^\u0644[^\u0627\u0644]/.test(prev.norm) && prev.norm.length > 3 && !longestAt(s, h.from - 1, cue.reach_verbs)) return false;
    // what an appeal asks for or a threat threatens is not done («طالب X بإقالة …», «هددت X بعملية عسكرية»)
    if (hits.some((o) => (o.trigger.type === "APPEAL" || o.trigger.type === "THREATEN") && o.trigger.kind === "verb" && o.from < h.from && s.clause[o.from] === c)) return false;
    // …nor what a condemnation or accusation is about («ندد X بالهجوم», «اتهم X بقصف»): its object, not news
    // («أدان X إطلاق ميليشيا الحوثي صاروخا»: the condemned act may follow the subject without «ب»)
    const withBa = t.norm.startsWith("\u0628") && t.stems.some((st) => st !== t.norm && !st.startsWith("\u0628"));
    const reach = withBa ? settings.accusedActWindow : settings.accusedObjectWindow;
    if (hits.some((o) => o.trigger.type === "ACCUSE" && o.trigger.kind === "verb" && o.from < h.from && h.from - o.to <= reach && s.clause[o.from] === c)) return false;
  }
  return true;
}
