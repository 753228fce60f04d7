/** RSS feed of the latest articles naming one actor (actors named in no article have no feed). */
import type { APIRoute } from "astro";
import { siteData } from "../../../../components/site-data.ts";
import type { Lang } from "../../../../schemas/common.ts";
import { actorFeed, rssResponse } from "../../../../site/feeds.ts";
import { LANGS } from "../../../../site/locale.ts";

export async function getStaticPaths() {
  const { model } = await siteData();
  return LANGS.flatMap((lang) => [...model.actors.values()].filter((a) => a.articleCount > 0).map((a) => ({ params: { lang, id: a.id } })));
}

export const GET: APIRoute = async ({ params }) => {
  const { model, settings, urls } = await siteData();
  return rssResponse(actorFeed(model, settings, params.lang as Lang, urls, params.id as string));
};
