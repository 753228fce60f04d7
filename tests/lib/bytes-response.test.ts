/**
 * Responses that keep their bytes (src/lib/bytes-response.ts): every way of reading them gives the bytes they were
 * made with, reading gives those very bytes back (no copy), and they are found by any instance of the module.
 */
import { describe, expect, it } from "vitest";
import { BytesResponse, bytesOf, pageResponse } from "../../src/lib/bytes-response.ts";

const page = "<p lang=\"ar\">مرصد</p>";
const encoded = () => new TextEncoder().encode(page);

describe("BytesResponse", () => {
  it("is a Response whose arrayBuffer() is the very bytes it was given, and whose body streams them", async () => {
    const bytes = encoded().buffer;
    const r = new BytesResponse(bytes, { status: 200, headers: { "content-type": "text/html" } });
    expect(r).toBeInstanceOf(Response);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/html");
    expect(await r.arrayBuffer()).toBe(bytes);
    expect(await r.text()).toBe(page);
    expect(r.body).not.toBeNull();
    expect(await new Response(r.body).text()).toBe(page);
  });

  it("takes a view's bytes, copying only a view over part of a larger buffer", async () => {
    const whole = encoded();
    expect(await new BytesResponse(whole).arrayBuffer()).toBe(whole.buffer);
    const padded = new Uint8Array(whole.byteLength + 4);
    padded.set(whole, 2);
    const part = new BytesResponse(padded.subarray(2, 2 + whole.byteLength));
    expect(await part.text()).toBe(page);
    expect((await part.arrayBuffer()).byteLength).toBe(whole.byteLength);
  });

  it("reads as JSON, a blob and bytes, and clones with its status, headers and bytes", async () => {
    const r = new BytesResponse(new TextEncoder().encode('{"a":"ب"}'), { status: 201, statusText: "Created", headers: { "content-type": "application/json" } });
    expect(await r.json()).toEqual({ a: "ب" });
    const blob = await r.blob();
    expect(blob.type).toBe("application/json");
    expect(await blob.text()).toBe('{"a":"ب"}');
    expect(new TextDecoder().decode(await r.bytes())).toBe('{"a":"ب"}');
    const copy = r.clone();
    copy.headers.set("x-copy", "1");
    expect([copy.status, copy.statusText, copy.headers.get("content-type"), r.headers.get("x-copy")]).toEqual([201, "Created", "application/json", null]);
    expect(await copy.json()).toEqual({ a: "ب" });
  });
});

describe("bytesOf", () => {
  it("finds the bytes of a bytes-backed response, by a symbol any instance of the module shares", () => {
    const bytes = encoded();
    expect(bytesOf(new BytesResponse(bytes))).toBe(bytes.buffer);
    const elsewhere = Object.assign(new Response(null), { [Symbol.for("marsad.bytes-response")]: bytes.buffer });
    expect(bytesOf(elsewhere)).toBe(bytes.buffer);
    expect(bytesOf(new Response(bytes))).toBeNull();
  });
});

describe("pageResponse", () => {
  it("keeps a byte body as bytes, and gives any other body the Fetch API's Response", async () => {
    const bytes = encoded();
    const fromBytes = pageResponse(bytes, { status: 404, statusText: "Not Found", headers: { "content-type": "text/html" } });
    expect(bytesOf(fromBytes)).toBe(bytes.buffer);
    expect([fromBytes.status, fromBytes.statusText, fromBytes.headers.get("content-type")]).toEqual([404, "Not Found", "text/html"]);
    const fromText = pageResponse(page, { status: 200 });
    expect(bytesOf(fromText)).toBeNull();
    expect(await fromText.text()).toBe(page);
    const stream = new Blob([bytes]).stream();
    expect(await pageResponse(stream).text()).toBe(page);
  });

  it("makes a response without a body for a status that has none, as the Fetch API does", () => {
    expect(pageResponse(null, { status: 304 }).body).toBeNull();
    expect(() => pageResponse(encoded(), { status: 304 })).toThrow();
  });
});
