/** RSS feed of an edition's latest stories (src/site/story-feeds.ts). */
import type { APIRoute } from "astro";
import { editionPaths, siteData } from "../../../components/site-data.ts";
import type { Lang } from "../../../schemas/common.ts";
import { rssResponse } from "../../../site/feeds.ts";
import { storiesFeed } from "../../../site/story-feeds.ts";

export const getStaticPaths = editionPaths;

export const GET: APIRoute = async ({ params }) => {
  const { model, settings, urls } = await siteData();
  return rssResponse(storiesFeed(model, settings, params.lang as Lang, urls));
};
