/** RSS feed of the latest stories involving one country (src/site/story-feeds.ts); countries named in no article have none. */
import type { APIRoute } from "astro";
import { siteData } from "../../../../../components/site-data.ts";
import type { Lang } from "../../../../../schemas/common.ts";
import { rssResponse } from "../../../../../site/feeds.ts";
import { LANGS } from "../../../../../site/locale.ts";
import { countryStoriesFeed } from "../../../../../site/story-feeds.ts";

export async function getStaticPaths() {
  const { model } = await siteData();
  return LANGS.flatMap((lang) => model.countryPages.map((code) => ({ params: { lang, code: model.countries.get(code)!.slug }, props: { code } })));
}

export const GET: APIRoute = async ({ params, props }) => {
  const { model, settings, urls } = await siteData();
  return rssResponse(countryStoriesFeed(model, settings, params.lang as Lang, urls, (props as { code: string }).code));
};
