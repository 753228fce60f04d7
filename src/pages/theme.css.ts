/**
 * `theme.css`: the theme's tokens as CSS custom properties (src/site/theme-css.ts), linked by every page before the
 * main stylesheet. An endpoint because the tokens come from content/site.yaml, read when the site is built.
 */
import type { APIRoute } from "astro";
import { settings } from "../components/site-data.ts";
import { themeCss } from "../site/theme-css.ts";

export const GET: APIRoute = () => new Response(themeCss(settings.site.theme), { headers: { "content-type": "text/css; charset=utf-8" } });
