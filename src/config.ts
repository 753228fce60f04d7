/**
 * Site and pipeline settings: `content/site.yaml` (optional, zod-validated) overridden by environment
 * variables, with defaults for everything. One settings object, grouped by purpose.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { suggest } from "./lib/suggest.ts";
import { Bilingual } from "./schemas/common.ts";
import { DEFAULT_LOGO, Logo, Theme } from "./schemas/theme.ts";
import { cleanName, cleanStrings } from "./lib/text-safety.ts";

/** Why an origin is refused, or null when it is an absolute http(s) address. */
export function urlProblem(url: string): string | null {
  // Quotes, angle brackets, backslashes, white space and controls would be rewritten or break out of attributes.
  if (/[\s"'<>\\`\u0000-\u001f\u007f]/.test(url)) return "must not contain spaces, quotes, angle brackets or backslashes";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "expected an absolute http(s) address such as https://briefs.example.org";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return `expected an http:// or https:// address, not ${parsed.protocol}`;
  if (!parsed.hostname) return "expected a host name, as in https://briefs.example.org";
  if (parsed.username || parsed.password) return "must not carry a user name or password";
  return null;
}

/** Why a base path is refused, or null when it is clean: `/`, or `/`-separated segments of letters, digits, `._~-`. */
export function baseProblem(base: string): string | null {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return null;
  for (const segment of trimmed.split("/")) {
    if (segment === "") return "must not contain an empty segment (`//`)";
    if (segment === "." || segment === "..") return "must not contain `.` or `..` segments";
    if (!/^[A-Za-z0-9._~-]+$/.test(segment)) return `segment \`${segment.replace(/[^\x20-\x7e]/g, "?")}\` may hold only letters, digits and . _ ~ - (no quotes, backslashes or spaces)`;
  }
  return null;
}

/** The placeholder origin used when `site.yaml` has no `url`: the build warns that links point there. */
export const DEFAULT_SITE_URL = "https://marsad.example.org";

const SiteUrl = z.string().superRefine((url, ctx) => {
  const problem = urlProblem(url);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
const BasePath = z.string().superRefine((base, ctx) => {
  const problem = baseProblem(base);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/**
 * One extra navigation link. `href` is a path inside each edition (`about/` links `/ar/about/` and `/en/about/`) or
 * an absolute http(s) address (the same in both editions).
 */
const NavLink = z
  .object({
    label: Bilingual,
    href: z.string().superRefine((href, ctx) => {
      if (/^https?:/.test(href)) {
        const problem = urlProblem(href);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      } else if (!/^(?:[A-Za-z0-9._~-]+\/)*(?:[A-Za-z0-9._~-]+)?$/.test(href) || /(^|\/)\.\.?(\/|$)/.test(href))
        ctx.addIssue({ code: "custom", message: "expected a path inside the edition such as about/ or an http(s) address" });
    }),
  })
  .strict();

export const SiteSettings = z
  .object({
    /** Public origin of the published site, used for feeds, sitemap and card URLs. http(s) only. */
    url: SiteUrl.default(DEFAULT_SITE_URL),
    /** Sub-path the site is served under (`/` or `/briefings/`): no `..`, quotes, backslashes or spaces. */
    base: BasePath.default("/"),
    /** Site name in each edition. */
    title: Bilingual.default({ ar: "مرصد", en: "Marsad" }),
    /** One-line description in each edition. */
    description: Bilingual.default({
      ar: "موجز يومي لأخبار السياسة والأمن في الشرق الأوسط وشمال أفريقيا",
      en: "A daily briefing on Middle East and North Africa politics and security",
    }),
    /** How many articles the home page and feeds list. */
    latest: z.number().int().positive().default(30),
    /** Minimum number of articles naming a discovered actor before it appears as a provisional actor. */
    provisionalMinArticles: z.number().int().positive().default(3),
    /** Colours and fonts of the pages and the cards (src/schemas/theme.ts lists every token and its default). */
    theme: Theme,
    /** Image before the site name in the masthead (a file in `public/`), or `false` for the name alone. */
    logo: Logo.default(DEFAULT_LOGO),
    /** Extra links in the navigation, after the site's own sections: an edition-relative path or an http(s) address. */
    nav: z.array(NavLink).max(8).default([]),
    /** Footer text in each edition, instead of the default line. */
    footer: Bilingual.optional(),
  })
  .strict();
export type SiteSettings = z.infer<typeof SiteSettings>;

export interface Settings {
  /** Repository root (where package.json lives). */
  root: string;
  /** `content/`: inbox, articles, actors, countries, review queue. */
  contentDir: string;
  /** Raw scraped pages, never modified. */
  inboxDir: string;
  /** Cleaned articles written by ingest. */
  articlesDir: string;
  /** Actor knowledge base (YAML lists). */
  actorsDir: string;
  /** Built site. */
  outDir: string;
  /** Caches that may be deleted at any time (cards, ingest). */
  cacheDir: string;
  site: SiteSettings;
  /**
   * What this build makes besides the pages (MARSAD_NO_CARDS / MARSAD_NO_SEARCH, set by `build --no-cards` /
   * `--no-search`): pages leave out links to what is not made. Absent means both are made.
   */
  outputs?: { cards: boolean; search: boolean };
}

/** Every problem of a `site.yaml` that does not validate, one per line, each naming its field. */
export function siteSettingsProblems(error: z.ZodError, file: string): string {
  const known = Object.keys(SiteSettings.shape);
  const lines: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = [...issue.path, key].join(".");
        const near = issue.path.length === 0 ? suggest(key, known) : undefined;
        lines.push(
          `${file}: field \`${field}\`: unknown key${near ? `; did you mean \`${near}\`?` : ""}${issue.path.length === 0 ? ` (known keys: ${known.join(", ")})` : ""}`,
        );
      }
    } else lines.push(`${file}: field \`${issue.path.join(".") || "(top level)"}\`: ${issue.message}`);
  }
  return lines.join("\n");
}

/** Resolves settings for a repository root; `env` is injected so tests can pass a literal. */
export function loadSettings(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): Settings {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(root, p));
  const contentDir = abs(env.MARSAD_CONTENT_DIR ?? "content");
  const siteFile = join(contentDir, "site.yaml");
  let raw: unknown = {};
  if (existsSync(siteFile)) {
    try {
      raw = parse(readFileSync(siteFile, "utf8")) ?? {};
    } catch (error) {
      // The parser's message names the line and column and quotes the lines around them: all of it is kept.
      const message = (error as Error).message.trimEnd();
      const [first, ...excerpt] = message.split("\n");
      const pos = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
      const where = pos && !/line \d+, column \d+/.test(first!) ? ` (line ${pos.line}, column ${pos.col})` : "";
      throw new Error(`${siteFile}: not valid YAML: ${first}${where}${excerpt.length ? `\n${excerpt.map((l) => `  ${l}`).join("\n")}` : ""}`);
    }
  }
  const parsed = SiteSettings.safeParse(raw);
  if (!parsed.success) throw new Error(siteSettingsProblems(parsed.error, siteFile));
  // Names shown on every page, feed and card: no control characters or bidi overrides (as for any name).
  const site = {
    ...parsed.data,
    title: cleanStrings(parsed.data.title, cleanName),
    description: cleanStrings(parsed.data.description, cleanName),
    nav: cleanStrings(parsed.data.nav, cleanName),
    footer: parsed.data.footer && cleanStrings(parsed.data.footer, cleanName),
  };
  if (env.MARSAD_SITE_URL) {
    const problem = urlProblem(env.MARSAD_SITE_URL);
    if (problem) throw new Error(`environment variable MARSAD_SITE_URL (field \`url\`): ${problem}`);
    site.url = env.MARSAD_SITE_URL;
  }
  if (env.MARSAD_BASE) {
    const problem = baseProblem(env.MARSAD_BASE);
    if (problem) throw new Error(`environment variable MARSAD_BASE (field \`base\`): ${problem}`);
    site.base = env.MARSAD_BASE;
  }
  site.base = `/${site.base.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  return {
    root,
    contentDir,
    inboxDir: abs(env.MARSAD_INBOX_DIR ?? join(contentDir, "inbox")),
    articlesDir: join(contentDir, "articles"),
    actorsDir: join(contentDir, "actors"),
    outDir: abs(env.MARSAD_OUT_DIR ?? "dist"),
    cacheDir: abs(env.MARSAD_CACHE_DIR ?? join("node_modules", ".cache", "marsad")),
    site,
    outputs: { cards: !env.MARSAD_NO_CARDS, search: !env.MARSAD_NO_SEARCH },
  };
}
