/**
 * Settings (issue 17): `url` is an http(s) origin and `base` a clean path, and every refusal names the field (in
 * site.yaml) or the environment variable. Before, `url: "javascript:…"` passed and Astro died with a bare
 * "Invalid URL", and a base with a backslash produced `/\host/…` links that send readers to another origin.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSettings } from "../../src/config.ts";

/** A repository root whose content/site.yaml holds `yaml`. */
function rootWith(yaml: string): string {
  const root = mkdtempSync(join(tmpdir(), "marsad-settings-"));
  mkdirSync(join(root, "content"));
  writeFileSync(join(root, "content", "site.yaml"), yaml);
  return root;
}

describe("site settings", () => {
  it.each([
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["ftp://example.org"],
    ["file:///etc/passwd"],
    ["//evil.example"],
    ["https://user:pw@example.org"],
    ['https://example.org/"onmouseover=x'],
    ["https://example.org\\@evil.example"],
    ["not a url"],
  ])("refuses url %j, naming the field", (url) => {
    expect(() => loadSettings(rootWith(`url: ${JSON.stringify(url)}\n`), {})).toThrow(/site\.yaml: field `url`: /);
    expect(() => loadSettings(rootWith(""), { MARSAD_SITE_URL: url })).toThrow(/MARSAD_SITE_URL \(field `url`\)/);
  });

  it.each([["https://briefs.example.org"], ["http://localhost:4321"], ["https://user.github.io/marsad"]])("accepts url %j", (url) => {
    expect(loadSettings(rootWith(`url: ${url}\n`), {}).site.url).toBe(url);
  });

  it.each([["../.."], ["/a/../b/"], ['/"x"/'], ["/a'b/"], ["\\\\evil.example\\x"], ["/\\evil.example/"], ["/a b/"], ["/a//b/"], ["/a?b/"], ["/a#b/"], ["/%2e%2e/"]])(
    "refuses base %j, naming the field",
    (base) => {
      expect(() => loadSettings(rootWith(`base: ${JSON.stringify(base)}\n`), {})).toThrow(/site\.yaml: field `base`: /);
      expect(() => loadSettings(rootWith(""), { MARSAD_BASE: base })).toThrow(/MARSAD_BASE \(field `base`\)/);
    },
  );

  it.each([
    ["/", "/"],
    ["", "/"],
    ["marsad", "/marsad/"],
    ["/briefings/2025/", "/briefings/2025/"],
    ["/v1.2_x~y-z", "/v1.2_x~y-z/"],
  ])("accepts base %j as %j", (base, clean) => {
    expect(loadSettings(rootWith(`base: ${JSON.stringify(base)}\n`), {}).site.base).toBe(clean);
  });
});

describe("site names", () => {
  it("lose control characters and bidi overrides", () => {
    const settings = loadSettings(rootWith('title: { ar: "\\u202eمرصد\\u0007", en: "Mar\\u001b[2Jsad" }\n'), {});
    expect(settings.site.title).toEqual({ ar: "مرصد", en: "Mar[2Jsad" });
  });
});
