/**
 * Phase 3 of tagging, the article's context: countries named unambiguously, actors named in full, the home country
 * and, per ambiguous alias or bare head, what was named nearest before it.
 */
import type { Actor } from "../../schemas/actor.ts";
import type { ActorReading, BareReading, Hit, InstitutionTables, Para, PlaceReading, Tables } from "./readings.ts";

/**
 * An ambiguous alias held by one actor and written in quotation marks names that actor: quotes mark a proper name
 * («الشرق الأوسط» the newspaper, not the region).
 */
export function quotedName(hit: Hit): boolean {
  return hit.quoted && hit.readings.filter((r) => r.kind === "actor").length === 1;
}

/**
 * The article's home country: the country its body is most about, counting country names and the countries of
 * the (non-international, non-media) actors it names in full; the first paragraph counts double. Ties go to the
 * country named first.
 */
export function homeCountry(hits: Hit[]): string | undefined {
  const score = new Map<string, number>();
  for (const hit of hits) {
    const weight = hit.para.index === 0 ? 2 : 1;
    const codes = new Set<string>();
    const countryCodes = new Set(hit.readings.flatMap((r) => (r.kind === "country" ? r.codes : [])));
    if (countryCodes.size === 1) codes.add([...countryCodes][0]!);
    const actors = hit.readings.filter((r): r is ActorReading => r.kind === "actor");
    if (actors.length === 1 && !actors[0]!.ambiguous) {
      const r = actors[0]!;
      if (r.actor.country && r.actor.type !== "international_org" && r.actor.type !== "media") codes.add(r.actor.country);
      for (const c of r.inner) if (c.codes.length === 1) codes.add(c.codes[0]!);
    }
    // a place says where the story is: its country, when the place has one reading
    if (!codes.size && actors.length === 0 && !hit.dateline) {
      const places = hit.readings.filter((r): r is PlaceReading => r.kind === "place" && r.place.when !== "context");
      if (places.length === 1) codes.add(places[0]!.place.country);
    }
    for (const c of codes) score.set(c, (score.get(c) ?? 0) + weight);
  }
  let best: string | undefined;
  for (const [code, n] of score) if (best === undefined || n > score.get(best)!) best = code;
  return best;
}

/**
 * What the resolvers look back for, in one pass over the hits (so a paragraph of many ambiguous names stays
 * linear): for each bare head, the body (or proper name starting with the head) named in full nearest before it in
 * the same paragraph (rule 1 of `resolveBare`); for each ambiguous alias, its holder named in full nearest before it
 * in the same paragraph (rule 1 of `resolveHolder`).
 */
export function nearestMentions(inst: InstitutionTables | null, hits: Hit[]): { bareNear: Map<number, Actor>; nearHolder: Map<number, string> } {
  const bareNear = new Map<number, Actor>();
  const nearHolder = new Map<number, string>();
  let para: Para | undefined;
  const lastBody = new Map<number, { actor: Actor; h: number }>();
  const lastActor = new Map<string, { actor: Actor; h: number }>();
  hits.forEach((hit, h) => {
    if (hit.para !== para) {
      para = hit.para;
      lastBody.clear();
      lastActor.clear();
    }
    const bare = hit.readings.find((r): r is BareReading => r.kind === "bare");
    if (bare && inst) {
      let best: { actor: Actor; h: number } | undefined;
      for (const p of bare.patterns) {
        const b = lastBody.get(p.inst);
        if (b && (!best || b.h > best.h)) best = b;
      }
      if (bare.patterns.some((p) => p.anaphora)) {
        for (const a of inst.anaphors.get(bare.key) ?? []) {
          const m = lastActor.get(a.id);
          if (m && (!best || m.h > best.h)) best = m;
        }
      }
      if (best) bareNear.set(h, best.actor);
      return;
    }
    let nearest = -1;
    for (const r of hit.readings) {
      if (r.kind !== "actor" || !r.ambiguous) continue;
      const m = lastActor.get(r.actor.id);
      if (m && m.h > nearest) {
        nearest = m.h;
        nearHolder.set(h, r.actor.id);
      }
    }
    for (const r of hit.readings) {
      if (r.kind !== "actor" || r.ambiguous) continue;
      for (const x of [r, ...r.nested.map((n) => n.reading)]) {
        lastActor.set(x.actor.id, { actor: x.actor, h });
        for (const i of inst?.instOf.get(x.actor.id) ?? []) lastBody.set(i, { actor: x.actor, h });
      }
    }
  });
  return { bareNear, nearHolder };
}

/** What the resolvers read about the whole article. */
export interface Context {
  /** Per country code: how often the article names it unambiguously (country forms, countries inside names). */
  contextCount: Map<string, number>;
  /** Per actor id: how often the article names it in full (nested names included). */
  fullCount: Map<string, number>;
  /** Per actor id: the hit of its first full mention. */
  firstFull: Map<string, number>;
  /** The country named most often unambiguously. */
  topCountry: string | undefined;
  /** The country the article is most about (`homeCountry`). */
  home: string | undefined;
  /** Per bare-head hit, the body named nearest before it; per ambiguous-alias hit, its holder named nearest before. */
  bareNear: Map<number, Actor>;
  nearHolder: Map<number, string>;
}

/** Phase 3 over an article's hits: unambiguous countries, full (unambiguous) actor mentions, nested ones included. */
export function readContext(tables: Tables, hits: readonly Hit[]): Context {
  const contextCount = new Map<string, number>();
  const bump = (code: string) => contextCount.set(code, (contextCount.get(code) ?? 0) + 1);
  const fullCount = new Map<string, number>();
  const firstFull = new Map<string, number>();
  const countFull = (x: ActorReading, h: number) => {
    fullCount.set(x.actor.id, (fullCount.get(x.actor.id) ?? 0) + 1);
    if (!firstFull.has(x.actor.id)) firstFull.set(x.actor.id, h);
    for (const c of x.inner) if (c.codes.length === 1) bump(c.codes[0]!);
  };
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    let code: string | undefined;
    let several = false;
    for (const r of hit.readings) {
      if (r.kind === "country") {
        for (const c of r.codes) {
          if (code === undefined) code = c;
          else if (c !== code) several = true;
        }
      }
      if (r.kind !== "actor" || (r.ambiguous && !quotedName(hit))) continue;
      countFull(r, h);
      for (const n of r.nested) countFull(n.reading, h);
    }
    if (code !== undefined && !several) bump(code);
  }
  const topCountry = [...contextCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const { bareNear, nearHolder } = nearestMentions(tables.institutions, hits as Hit[]);
  return { contextCount, fullCount, firstFull, topCountry, home: homeCountry(hits as Hit[]), bareNear, nearHolder };
}

/** One code of a form that names several countries: the first the article names unambiguously, else the first. */
export function pickCode(ctx: Pick<Context, "contextCount">, codes: readonly string[]): string {
  return (codes.length > 1 ? codes.find((c) => ctx.contextCount.has(c)) : undefined) ?? codes[0]!;
}
