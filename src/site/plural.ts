/**
 * Plural forms of UI strings: a key `base` has one variant per CLDR plural category (`base.one`, `base.two`,
 * `base.few`, `base.many`, `base.other`, `base.zero`), chosen with `Intl.PluralRules` for the edition. Arabic has all
 * six («مقال واحد», «مقالان», «٣ مقالات», «١١ مقالًا», «١٠٠ مقال»); English uses one and other.
 */
import type { UiKey } from "../i18n/index.ts";
import type { Lang } from "../schemas/common.ts";
import { localeInfo } from "./locale.ts";

const rules = new Map<Lang, Intl.PluralRules>();

/** The plural category of `count` in `lang`. */
export function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(localeInfo(lang).intl)));
  return r.select(count);
}

/** The key of `base`'s variant for `count` in `lang`. */
export function pluralKey(lang: Lang, base: string, count: number): UiKey {
  return `${base}.${pluralCategory(lang, count)}` as UiKey;
}
