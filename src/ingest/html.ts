/**
 * HTML: a saved web page → its visible text as lines (what a scraper saves as page text, so the `.txt`
 * cascade handles both), structural hints per line, and page metadata.
 *
 * Cascade:
 *   1. parse with node-html-parser (tolerant; malformed markup never throws here)
 *   2. walk the tree: drop invisible subtrees (head, script, style, noscript, template, svg, iframe, hidden
 *      and aria-hidden elements); block elements and <br> end lines; inline text is concatenated with its
 *      own whitespace, then whitespace is collapsed
 *   3. give each line a role from its block and ancestors (title, nav, footer, aside, figcaption, byline,
 *      time, article); roles never change the text
 *   4. read metadata: Open Graph / article meta, JSON-LD (with @graph), Dublin Core and itemprop dates,
 *      <time datetime>, <title>, <html lang>. Dates are returned raw (see `parseDate` in ./dates.ts).
 */
import { HTMLElement, parse, TextNode, type Node } from "node-html-parser";
import { z } from "zod";
import { alternation, loadLexicon } from "./lexicon/load.ts";

/** What a line is, judged from its element and ancestors. */
export type BlockRole = "title" | "nav" | "footer" | "aside" | "figcaption" | "byline" | "time" | "article";

/** One visible line with its element; `text` equals the line at the same index. */
export interface PageBlock {
  text: string;
  /** Tag name (lower case) of the block element holding the line, e.g. `p`, `h1`, `li`, `td`, `body`. */
  tag: string;
  role?: BlockRole;
}

/** Metadata found in the page; dates are raw attribute or JSON values. */
export interface PageMeta {
  title?: string;
  published?: string;
  modified?: string;
  author?: string;
  siteName?: string;
  lang?: string;
  description?: string;
  section?: string;
  /** The page's own address: `<link rel="canonical">` or `og:url` (http(s) only). */
  url?: string;
}

/** Result of {@link htmlToPage}: `blocks[i].text === lines[i]`. */
export interface HtmlPage {
  lines: string[];
  blocks: PageBlock[];
  meta: PageMeta;
}

/** Subtrees that are never visible text. */
const INVISIBLE = new Set(["head", "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "title"]);

/** Elements that start and end a line. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
  "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section", "summary",
  "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

/** Class and id words of side content and bylines (lexicon/html.yaml). */
const CLASS_WORDS = loadLexicon(
  "html.yaml",
  z
    .object({
      aside_class_words: z.array(z.string().min(1)).min(1),
      aside_class_prefixes: z.array(z.string().min(1)).min(1),
      aside_class_leading: z.array(z.string().min(1)).min(1),
      byline_class_words: z.array(z.string().min(1)).min(1),
    })
    .strict(),
);
/** Class or id tokens that mark side content (related links, sidebars, comments, share bars, newsletter, ads). */
const ASIDE_TOKEN = new RegExp(
  `(?:^|[-_])(?:${alternation(CLASS_WORDS.aside_class_words)}|(?:${alternation(CLASS_WORDS.aside_class_prefixes)})\\w*)(?:$|[-_])` +
    `|^(?:${alternation(CLASS_WORDS.aside_class_leading)})(?:$|[-_])`,
  "i",
);
/** Class or id tokens that mark a byline. */
const BYLINE_TOKEN = new RegExp(`(?:^|[-_])(?:${alternation(CLASS_WORDS.byline_class_words)})(?:$|[-_])`, "i");
/** JSON-LD types whose dates and headline are the article's. */
const ARTICLE_TYPE = /(?:^|:)(?:\w*Article|BlogPosting|LiveBlogPosting|Report)$/;
/**
 * An inline marker (a <time> or an author link inside a paragraph) gives its role to the whole line only when
 * it is most of the line or the line is short; a date in running prose must not make the paragraph a "time".
 */
const INLINE_MARKER = { minShare: 0.4, shortLine: 80 } as const;

/** Roles an inline element (an author link, a <time>, a share widget) can give to its line, strongest first. */
const MARKER_PRIORITY: readonly BlockRole[] = ["byline", "time", "aside"];
const INLINE_MARKERS: ReadonlySet<BlockRole> = new Set(MARKER_PRIORITY);
/** Block roles an inline marker may replace: only unmarked lines and plain article lines. */
const MARKER_OVERRIDES: ReadonlySet<BlockRole | undefined> = new Set([undefined, "article"]);

interface Context {
  /** Tag of the block element that owns text here. */
  blockTag: string;
  /** Role inherited from the nearest ancestor that has one. */
  role: BlockRole | undefined;
  inArticle: boolean;
  /** Role of an enclosing inline element (byline, time, aside), if any. */
  marker: BlockRole | undefined;
}

interface LineState {
  parts: string[];
  ctx: Context;
  markerChars: Map<BlockRole, number>;
}

/**
 * Turns one HTML page into lines, per-line structure and metadata. Never throws on malformed HTML or
 * invalid JSON-LD.
 * @param html the page source (already decoded to text)
 */
export function htmlToPage(html: string): HtmlPage {
  let root: HTMLElement;
  try {
    root = parse(lowerCaseTags(html), {
      comment: false,
      // Keep unclosed elements nested, as a browser does; the parser's default re-parents their children one level
      // at a time, which is quadratic in the depth (a page of 16,000 unclosed <div> took seconds).
      parseNoneClosedTags: true,
      blockTextElements: { script: true, style: true, noscript: true, textarea: true },
    });
  } catch {
    return { lines: [], blocks: [], meta: {} };
  }
  if (PROTOTYPE_NAMED_ATTRIBUTE.test(html)) ownAttributesOnly(root);
  const titleH1 = pickTitleHeadings(root);
  const blocks = collectBlocks(root, titleH1);
  return { lines: blocks.map((b) => b.text), blocks, meta: readMeta(root) };
}

/** An attribute named like an `Object.prototype` member (`<p constructor>`), in any case. */
const PROTOTYPE_NAMED_ATTRIBUTE =
  /\s(?:constructor|hasOwnProperty|isPrototypeOf|propertyIsEnumerable|toLocaleString|toString|valueOf|__[a-z]+__)\b/i;
const ATTRIBUTE = /([_a-zA-Z()[\]#@$.?:][a-zA-Z0-9-._:()[\]#]*)(?:\s*=\s*((?:'[^']*')|(?:"[^"]*")|\S+))?/g;

/**
 * node-html-parser keeps raw attributes in a plain object, so `<p constructor>` reads back `Object` and every
 * attribute lookup on that element throws. Re-reads such pages' attributes into prototype-less records (the
 * parser's own `_rawAttrs` cache, which its getters and selectors then use).
 */
function ownAttributesOnly(root: HTMLElement): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!(node instanceof HTMLElement)) continue;
    const attrs: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
    for (const match of node.rawAttrs.matchAll(ATTRIBUTE)) {
      const key = match[1]!;
      if (key in attrs) continue;
      let value = match[2] ?? null;
      if (value && (value.startsWith("'") || value.startsWith('"'))) value = value.slice(1, -1);
      attrs[key] = value;
    }
    (node as unknown as { _rawAttrs: unknown; _attrs: unknown })._rawAttrs = attrs;
    (node as unknown as { _attrs: unknown })._attrs = undefined;
    for (const child of node.childNodes) stack.push(child);
  }
}

/** node-html-parser matches closing tags case-sensitively; lower-casing tag names keeps `<P>…</p>` balanced. */
function lowerCaseTags(html: string): string {
  if (!/<\/?[A-Z]/.test(html)) return html;
  return html.replace(/<(\/?)([A-Za-z][A-Za-z0-9:-]*)/g, (_m, slash: string, name: string) => `<${slash}${name.toLowerCase()}`);
}

function tagOf(el: HTMLElement): string {
  return (el.rawTagName ?? "").toLowerCase();
}

/** The <h1> elements that are titles: those inside <article> if any, else the first in the document. */
function pickTitleHeadings(root: HTMLElement): Set<HTMLElement> {
  const inArticle = safeQueryAll(root, "article h1");
  if (inArticle.length > 0) return new Set(inArticle);
  const first = safeQueryAll(root, "h1")[0];
  return new Set(first ? [first] : []);
}

function safeQueryAll(root: HTMLElement, selector: string): HTMLElement[] {
  try {
    return root.querySelectorAll(selector);
  } catch {
    return [];
  }
}

function isHidden(el: HTMLElement): boolean {
  if (el.hasAttribute("hidden")) return true;
  if ((el.getAttribute("aria-hidden") ?? "").trim().toLowerCase() === "true") return true;
  const style = el.getAttribute("style");
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

function tokens(el: HTMLElement): string[] {
  return `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.split(/\s+/).filter(Boolean);
}

/** The role an element gives its content, before inheritance. */
function ownRole(el: HTMLElement, tag: string, parent: Context, titles: Set<HTMLElement>): BlockRole | undefined {
  if (tag === "figcaption") return "figcaption";
  if (tag === "h1" && titles.has(el)) return "title";
  if (tag === "time") return "time";
  const toks = tokens(el);
  if ((el.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("author")) return "byline";
  if (toks.some((t) => BYLINE_TOKEN.test(t))) return "byline";
  if (tag === "aside" || toks.some((t) => ASIDE_TOKEN.test(t))) return "aside";
  if (tag === "nav" || (tag === "header" && !parent.inArticle)) return "nav";
  if (tag === "footer") return "footer";
  if (tag === "article") return "article";
  return undefined;
}

type WalkItem = { node: Node; ctx: Context } | { exit: Context };

/** Walks the tree iteratively (deeply nested broken markup must not overflow the stack). */
function collectBlocks(root: HTMLElement, titles: Set<HTMLElement>): PageBlock[] {
  const blocks: PageBlock[] = [];
  const top: Context = { blockTag: "body", role: undefined, inArticle: false, marker: undefined };
  let line: LineState = { parts: [], ctx: top, markerChars: new Map() };

  const flush = (next: Context): void => {
    const text = line.parts.join("").replace(/\s+/g, " ").trim();
    if (text !== "") blocks.push(makeBlock(text, line));
    line = { parts: [], ctx: next, markerChars: new Map() };
  };

  const stack: WalkItem[] = [];
  for (let i = root.childNodes.length - 1; i >= 0; i -= 1) stack.push({ node: root.childNodes[i] as Node, ctx: top });
  while (stack.length > 0) {
    const item = stack.pop() as WalkItem;
    if ("exit" in item) {
      flush(item.exit);
      continue;
    }
    const { node, ctx } = item;
    if (node instanceof TextNode) {
      if (node.parentNode === root && /^\s*<[!?]/.test(node.rawText)) continue; // doctype, XML declaration
      const text = node.text;
      line.parts.push(text);
      if (ctx.marker !== undefined) {
        line.markerChars.set(ctx.marker, (line.markerChars.get(ctx.marker) ?? 0) + text.trim().length);
      }
      continue;
    }
    if (!(node instanceof HTMLElement)) continue;
    const tag = tagOf(node);
    if (INVISIBLE.has(tag) || isHidden(node)) continue;
    if (tag === "br" || tag === "hr") {
      flush(ctx);
      continue;
    }
    const role = ownRole(node, tag, ctx, titles);
    const isBlock = BLOCK.has(tag);
    const inner: Context = {
      blockTag: isBlock ? tag : ctx.blockTag,
      role: isBlock ? (role ?? ctx.role) : ctx.role,
      inArticle: ctx.inArticle || tag === "article",
      marker: !isBlock && role !== undefined && INLINE_MARKERS.has(role) ? role : ctx.marker,
    };
    if (isBlock) {
      flush(inner);
      stack.push({ exit: ctx });
    }
    for (let i = node.childNodes.length - 1; i >= 0; i -= 1) stack.push({ node: node.childNodes[i] as Node, ctx: inner });
  }
  flush(top);
  return blocks;
}

function makeBlock(text: string, line: LineState): PageBlock {
  let role = line.ctx.role;
  if (MARKER_OVERRIDES.has(role) && line.markerChars.size > 0) {
    const chars = [...line.markerChars.values()].reduce((sum, n) => sum + n, 0);
    // A byline line usually carries a date too ("منى علي | 6 فبراير 2025"): the byline is the stronger hint.
    const marker = MARKER_PRIORITY.find((r) => line.markerChars.has(r));
    if (marker && (text.length <= INLINE_MARKER.shortLine || chars >= INLINE_MARKER.minShare * text.length)) role = marker;
  }
  return role === undefined ? { text, tag: line.ctx.blockTag } : { text, tag: line.ctx.blockTag, role };
}

// ---------------------------------------------------------------------------------------------------------
// Metadata

/** `<meta>` values by lower-cased `property`/`name`/`itemprop`/`http-equiv`; the first non-empty one wins. */
function metaTable(root: HTMLElement): Map<string, string> {
  const table = new Map<string, string>();
  for (const el of safeQueryAll(root, "meta")) {
    const content = clean(el.getAttribute("content"));
    if (content === undefined) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !table.has(key)) table.set(key, content);
    }
  }
  return table;
}

function clean(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.replace(/\s+/g, " ").trim();
  return text === "" ? undefined : text;
}

/** The first defined value; a function stands for a value that costs a document walk and is computed only then. */
function firstOf(...values: Array<string | undefined | (() => string | undefined)>): string | undefined {
  for (const v of values) {
    const value = typeof v === "function" ? v() : v;
    if (value !== undefined) return value;
  }
  return undefined;
}

function fromMeta(meta: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = meta.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** An absolute http(s) address without blanks: the only kind an article's `url` may hold. */
export const HTTP_URL = /^https?:\/\/[^\s/?#]+\.[^\s]*$/i;

const PUBLISHED_META = ["article:published_time", "og:article:published_time", "published_time"] as const;
const PUBLISHED_META_NAMES = [
  "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date.issued", "dcterms.issued", "dc.date",
  "dcterms.date", "dcterms.created", "article.published", "sailthru.date", "parsely-pub-date", "datepublished",
] as const;
const MODIFIED_META = [
  "article:modified_time", "og:updated_time", "modified_time", "dcterms.modified", "last-modified", "lastmod",
  "datemodified",
] as const;

function readMeta(root: HTMLElement): PageMeta {
  const meta = metaTable(root);
  const ld = readJsonLd(root);
  const htmlEl = safeQueryAll(root, "html")[0];
  // Each query below walks the whole document: they are asked lazily, only when the sources before them are empty.
  const titleEl = (): HTMLElement | undefined =>
    safeQueryAll(root, "head title")[0] ?? safeQueryAll(root, "title").find((t) => !hasAncestor(t, "svg"));
  const itemprop = (name: string) => (): string | undefined => {
    const el = safeQueryAll(root, `[itemprop="${name}"]`).find((e) => tagOf(e) !== "meta");
    return el ? clean(el.getAttribute("content") ?? el.getAttribute("datetime") ?? el.text) : undefined;
  };
  const articleTime = (): string | undefined => {
    const article = safeQueryAll(root, "article")[0];
    const time = article ? safeQueryAll(article, "time[datetime]")[0] : safeQueryAll(root, "time[pubdate]")[0];
    return clean(time?.getAttribute("datetime"));
  };

  const result: PageMeta = {};
  const set = <K extends keyof PageMeta>(key: K, value: string | undefined): void => {
    if (value !== undefined) result[key] = value;
  };
  set("title", firstOf(meta.get("og:title"), ld.headline, meta.get("twitter:title"), () => clean(titleEl()?.text)));
  set(
    "published",
    firstOf(
      fromMeta(meta, PUBLISHED_META),
      ld.datePublished,
      fromMeta(meta, PUBLISHED_META_NAMES),
      itemprop("datePublished"),
      articleTime,
    ),
  );
  set("modified", firstOf(fromMeta(meta, MODIFIED_META), ld.dateModified, itemprop("dateModified")));
  const metaAuthor = meta.get("author");
  const articleAuthor = meta.get("article:author");
  const relAuthor = (): string | undefined => clean((safeQueryAll(root, "[rel~=author]")[0] ?? safeQueryAll(root, '[rel="author"]')[0])?.text);
  set(
    "author",
    firstOf(
      ld.author,
      metaAuthor,
      articleAuthor !== undefined && !/^https?:/i.test(articleAuthor) ? articleAuthor : undefined,
      relAuthor,
      itemprop("author"),
    ),
  );
  set("siteName", firstOf(meta.get("og:site_name"), ld.publisher, meta.get("application-name")));
  set(
    "lang",
    firstOf(clean(htmlEl?.getAttribute("lang")), meta.get("content-language"), meta.get("og:locale")?.replace("_", "-")),
  );
  set("description", firstOf(meta.get("description"), meta.get("og:description"), meta.get("twitter:description"), ld.description));
  set("section", firstOf(meta.get("article:section"), ld.section, meta.get("section"), meta.get("category")));
  const canonical = safeQueryAll(root, "link").find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute("rel") ?? ""));
  set("url", [clean(canonical?.getAttribute("href")), meta.get("og:url")].find((u) => u !== undefined && HTTP_URL.test(u)));
  return result;
}

function hasAncestor(el: HTMLElement, tag: string): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (tagOf(p) === tag) return true;
  return false;
}

interface LdFacts {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  author?: string;
  publisher?: string;
  description?: string;
  section?: string;
}

/** Facts from JSON-LD blocks; article-typed nodes win over others (a WebPage's dates are a fallback). */
function readJsonLd(root: HTMLElement): LdFacts {
  const nodes: Array<Record<string, unknown>> = [];
  for (const script of safeQueryAll(root, "script")) {
    if ((script.getAttribute("type") ?? "").trim().toLowerCase() !== "application/ld+json") continue;
    const data = parseJsonLoosely(script.rawText);
    if (data !== undefined) collectLdNodes(data, nodes, 0);
  }
  const articles = nodes.filter((n) => ldTypes(n).some((t) => ARTICLE_TYPE.test(t)));
  const pick = (key: string, pool: Array<Record<string, unknown>>): string | undefined => {
    for (const node of pool) {
      const value = ldText(node[key]);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const pickAll = (key: string): string | undefined => pick(key, articles) ?? pick(key, nodes);
  const facts: LdFacts = {};
  const assign = <K extends keyof LdFacts>(key: K, value: string | undefined): void => {
    if (value !== undefined) facts[key] = value;
  };
  assign("headline", pick("headline", articles) ?? pick("name", articles) ?? pick("headline", nodes));
  assign("datePublished", pickAll("datePublished"));
  assign("dateModified", pickAll("dateModified"));
  assign("author", ldNames(articles.map((a) => a.author).find((a) => a !== undefined)));
  assign("publisher", ldNames(articles.map((a) => a.publisher).find((p) => p !== undefined)));
  assign("description", pick("description", articles));
  assign("section", pick("articleSection", articles));
  return facts;
}

/** JSON.parse, then one repair pass (comments/CDATA wrappers, raw control characters, trailing commas). */
function parseJsonLoosely(text: string): unknown {
  const attempts = [
    text,
    text
      .replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, "")
      .replace(/[\u0000-\u001F]+/g, " ")
      .replace(/,\s*([}\]])/g, "$1"),
  ];
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt) as unknown;
    } catch {
      // try the next, more forgiving, form
    }
  }
  return undefined;
}

/** Every object with an @type, through arrays, @graph and nested values (depth-limited). */
function collectLdNodes(value: unknown, out: Array<Record<string, unknown>>, depth: number): void {
  if (depth > 8 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) collectLdNodes(item, out, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  if (node["@type"] !== undefined) out.push(node);
  for (const [key, child] of Object.entries(node)) {
    if (key === "@context") continue;
    collectLdNodes(child, out, depth + 1);
  }
}

function ldTypes(node: Record<string, unknown>): string[] {
  const type = node["@type"];
  if (typeof type === "string") return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === "string") : [];
}

/** A string value (first of an array), entity-decoded when the site double-escaped it. */
function ldText(value: unknown): string | undefined {
  const raw = Array.isArray(value) ? value.find((v) => typeof v === "string") : value;
  if (typeof raw !== "string") return undefined;
  return clean(raw.includes("&") ? new TextNode(raw).text : raw);
}

/** Names of an author/publisher value: a string, an object with `name`, or a list of those. */
function ldNames(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  const names = list
    .map((v) => (typeof v === "string" ? ldText(v) : v && typeof v === "object" ? ldText((v as Record<string, unknown>).name) : undefined))
    .filter((n): n is string => n !== undefined && !/^https?:/i.test(n));
  return names.length > 0 ? [...new Set(names)].join(", ") : undefined;
}
