/**
 * Sidecar metadata: the `<name>.json` / `<name>.meta.json` that scrapers such as trafilatura write beside a page
 * (`{"url": …, "source": …, "title": …, "date": …, "sitename": …}`). Read by `pipeline/read-inputs.ts` as bytes,
 * parsed here (pure). Only the page's address, date and outlet are used; unknown keys are ignored, a key of the
 * wrong type is ignored on its own, and a file that is not a JSON object is a warning naming it.
 */
import { z } from "zod";
import { parseDate } from "./dates.ts";
import { HTTP_URL } from "./html.ts";

/** A sidecar as read from disk, before parsing. */
export interface RawSidecar {
  /** Base name of the sidecar file, for messages. */
  file: string;
  bytes: Uint8Array;
}

/** What a sidecar tells about its page. */
export interface SidecarMeta {
  /** The page's original http(s) address. */
  url: string | null;
  /** Publication date `YYYY-MM-DD`. */
  published: string | null;
  /** The outlet's name. */
  siteName: string | null;
}

/** Keys trafilatura, newspaper and hand-made sidecars use, in the order they are trusted. */
const URL_KEYS = ["url", "source", "canonical", "link", "original_url"] as const;
const DATE_KEYS = ["date", "published", "date_publish", "datePublished", "publish_date"] as const;
const SITE_KEYS = ["sitename", "site_name", "source-hostname", "publisher"] as const;

/** A JSON object; each value is checked by the key's reader, so one odd value never rejects the rest. */
const SidecarFile = z.record(z.string(), z.unknown());

function firstString(data: Record<string, unknown>, keys: readonly string[], ok: (s: string) => boolean = () => true): string | null {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === "string" && value.trim() !== "" && ok(value.trim())) return value.trim();
  }
  return null;
}

/** Parses a sidecar; a file that is not a JSON object gives a reason naming it. */
export function parseSidecar(raw: RawSidecar): { ok: true; meta: SidecarMeta } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8").decode(raw.bytes).replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, reason: `sidecar ${raw.file} is not valid JSON (${(error as Error).message.split("\n")[0]}); ignored` };
  }
  const parsed = SidecarFile.safeParse(data);
  if (!parsed.success || Array.isArray(data)) return { ok: false, reason: `sidecar ${raw.file} is not a JSON object; ignored` };
  const date = firstString(parsed.data, DATE_KEYS);
  return {
    ok: true,
    meta: {
      url: firstString(parsed.data, URL_KEYS, (s) => HTTP_URL.test(s)),
      published: date === null ? null : parseDate(date),
      siteName: firstString(parsed.data, SITE_KEYS),
    },
  };
}
