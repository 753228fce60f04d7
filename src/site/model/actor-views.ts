/** Phase 4a: one view per actor (curated, then tag-only actors with a page), from its own posting list only. */
import { mentionLexicon } from "../../entities/lexicon.ts";
import { stripBidiControls } from "../../lib/text-safety.ts";
import type { Actor } from "../../schemas/actor.ts";
import type { Bilingual } from "../../schemas/common.ts";
import type { ActorIndex } from "./actor-index.ts";
import { topCounts } from "./counts.ts";
import { buildTimeline } from "./days.ts";
import type { Postings } from "./postings.ts";
import { CO_MENTION_LIMIT, ENTITY_STORIES, OBSERVED_ROLES_LIMIT } from "./settings.ts";
import type { DayLookup, StoryIndex } from "./story-index.ts";
import type { ActorView } from "./types.ts";

export function buildActorViews(
  curated: readonly Actor[],
  actorIndex: ActorIndex,
  postings: Pick<Postings, "actorAcc" | "ordered">,
  days: Pick<DayLookup, "datedDays">,
  storyIndex: Pick<StoryIndex, "storiesIn">,
  countryNames: ReadonlyMap<string, Bilingual>,
  latest: number,
): Map<string, ActorView> {
  const { kb, canonical, tagOnly, hasPage } = actorIndex;
  const { actorAcc, ordered } = postings;
  const { datedDays } = days;
  const { storiesIn } = storyIndex;
  const countryUsed = (code: string) => countryNames.has(code);
  const actors = new Map<string, ActorView>();
  const members = new Map<string, string[]>();
  for (const actor of curated) {
    if (actor.affiliation && kb.has(actor.affiliation)) {
      const list = members.get(actor.affiliation);
      if (list) list.push(actor.id);
      else members.set(actor.affiliation, [actor.id]);
    }
  }
  const platforms = new Set(mentionLexicon().platforms);
  const isChannel = (id: string) => platforms.has(id) || (kb.get(id)?.type ?? tagOnly.get(id)?.tag.type) === "media";
  const makeView = (id: string, base: Omit<ActorView, "articleCount" | "mentionCount" | "firstDay" | "lastDay" | "timeline" | "coActors" | "countries" | "observedRoles" | "latest" | "stories">): ActorView => {
    const acc = actorAcc.get(id);
    const list = acc?.articles ?? [];
    const days = datedDays(list);
    const firstDay = days.length ? days[days.length - 1]! : null;
    return {
      ...base,
      articleCount: list.length,
      mentionCount: acc?.mentions ?? 0,
      firstDay,
      lastDay: days.length ? days[0]! : null,
      timeline: buildTimeline(days),
      // Outlets and social platforms are where actors speak, not actors named together with them.
      coActors: acc ? topCounts(acc.co, CO_MENTION_LIMIT + 5).filter((c) => !isChannel(c.key)).slice(0, CO_MENTION_LIMIT) : [],
      countries: acc ? topCounts(acc.countries, CO_MENTION_LIMIT) : [],
      observedRoles: acc ? topCounts(acc.roles, OBSERVED_ROLES_LIMIT) : [],
      stories: storiesIn(list, ENTITY_STORIES),
      latest: list.slice(0, latest).map((i) => {
        const a = ordered[i]!.article;
        const m = a.mentions.find((x) => canonical(x.ref) === id);
        // Quoted out of its paragraph, a sentence must not carry bidi overrides that would spoof the page around it.
        return {
          articleId: a.id,
          sentence: m ? stripBidiControls(m.sentence) : null,
          surface: m ? stripBidiControls(m.surface) : null,
        };
      }),
    };
  };
  for (const actor of curated) {
    actors.set(
      actor.id,
      makeView(actor.id, {
        id: actor.id,
        names: actor.names,
        aliases: actor.aliases,
        type: actor.type,
        country: actor.country && countryUsed(actor.country) ? actor.country : null,
        affiliation: actor.affiliation && kb.has(actor.affiliation) ? actor.affiliation : null,
        members: (members.get(actor.id) ?? []).sort(),
        roles: actor.roles,
        description: actor.description,
        wikidata: actor.wikidata ?? null,
        formerIds: actor.former_ids,
        provisional: actor.provisional,
        curated: true,
      }),
    );
  }
  for (const [id, { tag }] of tagOnly) {
    if (!hasPage(id)) continue;
    const ar = tag.ar || tag.en;
    const en = tag.en || tag.ar;
    actors.set(
      id,
      makeView(id, {
        id,
        names: { ar: ar || id, en: en || id },
        aliases: { ar: [], en: [] },
        type: tag.type,
        country: null,
        affiliation: null,
        members: [],
        roles: [],
        description: null,
        wikidata: null,
        formerIds: [],
        provisional: true,
        curated: false,
      }),
    );
  }
  return actors;
}
