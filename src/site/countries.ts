/**
 * Country entries for the site: every ISO 3166-1 country with its Arabic and English names, as
 * the entities stage knows them (src/entities/countries.ts probes CLDR through `Intl.DisplayNames`), so the site
 * names countries exactly as tagging does.
 */
import { z } from "zod";
import { countryEntries as entityCountries } from "../entities/countries.ts";
import { Bilingual, CountryCode } from "../schemas/common.ts";

/** One country the site can give a page to. */
export const Country = z.object({
  /** ISO 3166-1 alpha-2 code, upper case; the page URL uses it lower-cased. */
  code: CountryCode,
  /** Display name in each edition. */
  names: Bilingual,
});
export type Country = z.infer<typeof Country>;

/** Every country, sorted by code. */
export function countryEntries(): Country[] {
  return entityCountries().map(({ code, names }) => ({ code, names: { ar: names.ar, en: names.en } }));
}
