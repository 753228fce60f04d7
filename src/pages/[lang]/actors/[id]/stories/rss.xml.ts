/** RSS feed of the latest stories involving one actor (src/site/story-feeds.ts); actors named in no article have none. */
import type { APIRoute } from "astro";
import { cacheKeys, siteData } from "../../../../../components/site-data.ts";
import type { Lang } from "../../../../../schemas/common.ts";
import { rssResponse } from "../../../../../site/feeds.ts";
import { LANGS } from "../../../../../site/locale.ts";
import { actorStoriesFeed, storyBuckets } from "../../../../../site/story-feeds.ts";

export async function getStaticPaths() {
  const { model, settings } = await siteData();
  // Rendered again only when the actor's names or the stories its feed lists change (src/site/page-keys.ts).
  const keys = await cacheKeys();
  const buckets = storyBuckets(model, settings.site.latest);
  return LANGS.flatMap((lang) => model.actorPages.map((id) => ({ params: { lang, id }, cacheKey: keys.actorStoriesFeed(id, buckets.actors.get(id) ?? []) })));
}

export const GET: APIRoute = async ({ params }) => {
  const { model, settings, urls } = await siteData();
  return rssResponse(actorStoriesFeed(model, settings, params.lang as Lang, urls, params.id as string));
};
