/**
 * rehype plugin: links actor and country mentions in an article body to their pages.
 *
 * Why offsets and not matching names again: entity tagging already recorded where each mention is (`Mention`:
 * paragraph, UTF-16 start/end, surface as written, with clitics). Re-matching in the site would disagree with the
 * tagger and with the provenance sentences actor pages quote. The plugin trusts the offsets, but checks each against
 * its `surface`: a stale offset (the text changed since tagging) is moved to the nearest occurrence of the surface,
 * or skipped with a message, never linked to the wrong words.
 *
 * Input: a tree from `paragraphsToHast` (each `<p>` carries `data.paragraph`). Only direct text children of those
 * paragraphs are split; anything else is left as is. Overlapping mentions keep the first (longest on ties).
 */
import type { Element, ElementContent, Root, Text } from "hast";
import { visit } from "unist-util-visit";
import type { Mention } from "../schemas/article.ts";

/** Where a mention links to, or null for no link (an actor without a page). */
export interface MentionLink {
  href: string;
  /** `actor` or `country`, added as a class so styles can tell them apart. */
  kind: "actor" | "country";
}

export interface LinkMentionsOptions {
  mentions: readonly Mention[];
  link: (ref: string) => MentionLink | null;
}

/** The subset of a vfile the plugin reports to (unified passes one; direct callers may not). */
interface MessageSink {
  message(reason: string, options?: { ruleId?: string; source?: string }): unknown;
}

const SOURCE = "rehype-link-mentions";

/** Finds the occurrence of `surface` in `text` nearest to `near`, or -1. */
function relocate(text: string, surface: string, near: number): number {
  if (!surface) return -1;
  let best = -1;
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}

interface Span {
  start: number;
  end: number;
  link: MentionLink;
  ref: string;
}

/** Valid, linkable, non-overlapping spans of one paragraph, in text order. */
function spansFor(text: string, mentions: readonly Mention[], options: LinkMentionsOptions, file?: MessageSink): Span[] {
  const spans: Span[] = [];
  for (const m of mentions) {
    const link = options.link(m.ref);
    if (!link) continue;
    let start = m.start;
    if (text.slice(m.start, m.end) !== m.surface) {
      start = relocate(text, m.surface, m.start);
      if (start < 0) {
        file?.message(`mention \`${m.ref}\` («${m.surface}») is not in paragraph ${m.paragraph}; left unlinked`, {
          ruleId: "mention-offset",
          source: SOURCE,
        });
        continue;
      }
    }
    const end = start + m.surface.length;
    if (end <= start) continue;
    spans.push({ start, end, link, ref: m.ref });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of spans) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) continue;
    kept.push(s);
  }
  return kept;
}

function anchor(span: Span, value: string): Element {
  return {
    type: "element",
    tagName: "a",
    properties: { href: span.link.href, className: ["mention", `mention-${span.link.kind}`] },
    children: [{ type: "text", value }],
  };
}

/** Splits the text children of one paragraph around its spans. */
function linkParagraph(paragraph: Element, spans: Span[]): void {
  if (spans.length === 0) return;
  const children: ElementContent[] = [];
  let offset = 0; // offset of the current child within the paragraph text
  let next = 0; // next span to place
  for (const child of paragraph.children) {
    if (child.type !== "text") {
      children.push(child);
      continue;
    }
    const text = child.value;
    const from = offset;
    const to = offset + text.length;
    let cursor = from;
    while (next < spans.length && spans[next]!.start < to) {
      const span = spans[next]!;
      if (span.start < cursor || span.end > to) {
        // Crosses a node boundary this tree does not expect; leave it rather than split markup.
        next++;
        continue;
      }
      if (span.start > cursor) children.push({ type: "text", value: text.slice(cursor - from, span.start - from) } satisfies Text);
      children.push(anchor(span, text.slice(span.start - from, span.end - from)));
      cursor = span.end;
      next++;
    }
    if (cursor < to) children.push({ type: "text", value: text.slice(cursor - from) } satisfies Text);
    offset = to;
  }
  paragraph.children = children;
}

/**
 * Creates the transformer. Settings (mentions grouped by paragraph) are built once per plugin use.
 * Usable with unified (`.use(rehypeLinkMentions, options)`) or directly: `rehypeLinkMentions(options)(tree)`.
 */
export default function rehypeLinkMentions(options: LinkMentionsOptions) {
  const byParagraph = new Map<number, Mention[]>();
  for (const m of options.mentions) {
    const list = byParagraph.get(m.paragraph);
    if (list) list.push(m);
    else byParagraph.set(m.paragraph, [m]);
  }
  return function transformer(tree: Root, file?: MessageSink): void {
    if (byParagraph.size === 0) return;
    visit(tree, "element", (node: Element) => {
      const paragraph = (node.data as { paragraph?: number } | undefined)?.paragraph;
      if (node.tagName !== "p" || paragraph === undefined) return;
      const mentions = byParagraph.get(paragraph);
      if (!mentions) return "skip";
      const text = node.children.map((c) => (c.type === "text" ? c.value : "")).join("");
      linkParagraph(node, spansFor(text, mentions, options, file));
      return "skip";
    });
  };
}
