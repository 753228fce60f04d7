/** RSS feed of the latest stories involving one actor (src/site/story-feeds.ts); actors named in no article have none. */
import type { APIRoute } from "astro";
import { siteData } from "../../../../../components/site-data.ts";
import type { Lang } from "../../../../../schemas/common.ts";
import { rssResponse } from "../../../../../site/feeds.ts";
import { LANGS } from "../../../../../site/locale.ts";
import { actorStoriesFeed } from "../../../../../site/story-feeds.ts";

export async function getStaticPaths() {
  const { model } = await siteData();
  return LANGS.flatMap((lang) => model.actorPages.map((id) => ({ params: { lang, id } })));
}

export const GET: APIRoute = async ({ params }) => {
  const { model, settings, urls } = await siteData();
  return rssResponse(actorStoriesFeed(model, settings, params.lang as Lang, urls, params.id as string));
};
