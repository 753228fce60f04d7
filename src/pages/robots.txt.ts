/** robots.txt pointing crawlers at the sitemap index (an endpoint because the URL depends on site and base). */
import type { APIRoute } from "astro";
import { urls } from "../components/site-data.ts";

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${urls.absolute(null, "sitemap-index.xml")}\n`, { headers: { "content-type": "text/plain" } });
