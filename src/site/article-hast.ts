/**
 * Article bodies as hast, and hast back to HTML.
 *
 * Why a tree and not string concatenation: the body is plain text from scraped pages and must never be read as
 * markup. Building text nodes and serialising them with escaping makes «<script>» in an article inert by
 * construction, and lets `rehype-link-mentions` work on the same kind of tree as any rehype plugin.
 *
 * The serializer is deliberately small: the trees here hold only elements, text and a root.
 */
import type { Element, ElementContent, Properties, Root, RootContent, Text } from "hast";

/** Extra data kept on a paragraph element (not serialised): which body paragraph it is. */
export interface ParagraphData {
  paragraph: number;
}

/** One `<p>` per body paragraph, each holding the paragraph as a single text node. */
export function paragraphsToHast(body: readonly string[]): Root {
  return {
    type: "root",
    children: body.map(
      (value, paragraph): Element => ({
        type: "element",
        tagName: "p",
        properties: {},
        children: [{ type: "text", value } satisfies Text],
        data: { paragraph } as Element["data"],
      }),
    ),
  };
}

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const ATTR_ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };

export function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
}

export function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => ATTR_ESCAPES[c]!);
}

/** `className` → `class`, `dataRef` → `data-ref`, others as written. */
function attributeName(key: string): string {
  if (key === "className") return "class";
  if (/^data[A-Z]/.test(key)) return `data-${key.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^-/, "")}`;
  return key;
}

function attributes(properties: Properties | undefined): string {
  if (!properties) return "";
  let out = "";
  for (const key of Object.keys(properties).sort()) {
    const value = properties[key];
    if (value === undefined || value === null || value === false) continue;
    const name = attributeName(key);
    if (value === true) out += ` ${name}`;
    else out += ` ${name}="${escapeAttribute(Array.isArray(value) ? value.join(" ") : String(value))}"`;
  }
  return out;
}

function serialise(node: Root | RootContent | ElementContent): string {
  switch (node.type) {
    case "root":
      return node.children.map(serialise).join("");
    case "text":
      return escapeText(node.value);
    case "element":
      return `<${node.tagName}${attributes(node.properties)}>${node.children.map(serialise).join("")}</${node.tagName}>`;
    default:
      // Comments, doctypes and raw nodes are never built by the site: drop rather than pass through unescaped.
      return "";
  }
}

/** Serialises a hast tree of elements and text to HTML, escaping all text and attribute values. */
export function toHtml(tree: Root | Element): string {
  return serialise(tree);
}
