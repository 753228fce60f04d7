/**
 * Country entries for the `countries` collection: every ISO 3166-1 alpha-2 region that `Intl.DisplayNames` names,
 * with its Arabic and English names. Names come from ICU (shipped with Node), so the list needs no data file and no
 * network.
 *
 * Why not src/entities/countries.ts: the entities stage owns the names used for matching; until it exports a list
 * the site derives the same `Intl` names itself. Swap `countryEntries` for its export when it lands.
 */
import { z } from "zod";
import { Bilingual, CountryCode } from "../schemas/common.ts";

/** One country the site can give a page to. */
export const Country = z.object({
  /** ISO 3166-1 alpha-2 code, upper case; the page URL uses it lower-cased. */
  code: CountryCode,
  /** Display name in each edition. */
  names: Bilingual,
});
export type Country = z.infer<typeof Country>;

/** Codes ICU names that are not countries (groupings, pseudo-locales, the unknown region). */
const NOT_COUNTRIES = new Set(["EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"]);

/** Every country `Intl` knows, sorted by code. */
export function countryEntries(): Country[] {
  const ar = new Intl.DisplayNames("ar", { type: "region", fallback: "none" });
  const en = new Intl.DisplayNames("en", { type: "region", fallback: "none" });
  const out: Country[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const nameEn = en.of(code);
      const nameAr = ar.of(code);
      if (nameEn && nameAr) out.push({ code, names: { ar: nameAr, en: nameEn } });
    }
  }
  return out;
}
