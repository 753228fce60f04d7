/**
 * Regions of the countries index: the sub-regions a MENA desk files under, then the rest of the world. Codes, not
 * names: the region names are UI strings (`region.*` in src/i18n), so both editions group alike.
 */
export const REGIONS = ["maghreb", "nile", "horn", "levant", "gulf", "sahel", "neighbours", "world"] as const;
export type Region = (typeof REGIONS)[number];

const MEMBERS: Record<Exclude<Region, "world">, readonly string[]> = {
  maghreb: ["DZ", "EH", "LY", "MA", "MR", "TN"],
  nile: ["EG", "SD", "SS"],
  horn: ["DJ", "ER", "ET", "KE", "SO", "UG"],
  levant: ["IL", "IQ", "JO", "LB", "PS", "SY"],
  gulf: ["AE", "BH", "KW", "OM", "QA", "SA", "YE"],
  sahel: ["BF", "CF", "CM", "ML", "NE", "NG", "SN", "TD"],
  neighbours: ["AF", "AM", "AZ", "CY", "GR", "IR", "MT", "PK", "TR"],
};

const REGION_OF = new Map<string, Region>(Object.entries(MEMBERS).flatMap(([region, codes]) => codes.map((c) => [c, region as Region])));

/** The region a country code is grouped under (`world` for any code not listed). */
export function regionOf(code: string): Region {
  return REGION_OF.get(code) ?? "world";
}
