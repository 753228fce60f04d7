/**
 * Static audit of built HTML for injected markup: inline or foreign scripts, event-handler attributes, script URLs,
 * frames and other active elements, a missing or weak Content-Security-Policy, and bidi override characters in
 * titles and names (text outside the article body).
 */
import { HTMLElement, Node, NodeType, parse } from "node-html-parser";

/** Override characters: must never reach a title or a name. */
export const BIDI_OVERRIDES = /[\u202D\u202E]/;
/** Embeddings, isolates and their terminators: tolerated only when balanced. */
const BIDI_OPENERS = /[\u202A\u202B\u202D\u202E\u2066\u2067\u2068]/g;
const BIDI_CLOSERS = /[\u202C\u2069]/g;
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "data", "poster", "background", "xlink:href", "cite", "ping", "srcset"];
const ACTIVE_ELEMENTS = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"]);
/** Elements whose text comes from an article's body (verbatim by contract), excluded from the bidi check. */
const BODY_SELECTORS = [".article-body", ".captions", "[data-search-tokens]", ".excerpt", ".original-title", ".deck"];

export interface Finding {
  file: string;
  /** `markup`: executable or active injected markup, CSP; `bidi`: direction controls in titles and names. */
  kind: "markup" | "bidi";
  problem: string;
}

const isElement = (n: Node): n is HTMLElement => n.nodeType === NodeType.ELEMENT_NODE;

/** Lower-cased URL with the characters browsers ignore (controls, whitespace) removed, entities decoded. */
function urlScheme(value: string): string {
  return value.replace(/[\u0000-\u0020\u007F-\u009F\u00AD\u200B-\u200F\uFEFF]/g, "").toLowerCase();
}

function unbalanced(text: string): boolean {
  return (text.match(BIDI_OPENERS)?.length ?? 0) !== (text.match(BIDI_CLOSERS)?.length ?? 0);
}

/** Same-origin path (`/x`, `./x`, `x`) — not protocol-relative, not another origin. */
function sameOrigin(url: string, origin: string): boolean {
  const u = url.trim();
  if (u.startsWith("//")) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) return u.startsWith(origin);
  return true;
}

/** All findings for one HTML document. `origin` is the site's configured public origin. */
export function auditHtml(file: string, html: string, origin: string): Finding[] {
  const findings: Finding[] = [];
  const add = (problem: string) => findings.push({ file, kind: /bidi/.test(problem) ? "bidi" : "markup", problem });
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true, pre: true } });
  const elements = root.querySelectorAll("*");

  // Content-Security-Policy: present, and no inline or eval'd script allowed.
  const csp = elements.find((e) => e.tagName === "META" && (e.getAttribute("http-equiv") ?? "").toLowerCase() === "content-security-policy");
  if (!csp) add("no Content-Security-Policy meta tag");
  else {
    const policy = csp.getAttribute("content") ?? "";
    const directives = new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0]!.toLowerCase(), d.slice(1)]));
    const scripts = directives.get("script-src") ?? directives.get("default-src");
    if (!scripts) add(`CSP has neither script-src nor default-src: ${policy}`);
    else if (scripts.some((s) => ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"].includes(s.toLowerCase())))
      add(`CSP allows inline or foreign scripts: script-src ${scripts.join(" ")}`);
    if (!directives.has("object-src") && !directives.has("default-src")) add("CSP does not restrict object-src");
    if (elements.indexOf(csp) > 3) add("CSP meta tag is not at the start of <head>");
  }

  for (const el of elements) {
    const tag = el.tagName.toLowerCase();
    const attrs = el.attributes;
    if (tag === "script") {
      const type = (attrs.type ?? "").toLowerCase();
      if (type === "application/ld+json") {
        try {
          JSON.parse(el.innerHTML);
        } catch {
          add("JSON-LD script is not valid JSON (broken out of?)");
        }
      } else if (!attrs.src) add(`inline <script>: ${el.innerHTML.slice(0, 80)}`);
      else if (!sameOrigin(attrs.src, origin)) add(`foreign <script src=${attrs.src}>`);
    }
    if (ACTIVE_ELEMENTS.has(tag)) add(`<${tag}> element`);
    if (tag === "meta" && (attrs["http-equiv"] ?? "").toLowerCase() === "refresh") {
      // The site's own redirects (edition chooser, renamed actors) are fine; a target off the site is not.
      const target = /url\s*=\s*['"]?([^'"]*)/i.exec(attrs.content ?? "")?.[1] ?? "";
      const scheme = urlScheme(target);
      if (!target || /^(javascript|vbscript|data):/.test(scheme) || !sameOrigin(target, origin)) add(`<meta http-equiv=refresh> to ${JSON.stringify(target)}`);
    }
    if (tag === "style") add(`inline <style>: ${el.innerHTML.slice(0, 60)}`);
    if (tag === "link" && (attrs.rel ?? "").toLowerCase().includes("stylesheet") && !sameOrigin(attrs.href ?? "", origin)) add(`foreign stylesheet ${attrs.href}`);
    if (tag === "form" && attrs.action && !sameOrigin(attrs.action, origin)) add(`form posting elsewhere: ${attrs.action}`);
    for (const [name, value] of Object.entries(attrs)) {
      const n = name.toLowerCase();
      if (n.startsWith("on")) add(`event handler attribute ${name}=${JSON.stringify(value.slice(0, 60))} on <${tag}>`);
      if (n === "srcdoc") add(`srcdoc attribute on <${tag}>`);
      if (n === "style" && /expression|javascript|url\s*\(/i.test(value)) add(`style attribute with script or URL: ${value.slice(0, 60)}`);
      if (URL_ATTRIBUTES.includes(n)) {
        const scheme = urlScheme(value);
        if (/^(javascript|vbscript|livescript):/.test(scheme) || /^data:(?!image\/(png|jpe?g|gif|webp|avif);)/.test(scheme))
          add(`${name}=${JSON.stringify(value.slice(0, 60))} on <${tag}>`);
      }
      if (BIDI_OVERRIDES.test(value)) add(`bidi override character in attribute ${name} of <${tag}>: ${JSON.stringify(value.slice(0, 80))}`);
      else if (unbalanced(value) && (tag === "meta" || n === "title" || n === "alt" || n === "aria-label"))
        add(`unbalanced bidi controls in attribute ${name} of <${tag}>: ${JSON.stringify(value.slice(0, 80))}`);
    }
  }

  // Titles and names: every text outside the body-derived blocks.
  const bodyBlocks = new Set(BODY_SELECTORS.flatMap((s) => root.querySelectorAll(s)));
  const visit = (node: Node, inBody: boolean): void => {
    if (isElement(node)) {
      const tag = node.tagName?.toLowerCase();
      if (tag === "script" || tag === "style") return;
      const body = inBody || bodyBlocks.has(node);
      for (const child of node.childNodes) visit(child, body);
      return;
    }
    if (node.nodeType !== NodeType.TEXT_NODE || inBody) return;
    const text = node.text;
    if (BIDI_OVERRIDES.test(text)) add(`bidi override character in a title or name: ${JSON.stringify(text.slice(0, 80))}`);
  };
  visit(root, false);
  const title = root.querySelector("title")?.text ?? "";
  if (unbalanced(title)) add(`unbalanced bidi controls in <title>: ${JSON.stringify(title.slice(0, 80))}`);
  return findings;
}

/** Visible text of a page (text nodes outside script/style), whitespace collapsed, bidi and zero-width removed. */
export function visibleText(html: string): string {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true, pre: true } });
  root.querySelectorAll("script, style").forEach((e) => e.remove());
  return comparable(root.text);
}

/** A string made comparable with rendered text: no bidi or zero-width characters, whitespace collapsed. */
export function comparable(s: string): string {
  return s.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C\u00AD]/g, "").replace(/\s+/g, " ").trim();
}
