/**
 * `content/outlets/templates.yaml`: furniture learned per outlet from the inbox (see src/ingest/templates.ts).
 * Written by `briefing templates`; read by every later extract and ingest. May be deleted at any time.
 */
import { z } from "zod";

/** What one outlet's pages repeat. */
export const OutletTemplate = z
  .object({
    /** The outlet: host name of its pages' address ("example.org"), else its folded masthead or site name. */
    outlet: z.string().min(1),
    /** Pages of this outlet the lines were counted over. */
    pages: z.number().int().positive(),
    /** Lines (verbatim) printed on enough of those pages and never part of an article: furniture. */
    lines: z.array(z.string().min(1)),
  })
  .strict();
export type OutletTemplate = z.infer<typeof OutletTemplate>;

export const OutletTemplatesFile = z
  .object({
    /** Format version. */
    version: z.literal(1),
    outlets: z.array(OutletTemplate),
  })
  .strict();
export type OutletTemplatesFile = z.infer<typeof OutletTemplatesFile>;
