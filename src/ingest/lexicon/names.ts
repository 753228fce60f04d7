/** Small Latin-script words of bylines, names and counters (names.yaml), loaded once. */
import { z } from "zod";
import { loadLexicon } from "./load.ts";

const Words = z.array(z.string().min(1)).min(1, "an empty list is an error");

export const NamesLexicon = z
  .object({
    byline_name_joiners: Words,
    title_name_particles: Words,
    byline_place_words: z.object({ at: Words, from: Words }).strict(),
    slide_counter_of: Words,
  })
  .strict();

export const NAMES: z.infer<typeof NamesLexicon> = loadLexicon("names.yaml", NamesLexicon);
