/**
 * Phase 3: one pass over the ordered articles: each article's view (actors with a page, countries, filing country,
 * story) and the posting lists (article indexes, latest first) per actor, country and day; then 3a, the filing
 * country of articles that tag none.
 */
import { stripBidiControls } from "../../lib/text-safety.ts";
import type { Bilingual } from "../../schemas/common.ts";
import { storyIdOf } from "../stories.ts";
import type { ActorIndex } from "./actor-index.ts";
import { bump } from "./counts.ts";
import type { DatedArticle } from "./order.ts";
import { outletsOf } from "./outlets.ts";
import type { ActorAcc, ArticleView } from "./types.ts";

export interface Postings {
  views: Map<string, ArticleView>;
  /** Article views in model order; posting lists hold indexes into it. */
  ordered: ArticleView[];
  actorAcc: Map<string, ActorAcc>;
  countryArticles: Map<string, number[]>;
  /** Per country, how many of its articles tag each actor. */
  countryActors: Map<string, Map<string, number>>;
  /** Per day, latest day first (insertion follows `ordered`). */
  dayArticles: Map<string, number[]>;
}

export function postArticles(
  dated: readonly DatedArticle[],
  actorIndex: Pick<ActorIndex, "kb" | "canonical" | "hasPage">,
  countryNames: ReadonlyMap<string, Bilingual>,
  outlet: (name: string) => string,
): Postings {
  const { kb, canonical, hasPage } = actorIndex;
  const views = new Map<string, ArticleView>();
  const ordered: ArticleView[] = [];
  const actorAcc = new Map<string, ActorAcc>();
  const countryArticles = new Map<string, number[]>();
  const countryActors = new Map<string, Map<string, number>>();
  const dayArticles = new Map<string, number[]>();
  const countryUsed = (code: string) => countryNames.has(code);

  for (const { article, day, source } of dated) {
    const index = ordered.length;
    const actorIds: string[] = [];
    // An outlet naming itself ("…, a source told Asharq Al-Awsat" on Asharq's own page) is attribution, not news
    // about the outlet: it is no actor of the article on the site (no page, co-mention or "new actor" from it).
    const outlets = outletsOf(article, outlet);
    const ownOutlet = (id: string) => {
      const a = kb.get(id);
      return a?.type === "media" && outlets.includes(a.names.en);
    };
    for (const tag of article.actors) {
      const id = canonical(tag.id);
      if (hasPage(id) && !actorIds.includes(id) && !ownOutlet(id)) actorIds.push(id);
    }
    const countries = [...new Set(article.countries)].filter(countryUsed);
    const countryMentions = new Map<string, number>();
    const actorMentions = new Map<string, number>();
    for (const m of article.mentions) {
      if (m.ref.startsWith("country:")) bump(countryMentions, m.ref.slice(8));
      else bump(actorMentions, canonical(m.ref));
    }
    // Filed under the country it is most about: mentions of the country, plus one per tagged actor based there
    // (an article about Haftar's army that names Chad once is a Libya story); ties go to the first tagged.
    for (const id of actorIds) {
      const home = kb.get(id)?.country;
      if (home) bump(countryMentions, home);
    }
    let primaryCountry: string | null = null;
    let best = -1;
    for (const code of countries) {
      const n = countryMentions.get(code) ?? 0;
      if (n > best) {
        best = n;
        primaryCountry = code;
      }
    }
    const view: ArticleView = { article, day, dateSource: source, actorIds, countries, primaryCountry, related: [], story: storyIdOf(article), outlets };
    views.set(article.id, view);
    ordered.push(view);

    if (day) {
      const list = dayArticles.get(day);
      if (list) list.push(index);
      else dayArticles.set(day, [index]);
    }
    for (const id of actorIds) {
      let acc = actorAcc.get(id);
      if (!acc) {
        acc = { articles: [], mentions: 0, co: new Map(), countries: new Map(), roles: new Map() };
        actorAcc.set(id, acc);
      }
      acc.articles.push(index);
      acc.mentions += actorMentions.get(id) ?? 0;
      for (const other of actorIds) if (other !== id) bump(acc.co, other);
      for (const code of countries) bump(acc.countries, code);
    }
    for (const m of article.mentions) {
      if (m.role && !m.ref.startsWith("country:")) {
        const acc = actorAcc.get(canonical(m.ref));
        if (acc) bump(acc.roles, stripBidiControls(m.role).trim());
      }
    }
    for (const code of countries) {
      const list = countryArticles.get(code);
      if (list) list.push(index);
      else countryArticles.set(code, [index]);
      let actors = countryActors.get(code);
      if (!actors) countryActors.set(code, (actors = new Map()));
      for (const id of actorIds) bump(actors, id);
    }
  }

  fileUncountried(ordered, kb, countryArticles);
  return { views, ordered, actorAcc, countryArticles, countryActors, dayArticles };
}

/**
 * 3a. An article that tags no country (its text never writes «السودان») is filed under the country its home-based
 * actors and its places point to most («حميدتي … في نيالا» is a Sudan story), if that country has a page; else it
 * stays under "no country". Only such articles are looked at again.
 */
export function fileUncountried(ordered: readonly ArticleView[], kb: ActorIndex["kb"], countryArticles: ReadonlyMap<string, readonly number[]>): void {
  for (const view of ordered) {
    if (view.countries.length > 0) continue;
    const votes = new Map<string, number>();
    for (const id of view.actorIds) {
      const home = kb.get(id)?.country;
      if (home && countryArticles.has(home)) bump(votes, home);
    }
    for (const place of view.article.places) if (place.country && countryArticles.has(place.country)) bump(votes, place.country);
    let most = 0;
    for (const [code, n] of votes) {
      if (n > most) {
        most = n;
        view.primaryCountry = code;
      }
    }
  }
}
