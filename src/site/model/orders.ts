/** The index pages' orders (actors and countries by name, by articles, by recent activity) and former-id redirects. */
import type { ActorRedirect, ActorView, CountryView, SiteModel } from "./types.ts";

export function indexOrders(
  actors: ReadonlyMap<string, ActorView>,
  countries: ReadonlyMap<string, CountryView>,
): Pick<SiteModel, "actorOrder" | "actorPages" | "countryOrder" | "countryPages"> {
  const actorIds = [...actors.keys()];
  const byName = (lang: "ar" | "en") => {
    const collator = new Intl.Collator(lang === "ar" ? "ar" : "en", { sensitivity: "base", numeric: true });
    return [...actorIds].sort((a, b) => collator.compare(actors.get(a)!.names[lang], actors.get(b)!.names[lang]) || (a < b ? -1 : 1));
  };
  const byMentions = [...actorIds].sort(
    (a, b) => actors.get(b)!.articleCount - actors.get(a)!.articleCount || (a < b ? -1 : 1),
  );
  // Recent activity: latest day named, then number of articles, then id (undated-only actors after dated ones).
  const byActivity = <T extends { lastDay: string | null; articleCount: number }>(get: (id: string) => T) => (a: string, b: string) => {
    const x = get(a);
    const y = get(b);
    if (x.lastDay !== y.lastDay) return x.lastDay === null ? 1 : y.lastDay === null ? -1 : x.lastDay < y.lastDay ? 1 : -1;
    return y.articleCount - x.articleCount || (a < b ? -1 : 1);
  };
  const actorPages = actorIds.filter((id) => actors.get(id)!.articleCount > 0).sort(byActivity((id) => actors.get(id)!));
  const countryIds = [...countries.keys()];
  const countryPages = countryIds.filter((code) => countries.get(code)!.articleCount > 0).sort(byActivity((code) => countries.get(code)!));
  const countriesByName = (lang: "ar" | "en") => {
    const collator = new Intl.Collator(lang, { sensitivity: "base" });
    return [...countryIds].sort((a, b) => collator.compare(countries.get(a)!.names[lang], countries.get(b)!.names[lang]) || (a < b ? -1 : 1));
  };
  return {
    actorOrder: { ar: byName("ar"), en: byName("en"), mentions: byMentions },
    actorPages,
    countryOrder: { ar: countriesByName("ar"), en: countriesByName("en") },
    countryPages,
  };
}

/** Former ids whose actor has a page and which no actor still uses, sorted by former id. */
export function actorRedirects(current: ReadonlyMap<string, string>, actors: ReadonlyMap<string, ActorView>): ActorRedirect[] {
  const redirects: ActorRedirect[] = [];
  for (const [from, to] of current) if (actors.has(to) && !actors.has(from)) redirects.push({ from, to });
  redirects.sort((a, b) => (a.from < b.from ? -1 : 1));
  return redirects;
}
