import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runActorsCommand } from "../../src/cli/actors.ts";
import { kbStats } from "../../src/entities/stats.ts";
import { Actor, type ActorInput } from "../../src/schemas/actor.ts";

const actor = (over: Partial<ActorInput>): Actor =>
  Actor.parse({ id: "x", names: { ar: "س", en: "X" }, type: "person", description: { ar: "د", en: "d" }, provenance: { added_by: "test", source: "test" }, ...over });
const role = (from?: string, to?: string) => ({ title: { ar: "رئيس", en: "President" }, ...(from ? { from } : {}), ...(to ? { to } : {}) });

describe("kbStats", () => {
  const s = kbStats([
    actor({ id: "a", country: "LY", roles: [role("2011-10", "2014")] }),
    actor({ id: "b", country: "LY", roles: [role("2019")] }),
    actor({ id: "c", type: "armed_group", country: "SY", roles: [role(undefined, "2017-01")] }),
    actor({ id: "d", type: "international_org", roles: [role()] }),
  ]);
  it("counts by country and type", () => {
    expect(s.actors).toBe(4);
    expect(s.byCountry).toEqual({ LY: 2, SY: 1, "—": 1 });
    expect(s.byType).toEqual({ person: 2, armed_group: 1, international_org: 1 });
  });
  it("counts a role in every period it overlaps; open ends run on, undated roles cover none", () => {
    expect(s.byPeriod["2011–2016"]).toEqual({ actors: 2, persons: 1 });
    expect(s.byPeriod["2017–2021"]).toEqual({ actors: 2, persons: 1 });
    expect(s.byPeriod["2022–2026"]).toEqual({ actors: 1, persons: 1 });
    expect(s.undatedRoles).toBe(1);
    expect(s.withRoles).toBe(3);
  });
});

describe("actors stats", () => {
  it("prints the counts as JSON", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "marsad-stats-"));
    mkdirSync(join(cwd, "content/actors"), { recursive: true });
    writeFileSync(
      join(cwd, "content/actors/a.yaml"),
      ["- id: a", "  names: {ar: س, en: A}", "  type: person", "  country: TN", "  roles:", "    - title: {ar: رئيس, en: President}", "      from: '2012'", "  description: {ar: د, en: d}", "  provenance: {added_by: test, source: test}", ""].join("\n"),
    );
    let out = "";
    const stdout = new Writable({ write: (c, _e, done) => ((out += String(c)), done()) });
    const code = await runActorsCommand(["stats", "--json"], { stdout, stderr: stdout, cwd });
    expect(code).toBe(0);
    const stats = JSON.parse(out);
    expect(stats.byCountry).toEqual({ TN: 1 });
    expect(stats.byPeriod["2022–2026"]).toEqual({ actors: 1, persons: 1 });
  });
});
