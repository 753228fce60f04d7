/**
 * The sitemap, written by the site itself rather than @astrojs/sitemap: the integration pairs editions only through
 * its `i18n` option and never writes an `x-default` alternate, and it would list redirect pages. Here every page of
 * both editions is listed with its three alternates (ar, en, x-default → the Arabic default, or the edition chooser
 * for the home page), split into files of at most `SITEMAP_CHUNK` pages (two URLs each, well under 50,000).
 */
import { escapeAttribute, escapeText } from "./article-hast.ts";
import { LANGS } from "./locale.ts";
import type { SitePage } from "./routes.ts";
import type { UrlBuilder } from "./urls.ts";

/** Pages per sitemap file. */
export const SITEMAP_CHUNK = 10_000;

/** How many sitemap files `pages` need (at least one). */
export function sitemapCount(pages: readonly SitePage[]): number {
  return Math.max(1, Math.ceil(pages.length / SITEMAP_CHUNK));
}

/** `<urlset>` for the pages of chunk `n`. */
export function sitemapXml(pages: readonly SitePage[], n: number, urls: Pick<UrlBuilder, "absolute">): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const page of pages.slice(n * SITEMAP_CHUNK, (n + 1) * SITEMAP_CHUNK)) {
    const alternates = [
      ...LANGS.map((lang) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${escapeAttribute(urls.absolute(lang, page.path))}"/>`),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeAttribute(page.path === "" ? urls.absolute(null, "") : urls.absolute("ar", page.path))}"/>`,
    ].join("");
    for (const lang of LANGS) {
      const lastmod = page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : "";
      out.push(`<url><loc>${escapeText(urls.absolute(lang, page.path))}</loc>${lastmod}${alternates}</url>`);
    }
  }
  out.push("</urlset>", "");
  return out.join("\n");
}

/** `<sitemapindex>` pointing at every chunk. */
export function sitemapIndexXml(count: number, urls: Pick<UrlBuilder, "absolute">): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (let n = 0; n < count; n++) out.push(`<sitemap><loc>${escapeText(urls.absolute(null, `sitemap-${n}.xml`))}</loc></sitemap>`);
  out.push("</sitemapindex>", "");
  return out.join("\n");
}
