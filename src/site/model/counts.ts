/** Counting helpers: tallies in maps, and their top entries (ties broken by key). */
import type { Count } from "./types.ts";

export function byCountDesc(a: Count, b: Count): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function topCounts(map: Map<string, number>, limit: number): Count[] {
  const all: Count[] = [];
  for (const [key, count] of map) all.push({ key, count });
  all.sort(byCountDesc);
  return all.slice(0, limit);
}

export function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
