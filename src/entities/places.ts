/**
 * Places: cities, regions and crossings tagged on articles, read from `content/countries/places.yaml`.
 * A place is listed on the article but never adds its country to the article's countries (gold convention).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { ContentError } from "../lib/errors.ts";
import { CountryCode } from "../schemas/common.ts";
import { isCountryCode } from "./countries.ts";

/** One entry of `places.yaml`. */
export const PlaceEntry = z
  .object({
    /** Canonical Arabic name. */
    ar: z.string().min(1),
    /** Canonical English name (Reuters/AP spelling). */
    en: z.string().min(1),
    /** Country the place is in (ISO alpha-2). */
    country: CountryCode,
    /** Other spellings the press uses. */
    variants: z
      .object({ ar: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]) })
      .strict()
      .optional(),
    /**
     * `context`: a second reading of a name that means something else by default (Tripoli in Lebanon), used
     * only when the article names this country and not the default reading's one.
     */
    when: z.literal("context").optional(),
  })
  .strict();
export type PlaceEntry = z.infer<typeof PlaceEntry>;

/** The place lexicon: entries in file order (the first entry for a name is its default reading). */
export interface PlaceLexicon {
  places: PlaceEntry[];
}

/** Parses and validates the text of `places.yaml`; errors name the file and the entry. */
export function parsePlaces(text: string, file: string): PlaceLexicon {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ContentError(file, `not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (!Array.isArray(data) || data.length === 0) throw new ContentError(file, "expected a non-empty YAML list of places");
  const places = data.map((entry, i) => {
    const result = PlaceEntry.safeParse(entry);
    const label = `place #${i + 1}${typeof (entry as { ar?: unknown })?.ar === "string" ? ` (${(entry as { ar: string }).ar})` : ""}`;
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new ContentError(file, `${label}: field \`${issue?.path.join(".") || "(entry)"}\`: ${issue?.message ?? "invalid"}`);
    }
    if (!isCountryCode(result.data.country)) throw new ContentError(file, `${label}: ${result.data.country} is not an ISO 3166-1 country`);
    return result.data;
  });
  return { places };
}

/** Reads `content/countries/places.yaml`. */
export function loadPlaceLexicon(file: string): PlaceLexicon {
  const text = readFileSync(file, "utf8");
  const hit = loadedPlaces.get(file);
  if (hit?.text === text) return hit.lexicon;
  const lexicon = parsePlaces(text, file);
  loadedPlaces.set(file, { text, lexicon });
  return lexicon;
}

/** The last lexicon parsed from each places file, with its text (see `loadCountryLexicon`). */
const loadedPlaces = new Map<string, { text: string; lexicon: PlaceLexicon }>();
