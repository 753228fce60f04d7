/** RSS feed of the latest articles naming one country (countries named in no article have no feed). */
import type { APIRoute } from "astro";
import { siteData } from "../../../../components/site-data.ts";
import type { Lang } from "../../../../schemas/common.ts";
import { countryFeed, rssResponse } from "../../../../site/feeds.ts";
import { LANGS } from "../../../../site/locale.ts";

export async function getStaticPaths() {
  const { model } = await siteData();
  return LANGS.flatMap((lang) =>
    [...model.countries.values()].filter((c) => c.articleCount > 0).map((c) => ({ params: { lang, code: c.slug }, props: { code: c.code } })),
  );
}

export const GET: APIRoute = async ({ params, props }) => {
  const { model, settings, urls } = await siteData();
  return rssResponse(countryFeed(model, settings, params.lang as Lang, urls, (props as { code: string }).code));
};
