import type { BigIntStats } from "node:fs";
import { describe, expect, it } from "vitest";
import { SETTLED_MS, settledBefore, statSignature } from "../../src/lib/file-signature.ts";

const ms = (n: number) => BigInt(n) * 1_000_000n;
const stat = (over: Partial<Record<"mtimeNs" | "ctimeNs" | "birthtimeNs" | "size" | "ino", bigint>> = {}): BigIntStats =>
  ({ dev: 1n, ino: 7n, size: 100n, mtimeNs: ms(1_000), ctimeNs: ms(1_000), birthtimeNs: ms(500), ...over }) as BigIntStats;

describe("stat signatures", () => {
  const before = settledBefore(10_000);

  it("settles a file last changed SETTLED_MS before the scan, not one changed since", () => {
    expect(before).toBe(ms(10_000 - SETTLED_MS));
    expect(statSignature(stat(), before, "edited").settled).toBe(true);
    expect(statSignature(stat({ mtimeNs: ms(9_000) }), before, "edited").settled).toBe(false);
    // an edited file's change time counts too; a linked file's does not (making a link sets it)
    expect(statSignature(stat({ ctimeNs: ms(9_000) }), before, "edited").settled).toBe(false);
    expect(statSignature(stat({ ctimeNs: ms(9_000) }), before, "linked").settled).toBe(true);
  });

  it("an edited file's signature follows its change time (an mtime restored after an edit)", () => {
    expect(statSignature(stat({ ctimeNs: ms(1_500) }), before, "edited").signature).not.toBe(statSignature(stat(), before, "edited").signature);
  });

  it("a linked file's signature ignores the change time and follows the birth time (a reused inode number)", () => {
    expect(statSignature(stat({ ctimeNs: ms(1_500) }), before, "linked").signature).toBe(statSignature(stat(), before, "linked").signature);
    expect(statSignature(stat({ birthtimeNs: ms(600) }), before, "linked").signature).not.toBe(statSignature(stat(), before, "linked").signature);
  });
});
