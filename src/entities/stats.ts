/**
 * Counts of the knowledge base, for editors and the coverage targets of issue 14: actors by country, by type and by
 * period of role coverage. Pure: takes the loaded actors.
 */
import type { Actor } from "../schemas/actor.ts";

/** Periods of role coverage, inclusive years: the Arab Spring and war years, the middle years, the present. */
export const COVERAGE_PERIODS: ReadonlyArray<{ label: string; from: number; to: number }> = [
  { label: "2011–2016", from: 2011, to: 2016 },
  { label: "2017–2021", from: 2017, to: 2021 },
  { label: "2022–2026", from: 2022, to: 2026 },
];

/** What `kbStats` returns. */
export interface KbStats {
  actors: number;
  /** Provisional (unreviewed) actors among them. */
  provisional: number;
  /** Actors with an Arabic alias, an English alias, a dated role. */
  withAliases: number;
  withRoles: number;
  /** Per ISO code ("—" for none), most first. */
  byCountry: Record<string, number>;
  byType: Record<string, number>;
  /** Per period: actors holding a dated role that overlaps it, and how many of them are persons. */
  byPeriod: Record<string, { actors: number; persons: number }>;
  /** Roles with neither a start nor an end: they cover no period. */
  undatedRoles: number;
}

/** The year a partial date (YYYY, YYYY-MM, YYYY-MM-DD) falls in. */
function year(date: string | undefined): number | undefined {
  return date === undefined ? undefined : Number(date.slice(0, 4));
}

/** Counts the knowledge base. A role with only a start runs to today; with only an end, from any time before. */
export function kbStats(actors: readonly Actor[]): KbStats {
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const byCountry = new Map<string, number>();
  const byType = new Map<string, number>();
  const byPeriod = new Map(COVERAGE_PERIODS.map((p) => [p.label, { actors: 0, persons: 0 }]));
  let undatedRoles = 0;
  for (const a of actors) {
    count(byCountry, a.country ?? "—");
    count(byType, a.type);
    for (const p of COVERAGE_PERIODS) {
      const covers = a.roles.some((r) => {
        if (r.from === undefined && r.to === undefined) return false;
        return (year(r.from) ?? -Infinity) <= p.to && (year(r.to) ?? Infinity) >= p.from;
      });
      if (!covers) continue;
      const c = byPeriod.get(p.label)!;
      c.actors++;
      if (a.type === "person") c.persons++;
    }
    undatedRoles += a.roles.filter((r) => r.from === undefined && r.to === undefined).length;
  }
  const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])));
  return {
    actors: actors.length,
    provisional: actors.filter((a) => a.provisional).length,
    withAliases: actors.filter((a) => a.aliases.ar.length + a.aliases.en.length > 0).length,
    withRoles: actors.filter((a) => a.roles.some((r) => r.from !== undefined || r.to !== undefined)).length,
    byCountry: sorted(byCountry),
    byType: sorted(byType),
    byPeriod: Object.fromEntries(byPeriod),
    undatedRoles,
  };
}

/** The counts as text, one block per grouping. */
export function formatKbStats(s: KbStats): string {
  const block = (title: string, rows: Record<string, number>) =>
    `${title}\n${Object.entries(rows).map(([k, n]) => `  ${k.padEnd(18)} ${String(n).padStart(5)}`).join("\n")}\n`;
  const periods = Object.entries(s.byPeriod).map(([k, v]) => `  ${k.padEnd(18)} ${String(v.actors).padStart(5)} actors, ${v.persons} persons`).join("\n");
  return [
    `actors ${s.actors} (provisional ${s.provisional}); with aliases ${s.withAliases}; with a dated role ${s.withRoles}; undated roles ${s.undatedRoles}\n`,
    block("by type", s.byType),
    `by period of role coverage\n${periods}\n`,
    block("by country", s.byCountry),
  ].join("\n");
}
