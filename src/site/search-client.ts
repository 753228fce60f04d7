/**
 * The search page's script: the only client JavaScript on the site. Loads the Pagefind bundle on demand (one index
 * per edition, merged from its parts when the edition was indexed in parts), normalises the query like the index,
 * and renders results as DOM nodes (never as HTML strings).
 *
 * Articles and stories come first (a search filtered by `kind`, see src/components/SearchFacets.astro), `PAGE_SIZE`
 * at a time with a "more results" button; matching actor and country pages follow in a list of their own. Filters
 * (kind, country, month) and the order (relevance, newest) are form fields: the URL keeps them, and the link to the
 * other edition is rewritten to carry them, so a query survives a language switch. Snippets are built from the
 * words readers see (src/site/search-excerpt.ts), never from the hidden normalised tokens.
 *
 * Strings and the bundle URL come from data attributes on the form, so the script carries no UI text and no base path.
 */
import { snippet } from "./search-excerpt.ts";
import { normaliseQuery } from "./search-query.ts";

interface PagefindResult {
  url: string;
  content: string;
  meta: { title?: string; kind?: string; date?: string };
}
type Filters = Record<string, string | { any: string[] }>;
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string, options?: { filters?: Filters; sort?: Record<string, "asc" | "desc"> }): Promise<{ results: Array<{ data(): Promise<PagefindResult> }> }>;
}

/** Results shown at first and added by each "more results". */
const PAGE_SIZE = 10;
/** Actor and country pages listed after the articles. */
const ENTITY_RESULTS = 5;
/** The form fields that make up a search (and the URL parameters that carry it). */
const FIELDS = ["q", "kind", "country", "month", "sort"] as const;

function setup(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>("input[name=q]")!;
  const field = (name: string) => form.querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
  const status = document.getElementById("search-status")!;
  const list = document.getElementById("search-results")!;
  const more = document.getElementById("search-more") as HTMLButtonElement;
  const entities = document.getElementById("search-entities")!;
  const entityList = document.getElementById("search-entity-list")!;
  const switcher = document.querySelector<HTMLAnchorElement>("a.lang-switch");
  const d = form.dataset;
  const numbers = new Intl.NumberFormat(d.locale);
  const dates = new Intl.DateTimeFormat(d.locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const months = new Intl.DateTimeFormat(d.locale, { month: "long", year: "numeric", timeZone: "UTC" });
  let pagefind: Promise<Pagefind> | undefined;
  let run = 0;
  let pending: Array<{ data(): Promise<PagefindResult> }> = [];
  let total = 0;
  let query = "";

  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ d.bundle!).then(async (mod: Pagefind) => {
      // Each edition has its own bundle (<base><lang>/pagefind/) while page URLs are indexed from the site root:
      // results are resolved against the site base, not the bundle's folder.
      const baseUrl = d.bundle!.replace(/[^/]+\/pagefind\/pagefind\.js$/, "");
      await mod.options({ excerptLength: 24, baseUrl });
      // A large edition is indexed in parts (src/site/search-index.ts), listed next to the main bundle.
      const dir = d.bundle!.replace(/pagefind\.js$/, "");
      const listed = await fetch(`${dir}parts.json`).then((r) => (r.ok ? (r.json() as Promise<{ parts?: string[] }>) : {}), () => ({}));
      // All parts at once: each costs a round trip before it answers, and one after another a large edition made
      // the reader wait for dozens of them. Pagefind adds each part as it is asked for, so their order is kept.
      const parts = (listed as { parts?: string[] }).parts ?? [];
      await Promise.all(parts.map((part) => mod.mergeIndex(dir.replace(/pagefind\/$/, `${part}/`), { baseUrl })));
      await fillFilters(mod);
      return mod;
    }));

  /** The country and month choices the index has, keeping the one the URL asked for. */
  async function fillFilters(mod: Pagefind): Promise<void> {
    const available = await mod.filters().catch(() => ({}) as Record<string, Record<string, number>>);
    const fill = (name: string, values: string[], label: (v: string) => string) => {
      const select = field(name);
      const wanted = select.value || new URL(location.href).searchParams.get(name) || "";
      for (const v of values) {
        const existing = [...select.options].find((o) => o.value === v);
        if (existing) existing.text = label(v);
        else select.append(new Option(label(v), v, false, v === wanted));
      }
    };
    fill("country", Object.keys(available.country ?? {}).sort((a, b) => a.localeCompare(b, d.locale)), (v) => v);
    fill("month", Object.keys(available.month ?? {}).sort().reverse(), (v) => months.format(new Date(`${v}-01T00:00:00Z`)));
  }

  function resultItem(item: PagefindResult, withSnippet: boolean): HTMLLIElement {
    const li = document.createElement("li");
    const heading = document.createElement("h2");
    const a = document.createElement("a");
    a.href = item.url;
    a.dir = "auto";
    a.textContent = item.meta.title ?? item.url;
    heading.append(a);
    li.append(heading);
    const facts = [item.meta.kind ? d[`kind${item.meta.kind[0]!.toUpperCase()}${item.meta.kind.slice(1)}`] : "", item.meta.date ? dates.format(new Date(`${item.meta.date}T00:00:00Z`)) : ""].filter(Boolean);
    if (facts.length) {
      const meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = facts.join(" · ");
      li.append(meta);
    }
    if (withSnippet) {
      const p = document.createElement("p");
      p.dir = "auto";
      for (const s of snippet(item.content, query, item.meta.title)) {
        if (s.mark) {
          const mark = document.createElement("mark");
          mark.textContent = s.text;
          p.append(mark);
        } else p.append(document.createTextNode(s.text));
      }
      li.append(p);
    }
    return li;
  }

  async function showMore(id: number): Promise<void> {
    const next = pending.splice(0, PAGE_SIZE);
    const data = await Promise.all(next.map((r) => r.data()));
    if (id !== run) return;
    for (const item of data) list.append(resultItem(item, true));
    more.hidden = pending.length === 0;
    const shown = total - pending.length;
    status.textContent = total === 0 ? (d.none ?? "") : `${(d.results ?? "").replace("{count}", numbers.format(total))}${shown < total ? ` · ${(d.showing ?? "").replace("{shown}", numbers.format(shown)).replace("{count}", numbers.format(total))}` : ""}`;
  }

  async function search(): Promise<void> {
    const id = ++run;
    query = normaliseQuery(input.value);
    list.replaceChildren();
    entityList.replaceChildren();
    entities.hidden = true;
    more.hidden = true;
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = d.loading ?? "";
    try {
      const pf = await load();
      const kind = field("kind").value;
      const filters: Filters = {};
      if (field("country").value) filters.country = field("country").value;
      if (field("month").value) filters.month = field("month").value;
      const sort = field("sort").value === "date" ? { sort: { date: "desc" as const } } : {};
      const main = kind === "entity" ? ["actor", "country"] : kind ? [kind] : ["article", "story"];
      const [found, pages] = await Promise.all([
        pf.search(query, { filters: { ...filters, kind: { any: main } }, ...sort }),
        kind === "" ? pf.search(query, { filters: { ...filters, kind: { any: ["actor", "country"] } } }) : Promise.resolve(null),
      ]);
      if (id !== run) return;
      pending = [...found.results];
      total = pending.length;
      await showMore(id);
      if (pages && pages.results.length) {
        const data = await Promise.all(pages.results.slice(0, ENTITY_RESULTS).map((r) => r.data()));
        if (id !== run) return;
        for (const item of data) entityList.append(resultItem(item, false));
        entities.hidden = false;
      }
    } catch (error) {
      if (id !== run) return;
      status.textContent = d.error ?? "";
      console.warn("search failed", error);
    }
  }

  /** Writes the search into the URL and into the link to the other edition. */
  function remember(): void {
    const url = new URL(location.href);
    for (const name of FIELDS) {
      const value = name === "q" ? input.value : field(name).value;
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    history.replaceState(null, "", url);
    if (switcher) {
      const other = new URL(switcher.href, location.href);
      // Country names differ between editions: the other edition keeps the query, kind, month and order.
      const params = new URLSearchParams(url.search);
      params.delete("country");
      other.search = params.toString();
      switcher.href = other.pathname + other.search;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    remember();
    void search();
  });
  for (const name of ["kind", "country", "month", "sort"]) field(name).addEventListener("change", () => form.requestSubmit());
  more.addEventListener("click", () => void showMore(run));
  const params = new URL(location.href).searchParams;
  for (const name of ["kind", "sort"]) {
    const value = params.get(name);
    if (value) field(name).value = value;
  }
  for (const name of ["country", "month"]) {
    // Options arrive with the index; until then the asked-for value is kept as a choice of its own.
    const value = params.get(name);
    if (value) field(name).append(new Option(value, value, true, true));
  }
  const initial = params.get("q");
  if (initial) {
    input.value = initial;
    remember();
    void search();
  }
}

const form = document.querySelector<HTMLFormElement>("form[data-search]");
if (form) setup(form);
