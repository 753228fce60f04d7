/** RSS feed of an edition's latest articles. */
import type { APIRoute } from "astro";
import { editionPaths, siteData } from "../../components/site-data.ts";
import type { Lang } from "../../schemas/common.ts";
import { latestFeed, rssResponse } from "../../site/feeds.ts";

export const getStaticPaths = editionPaths;

export const GET: APIRoute = async ({ params }) => {
  const { model, settings, urls } = await siteData();
  return rssResponse(latestFeed(model, settings, params.lang as Lang, urls));
};
