/** Outlets: one name per outlet (a knowledge-base media actor's English name), and the outlets of an article. */
import { foldKey } from "../../text/index.ts";
import type { Actor } from "../../schemas/actor.ts";
import type { Article } from "../../schemas/article.ts";
import type { Bilingual } from "../../schemas/common.ts";

/** Outlets that printed an article: its own source, then its de-duplicated copies' sources. */
export function outletsOf(article: Pick<Article, "source" | "sources">, outlet: (name: string) => string): string[] {
  const out: string[] = [];
  for (const name of [article.source, ...article.sources.map((s) => s.source)]) {
    const o = name ? outlet(name) : null;
    if (o && !out.includes(o)) out.push(o);
  }
  return out;
}

/**
 * One name per outlet: a source written as one of a knowledge-base media actor's names or aliases, in either
 * language («الشرق الأوسط», "Asharq Al-Awsat"), is that actor's English name, so that an outlet's two editions
 * count once in a story; `names` gives each such outlet's name in both editions for display. Other sources stay
 * as written.
 */
export function outletNames(actors: readonly Pick<Actor, "type" | "names" | "aliases" | "ambiguous_aliases">[]): { outlet: (name: string) => string; names: Map<string, Bilingual> } {
  const byKey = new Map<string, Bilingual>();
  for (const a of actors) {
    if (a.type !== "media") continue;
    // An alias ambiguous in running text («الشرق الأوسط», the region) is not ambiguous as an article's source.
    for (const form of [a.names.ar, a.names.en, ...(a.aliases?.ar ?? []), ...(a.aliases?.en ?? []), ...(a.ambiguous_aliases ?? [])]) {
      const key = foldKey(form).toLowerCase();
      if (key && !byKey.has(key)) byKey.set(key, a.names);
    }
  }
  const names = new Map<string, Bilingual>();
  // Sources repeat (a few hundred names over thousands of articles): each is folded once.
  const seen = new Map<string, string>();
  const outlet = (name: string): string => {
    let out = seen.get(name);
    if (out !== undefined) return out;
    const known = byKey.get(foldKey(name).toLowerCase());
    if (known) names.set(known.en, known);
    seen.set(name, (out = known ? known.en : name));
    return out;
  };
  return { outlet, names };
}
