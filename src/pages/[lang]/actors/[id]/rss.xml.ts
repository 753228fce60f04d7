/** RSS feed of the latest articles naming one actor (actors named in no article have no feed). */
import type { APIRoute } from "astro";
import { cacheKeys, siteData } from "../../../../components/site-data.ts";
import type { Lang } from "../../../../schemas/common.ts";
import { actorFeed, rssResponse } from "../../../../site/feeds.ts";
import { LANGS } from "../../../../site/locale.ts";

export async function getStaticPaths() {
  const { model } = await siteData();
  // Rendered again only when the actor's names or latest articles change (src/site/page-keys.ts).
  const keys = await cacheKeys();
  return LANGS.flatMap((lang) => [...model.actors.values()].filter((a) => a.articleCount > 0).map((a) => ({ params: { lang, id: a.id }, cacheKey: keys.actorFeed(a.id) })));
}

export const GET: APIRoute = async ({ params }) => {
  const { model, settings, urls } = await siteData();
  return rssResponse(actorFeed(model, settings, params.lang as Lang, urls, params.id as string));
};
