/**
 * Things the site shows of one article or story, made once per site model, URL builder and edition, then shared by
 * every page and feed that shows them: an article is listed on its day's brief, on the pages of its actors,
 * countries, weeks and stories, and in their feeds. What is shared is never changed (it is frozen).
 */
import type { Lang } from "../schemas/common.ts";
import type { SiteModel } from "./model.ts";
import type { UrlBuilder } from "./urls.ts";

/** Shared things by model, URL builder, edition and key. */
export type SharedMemo<T> = WeakMap<SiteModel, WeakMap<UrlBuilder, Record<Lang, Map<string, T>>>>;

/** The table of `memo` for `model`, `urls` and `lang`: look up many keys with one walk of the memo. */
export function sharedTable<T>(memo: SharedMemo<T>, model: SiteModel, urls: UrlBuilder, lang: Lang): Map<string, T> {
  let byUrls = memo.get(model);
  if (!byUrls) memo.set(model, (byUrls = new WeakMap()));
  let byLang = byUrls.get(urls);
  if (!byLang) byUrls.set(urls, (byLang = { ar: new Map(), en: new Map() }));
  return byLang[lang];
}

/** The thing under `key` in `table` made once (by `make`, then frozen), then the same one every time. */
export function sharedIn<T extends object>(table: Map<string, T>, key: string, make: () => T): T {
  let value = table.get(key);
  if (!value) table.set(key, (value = Object.freeze(make())));
  return value;
}

/** The thing under `key` made once (by `make`) for `model`, `urls` and `lang`, then the same one every time. */
export function shared<T extends object>(memo: SharedMemo<T>, model: SiteModel, urls: UrlBuilder, lang: Lang, key: string, make: () => T): T {
  return sharedIn(sharedTable(memo, model, urls, lang), key, make);
}
