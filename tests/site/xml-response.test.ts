import { describe, expect, it } from "vitest";
import { xmlResponse } from "../../src/site/xml-response.ts";

describe("xmlResponse", () => {
  it("gives the bytes a string body would, lone surrogates included", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><rss><title>مرصد \uD800 broken \uDFFF pair 😀</title></rss>`;
    const fromBytes = new Uint8Array(await xmlResponse(xml).arrayBuffer());
    const fromString = new Uint8Array(await new Response(xml).arrayBuffer());
    expect(fromBytes).toEqual(fromString);
    expect(new TextDecoder().decode(fromBytes)).toContain("\uFFFD broken \uFFFD pair 😀");
  });

  it("says it is XML", () => {
    expect(xmlResponse("<a/>").headers.get("content-type")).toBe("application/xml");
  });
});
