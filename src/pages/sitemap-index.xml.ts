/** Sitemap index (see src/site/sitemap.ts for why the site writes its own sitemap). */
import type { APIRoute } from "astro";
import { siteData } from "../components/site-data.ts";
import { sitePages } from "../site/routes.ts";
import { xmlResponse } from "../site/xml-response.ts";
import { sitemapCount, sitemapIndexXml } from "../site/sitemap.ts";

export const GET: APIRoute = async () => {
  const { model, urls } = await siteData();
  return xmlResponse(sitemapIndexXml(sitemapCount(sitePages(model)), urls));
};
