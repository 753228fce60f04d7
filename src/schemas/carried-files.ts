/**
 * Schema of the list of files a build carries over from the published site (src/lib/carry-over.ts): written by the
 * Astro child for the pages it took from its incremental cache as they already are in the published tree, read by
 * the build that publishes the new tree.
 */
import { z } from "zod";

export const CarriedFiles = z.object({
  version: z.literal(1),
  /** The published folder the files were found in; a list for another folder is not used. */
  published: z.string(),
  /** Each carried file: its path in the site (`/`-separated), and the file it is (the cache entry it shares). */
  files: z.array(z.object({ rel: z.string(), source: z.string() })),
});
export type CarriedFiles = z.infer<typeof CarriedFiles>;

/**
 * The journal of a carry-over publish (publish.ts `applyCarryOver`): written before the first file moves, removed
 * after the last deletion. A build killed in between leaves it, and the next build finishes the publish from it.
 */
export const PublishJournal = z.object({
  version: z.literal(1),
  /** The staging folder the moves come from. */
  staging: z.string(),
  /** Files moved from the staging folder into the published one, in this order. */
  moves: z.array(z.string()),
  /** Files of the published folder the new site no longer has. */
  deletes: z.array(z.string()),
});
export type PublishJournal = z.infer<typeof PublishJournal>;
