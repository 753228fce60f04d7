/**
 * Share-card specs: what the card of each shareable page says. The site decides the content; src/cards lays it
 * out and renders `<outDir>/cards/<path>.png`. Pages reference the card through `cardRef` (its path and alt text, from
 * the same code as the spec's), and `cardSpecs` lists the specs for the renderer, so a page can never point at a card
 * that is not rendered.
 *
 * Shareable pages: home, briefs, stories, articles, actors and countries named by an article (both editions), and the
 * three index pages. Reference pages (entries no article names, the reference index) are not shared: no card.
 * A brief's card names its top three stories; a story's and an article's card give title, summary, outlets and date;
 * an actor's card its name, role and activity over the 30 days to its latest article (src/site/actor-activity.ts).
 */
import { cardPalette } from "../schemas/card-palette.ts";
import { CardSpec, type CardKind } from "../schemas/card.ts";
import type { SiteSettings } from "../config.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../schemas/common.ts";
import { formatDate, formatPartialDate, LANGS } from "./locale.ts";
import type { DayBrief, SiteModel } from "./model.ts";
import type { PageKeys } from "./page-keys.ts";
import { articleDateLine, articleTitle } from "./present.ts";
import { ACTIVITY_DAYS, actorActivity, roleOn } from "./actor-activity.ts";
import { outletCount, outletName, presentStory, storyDates } from "./story-present.ts";
import { ownLanguageSummary, summarySentences } from "./stories.ts";

/** How many actor chips / country names a card shows. */
const CARD_CHIPS = 4;
/** How many top stories a brief's card names (one line each; see THEME.briefMetaLines in the card template). */
const CARD_STORIES = 3;
/** How many outlets a story's card names. */
const CARD_OUTLETS = 3;

/** Card paths below `cards/` (ASCII, no extension). Index pages live under `index/` so no id can collide. */
export const cardPaths = {
  home: (lang: Lang) => `${lang}/home`,
  briefs: (lang: Lang) => `${lang}/index/briefs`,
  actors: (lang: Lang) => `${lang}/index/actors`,
  countries: (lang: Lang) => `${lang}/index/countries`,
  brief: (lang: Lang, day: string) => `${lang}/briefs/${day}`,
  article: (lang: Lang, id: string) => `${lang}/articles/${id}`,
  story: (lang: Lang, id: string) => `${lang}/stories/${id}`,
  actor: (lang: Lang, id: string) => `${lang}/actors/${id}`,
  country: (lang: Lang, slug: string) => `${lang}/countries/${slug}`,
} as const;

export type CardTarget =
  | { kind: "home" }
  | { kind: "index"; page: "briefs" | "actors" | "countries" }
  | { kind: "brief"; day: string }
  | { kind: "article"; id: string }
  | { kind: "story"; id: string }
  | { kind: "actor"; id: string }
  | { kind: "country"; code: string };

type CardSettings = { site: Pick<SiteSettings, "title"> & Partial<Pick<SiteSettings, "theme">> };

/** What a page's head needs of its card: where it is and its alternative text (og:image, og:image:alt). */
export interface CardRef {
  path: string;
  alt: string;
}

/** A card's kind, path and title: all a page needs to point at it, and the start of its spec. */
interface CardHead {
  kind: CardKind;
  path: string;
  title: string;
}

function cardHead(model: SiteModel, settings: CardSettings, lang: Lang, target: CardTarget): CardHead {
  switch (target.kind) {
    case "home":
      return { kind: "home", path: cardPaths.home(lang), title: settings.site.title[lang] };
    case "index":
      return {
        kind: "index",
        path: cardPaths[target.page](lang),
        title: t(lang, target.page === "briefs" ? "archive.title" : target.page === "actors" ? "actors.title" : "countries.title"),
      };
    case "brief": {
      const brief = model.dayIndex.get(target.day)!;
      return { kind: "brief", path: cardPaths.brief(lang, brief.day), title: t(lang, "brief.title", { date: formatDate(lang, brief.day) }) };
    }
    case "article": {
      const a = model.articles.get(target.id)!.article;
      return { kind: "article", path: cardPaths.article(lang, a.id), title: articleTitle(a, lang).text };
    }
    case "story": {
      // The story's headline is its lead article's title (story-present.ts).
      const story = model.stories.get(target.id)!;
      return { kind: "article", path: cardPaths.story(lang, story.id), title: articleTitle(model.articles.get(story.lead)!.article, lang).text };
    }
    case "actor": {
      const actor = model.actors.get(target.id)!;
      return { kind: "actor", path: cardPaths.actor(lang, actor.id), title: actor.names[lang] };
    }
    case "country": {
      const country = model.countries.get(target.code)!;
      return { kind: "country", path: cardPaths.country(lang, country.slug), title: country.names[lang] };
    }
  }
}

function cardAlt(lang: Lang, title: string): string {
  return t(lang, "card.alt", { title });
}

/**
 * The path and alt text of a page's card, as `cardFor` gives them, without working out the rest of the card (its
 * facts, chips, activity and validated spec): every page asks for this, and only the cards stage needs the spec.
 */
export function cardRef(model: SiteModel, settings: CardSettings, lang: Lang, target: CardTarget): CardRef {
  const head = cardHead(model, settings, lang, target);
  return { path: head.path, alt: cardAlt(lang, head.title) };
}

function spec(lang: Lang, head: CardHead, settings: CardSettings, fields: { kicker?: string; meta?: string[]; activity?: number[]; chips?: string[]; countries?: string[] }): CardSpec {
  const { kind, path, title } = head;
  return CardSpec.parse({
    path,
    lang,
    kind,
    siteName: settings.site.title[lang],
    alt: cardAlt(lang, title),
    // The site's theme (default theme when the caller has none): part of the spec, so of the card's cache key.
    palette: settings.site.theme && cardPalette(settings.site.theme, kind),
    title,
    ...fields,
  });
}

/** A brief's top stories (new ones first, then developing), one bulleted headline each. */
function topStoryLines(model: SiteModel, brief: DayBrief, lang: Lang): string[] {
  const top = [...brief.topStories.flatMap((g) => g.stories), ...brief.developing].slice(0, CARD_STORIES);
  // The headline in a first-strong isolate (FSI…PDI, what <bdi> does on a page): it keeps its own direction, and the
  // bullet stays on the card's side (an Arabic headline on an English card would otherwise carry it to the right).
  return top.map((id) => `\u2022 \u2068${presentStory(model, id, lang).title.text}\u2069`);
}

/** The card of one page in one edition. Throws when the target does not exist in the model. */
export function cardFor(model: SiteModel, settings: CardSettings, lang: Lang, target: CardTarget): CardSpec {
  const actorName = (id: string) => model.actors.get(id)!.names[lang];
  const countryName = (code: string) => model.countries.get(code)!.names[lang];
  const head = cardHead(model, settings, lang, target);
  switch (target.kind) {
    case "home": {
      const brief = model.days[0];
      return spec(lang, head, settings, {
        kicker: t(lang, "card.home"),
        meta: brief ? [t(lang, "home.latestBrief", { date: formatDate(lang, brief.day) }), ...topStoryLines(model, brief, lang)] : [],
        chips: brief ? brief.actors.slice(0, CARD_CHIPS).map((c) => actorName(c.key)) : [],
        countries: brief ? brief.groups.flatMap((g) => (g.country ? [countryName(g.country)] : [])).slice(0, CARD_CHIPS) : [],
      });
    }
    case "index":
      return spec(lang, head, settings, {
        kicker: t(lang, "card.index"),
        meta: target.page === "actors" ? [t(lang, "count.actors", { count: model.actorPages.length })] : [],
      });
    case "brief": {
      const brief = model.dayIndex.get(target.day)!;
      return spec(lang, head, settings, {
        kicker: `${t(lang, "card.brief")} · ${t(lang, "card.articles", { count: brief.articleIds.length })}`,
        meta: topStoryLines(model, brief, lang),
        chips: brief.actors.slice(0, CARD_CHIPS).map((c) => actorName(c.key)),
        countries: brief.groups.flatMap((g) => (g.country ? [countryName(g.country)] : [])).slice(0, CARD_CHIPS),
      });
    }
    case "article": {
      const view = model.articles.get(target.id)!;
      const a = view.article;
      // A summary line in the card's language only: a one-line cut of text in the other direction reads badly.
      const editor = lang === "ar" ? a.summary_ar : a.summary_en;
      const lead = editor ?? (a.lang === lang ? ownLanguageSummary(a) : null);
      return spec(lang, head, settings, {
        kicker: a.source ?? t(lang, "card.article"),
        meta: [...(lead ? [summarySentences(lead)[0]!] : []), articleDateLine(view, lang)],
        chips: view.actorIds.slice(0, CARD_CHIPS).map(actorName),
        countries: view.countries.slice(0, CARD_CHIPS).map(countryName),
      });
    }
    case "story": {
      const story = model.stories.get(target.id)!;
      const p = presentStory(model, story.id, lang);
      const outlets = story.outlets.slice(0, CARD_OUTLETS).map((o) => outletName(model, o, lang)).join(t(lang, "list.separator")) + (story.outlets.length > CARD_OUTLETS ? "…" : "");
      return spec(lang, head, settings, {
        kicker: `${t(lang, "card.story")} · ${outletCount(story, lang)}`,
        // A story in the other language gets its line of known facts rather than a cut of its summary. Dates come
        // before outlet names so that no figure sits next to a name in the other script (bidi would pull it over).
        // The facts leave out the outlet count: the kicker gives it.
        meta: p.listFacts
          ? [p.listFacts, outlets]
          : [...(p.sentences[0] ? [p.sentences[0].text] : []), [storyDates(story, lang), outlets].filter(Boolean).join(" · ")],
        chips: story.actors.slice(0, CARD_CHIPS).map(actorName),
        countries: story.countries.slice(0, CARD_CHIPS).map(countryName),
      });
    }
    case "actor": {
      // Name, the role held on the card's date (the actor's latest article) and the activity of the 30 days to it.
      const actor = model.actors.get(target.id)!;
      const activity = actorActivity(model, actor.id);
      const role = roleOn(actor.roles, actor.lastDay);
      const roleLine = role ? role.title[lang] + (role.from ? ` · ${t(lang, "actor.roleFrom", { from: formatPartialDate(lang, role.from) })}` : "") : null;
      const activityLine = activity
        ? t(lang, "card.activity", { articles: activity.articles, stories: activity.stories, days: ACTIVITY_DAYS, date: formatDate(lang, activity.to) })
        : t(lang, "card.articles", { count: actor.articleCount });
      return spec(lang, head, settings, {
        kicker: t(lang, "card.actor", { type: t(lang, `actor.type.${actor.type}`) }),
        meta: [...(roleLine ? [roleLine] : []), activityLine],
        ...(activity ? { activity: activity.days } : {}),
        chips: actor.coActors.slice(0, CARD_CHIPS).map((c) => actorName(c.key)),
        countries: actor.countries.slice(0, CARD_CHIPS).map((c) => countryName(c.key)),
      });
    }
    case "country": {
      const country = model.countries.get(target.code)!;
      return spec(lang, head, settings, {
        kicker: t(lang, "card.country"),
        meta: [t(lang, "card.articles", { count: country.articleCount })],
        chips: country.topActors.slice(0, CARD_CHIPS).map((c) => actorName(c.key)),
      });
    }
  }
}

/** Every shareable page in both editions, in a stable order: the cards `cardSpecs` lists. */
export function cardTargets(model: SiteModel): Array<{ lang: Lang; target: CardTarget }> {
  const out: Array<{ lang: Lang; target: CardTarget }> = [];
  for (const lang of LANGS) {
    const add = (target: CardTarget) => out.push({ lang, target });
    add({ kind: "home" });
    for (const page of ["briefs", "actors", "countries"] as const) add({ kind: "index", page });
    for (const brief of model.days) add({ kind: "brief", day: brief.day });
    // Reference entries (actors and countries no article names) have no card.
    for (const id of model.actorPages) add({ kind: "actor", id });
    for (const code of model.countryPages) add({ kind: "country", code });
    for (const id of model.latest) add({ kind: "article", id });
    for (const id of model.storyPages) add({ kind: "story", id });
  }
  return out;
}

/** The card spec of every shareable page in both editions, in a stable order. */
export function cardSpecs(model: SiteModel, settings: CardSettings): CardSpec[] {
  return cardTargets(model).map(({ lang, target }) => cardFor(model, settings, lang, target));
}

/**
 * A key covering everything the card of `target` shows, from the page keys (src/site/page-keys.ts), or null for a card
 * no page key covers (home, indexes, countries: a few dozen, worked out every build). The page's key covers what its
 * card shows: an article's card its article, dates and the names of its actors and countries; a story's its story,
 * articles, actors and countries; a brief's its day and top stories. Each key holds the settings and the site's code.
 * Each key also holds the outlets' names (a story's outlets, named from the knowledge base). One thing a card shows
 * lies outside its page's key and is added here: an actor card's activity (articles per day over the 30 days to its
 * latest article, which its page does not show).
 */
export function cardInputKey(model: SiteModel, keys: PageKeys, lang: Lang, target: CardTarget): string | null {
  switch (target.kind) {
    case "article":
      return `${lang} article ${target.id} ${keys.article(target.id)}`;
    case "story":
      return `${lang} story ${target.id} ${keys.story(target.id)}`;
    case "brief":
      return `${lang} brief ${target.day} ${keys.day(target.day)}`;
    case "actor":
      return `${lang} actor ${target.id} ${keys.actor(target.id)} ${JSON.stringify(actorActivity(model, target.id) ?? null)}`;
    default:
      return null;
  }
}
