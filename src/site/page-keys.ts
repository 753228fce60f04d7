/**
 * The `cacheKey` of a page for Astro's incremental build (`experimental.incrementalBuild` in astro.config.mjs): a
 * digest of every piece of data the page renders, so that a rebuild renders a page again exactly when its data
 * changed and restores every other page from the previous build (Astro also compares the page's code: its
 * module graph, the configuration and the lockfile).
 *
 * A key is made from digests of the model's pieces, each computed once per build and shared by every page that shows
 * it. What a page shows of something it only links to is its *reference* digest: an actor's names, type, country and
 * roles, not its counts and latest articles, which change with every article naming it. Getting the inputs of a key
 * wrong would publish a stale page; so every piece is taken whole (the article view with its body and events, the
 * story with its articles), and the byte-identical test (tests/site/incremental.test.ts) builds a site cold and
 * incrementally and compares every file.
 *
 * A page's share card is named in its head by path and alt text, and both follow from what the key already holds
 * (the alt text is the card's title: a name, a date, a headline).
 *
 * Actor feeds (two a page, the most numerous XML files) have keys too; astro's incremental build treats an endpoint
 * with a `cacheKey` from `getStaticPaths` as it treats a page (node_modules/astro/dist/core/build/generate.js). Pages
 * and feeds without a key (the home page, the first pages of indexes, country pages, edition feeds, sitemaps) are
 * rendered on every build: what they show moves with almost every new article, and they are few. The other pages of
 * the actors index (by type, by country, later pages: 370 at 10,000 articles) have keys: a new article changes the
 * rows of the few actors it names.
 */
import { createHash } from "node:crypto";
import type { SiteModel } from "./model.ts";
import { actorIndexPages, type ActorIndexPage } from "./routes.ts";

/** What every page depends on beyond its data: the site settings, which outputs exist, the rendering code. */
export interface KeyContext {
  /** Settings the layout reads (title, url, base…) and the outputs of this build (cards, search). */
  settings: unknown;
  /** A digest of the site's source code (see src/site/source-digest.ts). */
  code: string;
}

export interface PageKeys {
  article(id: string): string;
  story(id: string): string;
  day(day: string): string;
  actor(id: string): string;
  /** A country's weekly brief (`CountryView.weeks[index]`). */
  week(code: string, index: number): string;
  /** The page left at an actor's former id, pointing at its current one. */
  redirect(to: string): string;
  /** An actor's article feed (`/{lang}/actors/{id}/rss.xml`): the actor as named, its latest articles in order. */
  actorFeed(id: string): string;
  /** An actor's story feed: the actor as named and the stories the feed lists (`ids`, in order), each whole. */
  actorStoriesFeed(id: string, ids: readonly string[]): string;
  /** A page of the actors index (`ActorIndexPage.path`, src/site/routes.ts). */
  actorsIndex(path: string): string;
}

/** A digest of `parts`, each ended by NUL; hashed as one string (one `update` a part cost more than the hashing). */
const digest = (...parts: string[]): string => createHash("sha256").update(`${parts.join("\0")}\0`).digest("base64url").slice(0, 32);

/** Memoises `f` per argument, or per `key` of its arguments (pages ask for a key once per edition). */
function memo<A extends [string, ...unknown[]]>(f: (...args: A) => string, key: (...args: A) => string = (...args) => args[0]): (...args: A) => string {
  const seen = new Map<string, string>();
  return (...args) => {
    const k = key(...args);
    let v = seen.get(k);
    if (v === undefined) seen.set(k, (v = f(...args)));
    return v;
  };
}

/**
 * The page keys of `model`. `articleDigests` holds a digest of each article as read and of its search text (article
 * pages render it as their hidden search block), made once per file by the article cache
 * (src/content/article-cache.ts `articleDigest`): serialising every whole article on every build cost more than
 * the rest of the keys together at 10,000 articles.
 */
export function pageKeys(model: SiteModel, articleDigests: ReadonlyMap<string, string>, context: KeyContext): PageKeys {
  // Outlets are named from the knowledge base's media actors (src/site/model/outlets.ts) on story, brief, article and
  // actor pages alike: an outlet renamed in one edition changes them all, so its names are global.
  const global = digest(JSON.stringify(context.settings ?? null), context.code, JSON.stringify([...model.outletNames]));

  /** A country as other pages show it: its code, slug and names. */
  const countryRef = memo((code) => {
    const c = model.countries.get(code);
    return digest(JSON.stringify(c ? [c.code, c.slug, c.names] : null));
  });
  /** An actor as other pages show it: what the knowledge base says of it (not its activity), with its home country. */
  const actorRef = memo((id) => {
    const a = model.actors.get(id);
    if (!a) return digest("none");
    const { names, aliases, type, country, affiliation, members, roles, description, wikidata, formerIds, provisional, curated } = a;
    return digest(
      JSON.stringify([id, names, aliases, type, country, affiliation, members, roles, description, wikidata, formerIds, provisional, curated]),
      country ? countryRef(country) : "",
    );
  });
  /** A mention's ref as an article's body links it now (see the article key). */
  const mentionTarget = memo((ref) => {
    const target = model.resolveRef(ref);
    return `${ref}>${JSON.stringify(target)}>${target?.kind === "country" ? countryRef(target.code) : ""}`;
  });
  /**
   * An article as a list, a story or a brief shows it: its whole file (by its digest), its dates, and the actors and
   * countries it names. The dates are taken apart from the digest: the site withholds a date after today
   * (load.ts `withholdFutureDates`), so the model's article may differ from the one read there, and only in them.
   * An article without a digest (none is: every article of the model was read with one) is taken whole; its search
   * text follows from it by code the key covers (`global`).
   */
  const articleRef = memo((id) => {
    const v = model.articles.get(id);
    if (!v) return digest("none");
    const { article } = v;
    return digest(
      articleDigests.get(id) ?? JSON.stringify(article),
      JSON.stringify([article.published, article.seen, v.day, v.dateSource, v.actorIds, v.countries, v.primaryCountry, v.story]),
      ...v.actorIds.map(actorRef),
      ...v.countries.map(countryRef),
    );
  });
  /** A story as any page shows it: the whole story and every one of its articles. */
  const storyRef = memo((id) => {
    const s = model.stories.get(id);
    if (!s) return digest("none");
    return digest(JSON.stringify(s), ...s.articles.map(articleRef), ...s.actors.map(actorRef), ...s.countries.map(countryRef));
  });

  /** What every page of the actors index shares, worked out once: its pages by path, and a digest of the filters each links. */
  let actorsIndexShared: { views: Map<string, ActorIndexPage>; filters: string } | undefined;
  const actorsIndexParts = () => {
    const all = actorIndexPages(model);
    const firsts = all.filter((p) => p.n === 1 && (p.type !== null || p.country !== null));
    const countries = [...new Set(firsts.flatMap((p) => p.country ?? []))].sort();
    return {
      views: new Map(all.map((p) => [p.path, p])),
      filters: digest(JSON.stringify(firsts.map((p) => [p.path, p.type, p.country])), ...countries.map(countryRef)),
    };
  };

  return {
    article: memo((id) => {
      const v = model.articles.get(id);
      // The body links each mention to the page its ref resolves to now: a former id, or an actor that gained or
      // lost its place in the model (a discovered actor turning provisional), changes the links.
      const refs = [...new Set((v?.article.mentions ?? []).map((m) => m.ref))].sort().map(mentionTarget);
      // The search block is the article's search text: covered by its digest in `articleRef`.
      return digest(global, "article", id, articleRef(id), JSON.stringify(v?.related ?? null), ...(v?.related ?? []).map(articleRef), ...refs);
    }),
    story: memo((id) => {
      const s = model.stories.get(id);
      return digest(global, "story", id, storyRef(id), ...(s?.related ?? []).map(storyRef));
    }),
    actor: memo((id) => {
      const a = model.actors.get(id);
      if (!a) return digest(global, "actor", id, "none");
      // The whole entry with its activity (counts, timeline, latest mentions with their sentences, stories), the
      // articles and stories it lists, and the actors and countries it links by name.
      return digest(
        global,
        "actor",
        JSON.stringify(a),
        ...[a.affiliation ?? "", ...a.members, ...a.coActors.map((c) => c.key)].map(actorRef),
        ...[a.country ?? "", ...a.countries.map((c) => c.key)].map(countryRef),
        ...a.latest.map((m) => articleRef(m.articleId)),
        ...a.stories.map(storyRef),
      );
    }),
    week: memo((code, index: number) => {
      const c = model.countries.get(code);
      const w = c?.weeks[index];
      if (!c || !w) return digest(global, "week", code, String(index), "none");
      // The week, the weeks either side (the pager names their dates), the country and the week's stories.
      return digest(global, "week", JSON.stringify([w, c.weeks[index - 1] ?? null, c.weeks[index + 1] ?? null]), countryRef(code), ...w.stories.map(storyRef));
    }, (code, index) => `${code}/${index}`),
    redirect: (to) => digest(global, "redirect", to),
    // A feed item shows an article (its title, date line, summary, actors by name) or a story as its page does:
    // the same reference digests cover them. The settings (title, url, feed length) are in `global`.
    actorFeed: memo((id) => {
      const ids = (model.actors.get(id)?.latest ?? []).map((m) => m.articleId);
      return digest(global, "actor-feed", actorRef(id), JSON.stringify(ids), ...ids.map(articleRef));
    }),
    actorStoriesFeed: memo(
      (id, ids: readonly string[]) => digest(global, "actor-stories-feed", actorRef(id), JSON.stringify(ids), ...ids.map(storyRef)),
      (id, ids) => JSON.stringify([id, ids]),
    ),
    // A page of the actors index (src/components/ActorsIndex.astro) shows its view (the ids of its rows, its place
    // among its pages), the filters it links (every type and country with a page, countries by name), and each
    // row: an actor's names, type, country by name, last day named, article count and whether it is provisional.
    actorsIndex: memo((path) => {
      const { views, filters } = (actorsIndexShared ??= actorsIndexParts());
      const view = views.get(path);
      if (!view) return digest(global, "actors-index", path, "none");
      const rows = view.ids.map((id) => {
        const a = model.actors.get(id);
        return a ? [id, a.names, a.type, a.country, a.lastDay, a.articleCount, a.provisional] : [id, null];
      });
      const countries = [...new Set(view.ids.flatMap((id) => model.actors.get(id)?.country ?? []))].sort();
      return digest(global, "actors-index", filters, JSON.stringify([view, rows]), ...countries.map(countryRef));
    }),
    day: memo((day) => {
      const b = model.dayIndex.get(day);
      if (!b) return digest(global, "day", day, "none");
      const stories = [...b.topStories.flatMap((g) => g.stories), ...b.developing];
      return digest(
        global,
        "day",
        JSON.stringify(b),
        ...b.articleIds.map(articleRef),
        ...stories.map(storyRef),
        ...b.actors.map((c) => actorRef(c.key)),
        ...b.newActors.map(actorRef),
        ...b.newCountries.map(countryRef),
        ...b.groups.flatMap((g) => (g.country ? [countryRef(g.country)] : [])),
      );
    }),
  };
}
