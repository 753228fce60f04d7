/**
 * The clitic table of the text model (clitics.yaml), loaded and checked once. Lists stay in their written order
 * (longest first): a light stemmer tries them in that order.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

const Affixes = z.array(z.string().min(1)).min(1, "an empty list is an error");
export const CliticTable = z.object({ article: Affixes, particles: Affixes, suffixes: Affixes }).strict();
export type CliticTable = z.infer<typeof CliticTable>;

function load(): CliticTable {
  const parsed = CliticTable.safeParse(parse(readFileSync(new URL("./clitics.yaml", import.meta.url), "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`src/text/clitics.yaml: ${issue?.path.join(".") || "(file)"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

export const CLITICS: CliticTable = load();

/** Proclitics a folded word may carry: the article forms, then the one-letter particles. */
export const PROCLITICS: readonly string[] = [...CLITICS.article, ...CLITICS.particles];
