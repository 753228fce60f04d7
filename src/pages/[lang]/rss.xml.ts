/** RSS feed of an edition's latest articles. */
import type { APIRoute } from "astro";
import { siteData } from "../../components/site-data.ts";
import type { Lang } from "../../schemas/common.ts";
import { latestFeed, rssResponse } from "../../site/feeds.ts";
import { LANGS } from "../../site/locale.ts";

export function getStaticPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) => {
  const { model, settings, urls } = await siteData();
  return rssResponse(latestFeed(model, settings, params.lang as Lang, urls));
};
