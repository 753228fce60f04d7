/**
 * The search page's script: the only client JavaScript on the site. Loads the Pagefind bundle on demand (one index
 * per edition, merged from its parts when the edition was indexed in parts), normalises the query like the index,
 * and renders results as DOM nodes (never as HTML strings: excerpts are rebuilt keeping only Pagefind's <mark>
 * highlights).
 *
 * Strings and the bundle URL come from data attributes on the form, so the script carries no UI text and no base path.
 */
import { normaliseQuery } from "./search-query.ts";

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindResult> }> }>;
}

/** How many results are shown. */
const MAX_RESULTS = 20;

function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  const out: Node[] = [];
  doc.body.childNodes.forEach((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent ?? ""));
    }
  });
  return out;
}

function setup(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>("input[name=q]")!;
  const status = document.getElementById("search-status")!;
  const list = document.getElementById("search-results")!;
  const d = form.dataset;
  const numbers = new Intl.NumberFormat(d.locale);
  let pagefind: Promise<Pagefind> | undefined;
  let run = 0;

  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ d.bundle!).then(async (mod: Pagefind) => {
      // Each edition has its own bundle (<base><lang>/pagefind/) while page URLs are indexed from the site root:
      // results are resolved against the site base, not the bundle's folder.
      const baseUrl = d.bundle!.replace(/[^/]+\/pagefind\/pagefind\.js$/, "");
      await mod.options({ excerptLength: 24, baseUrl });
      // A large edition is indexed in parts (src/site/search-index.ts), listed next to the main bundle.
      const dir = d.bundle!.replace(/pagefind\.js$/, "");
      const listed = await fetch(`${dir}parts.json`).then((r) => (r.ok ? (r.json() as Promise<{ parts?: string[] }>) : {}), () => ({}));
      for (const part of (listed as { parts?: string[] }).parts ?? []) await mod.mergeIndex(dir.replace(/pagefind\/$/, `${part}/`), { baseUrl });
      return mod;
    }));

  async function search(raw: string): Promise<void> {
    const id = ++run;
    const query = normaliseQuery(raw);
    list.replaceChildren();
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = d.loading ?? "";
    try {
      const found = await (await load()).search(query);
      const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (id !== run) return;
      status.textContent = data.length ? (d.results ?? "").replace("{count}", numbers.format(found.results.length)) : (d.none ?? "");
      for (const item of data) {
        const li = document.createElement("li");
        const heading = document.createElement("h2");
        const a = document.createElement("a");
        a.href = item.url;
        a.dir = "auto";
        a.textContent = item.meta.title ?? item.url;
        heading.append(a);
        const p = document.createElement("p");
        p.dir = "auto";
        p.append(...excerptNodes(item.excerpt));
        li.append(heading, p);
        list.append(li);
      }
    } catch (error) {
      if (id !== run) return;
      status.textContent = d.error ?? "";
      console.warn("search failed", error);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    void search(input.value);
  });
  const initial = new URL(location.href).searchParams.get("q");
  if (initial) {
    input.value = initial;
    void search(initial);
  }
}

const form = document.querySelector<HTMLFormElement>("form[data-search]");
if (form) setup(form);
