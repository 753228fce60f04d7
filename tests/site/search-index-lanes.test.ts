/**
 * `inLanes` (src/site/search-index.ts): search parts are indexed a few at a time, one Pagefind process a lane;
 * results come back in the order of the parts, and a failure stops the queue without leaving a part half written.
 */
import { describe, expect, it } from "vitest";
import { inLanes } from "../../src/site/search-index.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("inLanes", () => {
  it("runs every job, at most one a lane at a time, and keeps their order", async () => {
    const busy = new Set<string>();
    const ran: string[] = [];
    const jobs = [3, 1, 2, 1, 1].map((steps, k) => async (lane: string) => {
      expect(busy.has(lane)).toBe(false);
      busy.add(lane);
      for (let i = 0; i < steps; i++) await tick();
      busy.delete(lane);
      ran.push(lane);
      return k;
    });
    expect(await inLanes(jobs, ["a", "b"])).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(ran)).toEqual(new Set(["a", "b"]));
  });

  it("starts no job after a failure, and throws once the running job is done", async () => {
    const events: string[] = [];
    const jobs = [
      async () => {
        await tick();
        await tick();
        await tick();
        events.push("slow done");
      },
      async () => {
        await tick();
        throw new Error("part failed");
      },
      async () => {
        events.push("started after failure");
      },
    ];
    await expect(inLanes(jobs, ["a", "b"])).rejects.toThrow("part failed");
    expect(events).toEqual(["slow done"]);
  });
});
