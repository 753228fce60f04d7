/** One sitemap file: both editions of up to SITEMAP_CHUNK pages, with hreflang and x-default alternates. */
import type { APIRoute } from "astro";
import { siteData } from "../components/site-data.ts";
import { sitePages } from "../site/routes.ts";
import { xmlResponse } from "../site/xml-response.ts";
import { sitemapCount, sitemapXml } from "../site/sitemap.ts";

export async function getStaticPaths() {
  const { model } = await siteData();
  return Array.from({ length: sitemapCount(sitePages(model)) }, (_, n) => ({ params: { n: String(n) } }));
}

export const GET: APIRoute = async ({ params }) => {
  const { model, urls } = await siteData();
  return xmlResponse(sitemapXml(sitePages(model), Number(params.n), urls));
};
