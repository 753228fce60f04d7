/**
 * Small shared shapes used by several schemas.
 */
import { z } from "zod";

/** Two-letter language code of an edition or an article. Arabic is the default locale. */
export const Lang = z.enum(["ar", "en"]);
export type Lang = z.infer<typeof Lang>;

/** ISO 3166-1 alpha-2 code, upper case (`LY`, `SD`). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code such as LY");
export type CountryCode = z.infer<typeof CountryCode>;

/** Calendar date `YYYY-MM-DD` (no time, no zone: briefs are per day). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
export type IsoDate = z.infer<typeof IsoDate>;

/** URL-safe ASCII slug used for ids and permalinks. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a lower-case ASCII slug such as khalifa-haftar");
export type Slug = z.infer<typeof Slug>;

/** A text given in both editions. */
export const Bilingual = z.object({ ar: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof Bilingual>;
