/**
 * A `Response` that keeps the bytes it was given and hands them back without copying them. The Fetch API's own
 * `Response` copies a byte body when it is made, wraps it in a stream, and copies it again when it is read; for the
 * site build's pages and feeds (half a gigabyte at 10,000 articles) those copies, streams and their garbage cost
 * seconds of the one thread that renders. Astro's writer reads a rendered page twice: it asks whether there is a
 * `body`, then reads `arrayBuffer()`.
 *
 * It is found by a symbol rather than `instanceof`: the Astro build bundles this module into its server chunks, a
 * second instance of the class beside the one Node loads (`bytesOf`).
 */

/** Where a bytes-backed response keeps its bytes (`bytesOf`), shared by every instance of this module. */
const BYTES = Symbol.for("marsad.bytes-response");

/** Statuses whose response has no body (the Fetch standard's null body statuses). */
export const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** The bytes `body` holds, as one exactly sized buffer (a view over part of a larger one is copied, once). */
function ownBuffer(body: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = body;
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength ? buffer : (body.slice().buffer as ArrayBuffer);
}

export class BytesResponse extends Response {
  readonly [BYTES]: ArrayBuffer;

  constructor(bytes: ArrayBuffer | Uint8Array, init: ResponseInit = {}) {
    super(null, init);
    const buffer = bytes instanceof ArrayBuffer ? bytes : ownBuffer(bytes);
    this[BYTES] = buffer;
    // `body` as a response with these bytes has it: a stream of them, made when asked for.
    let stream: ReadableStream<Uint8Array> | undefined;
    Object.defineProperty(this, "body", { get: () => (stream ??= bytesStream(buffer)), enumerable: true, configurable: true });
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this[BYTES]);
  }
  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return Promise.resolve(new Uint8Array(this[BYTES]));
  }
  override text(): Promise<string> {
    return Promise.resolve(new TextDecoder().decode(this[BYTES]));
  }
  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  override blob(): Promise<Blob> {
    return Promise.resolve(new Blob([this[BYTES]], { type: this.headers.get("content-type") ?? "" }));
  }
  override formData(): Promise<FormData> {
    return new Response(this[BYTES], this.#init()).formData();
  }
  override clone(): BytesResponse {
    return new BytesResponse(this[BYTES], this.#init());
  }
  #init(): ResponseInit {
    return { status: this.status, statusText: this.statusText, headers: new Headers(this.headers) };
  }
}

/**
 * A stream of `bytes` that hands them over only when read: a caller that only asks whether there is a body (Astro's
 * writer) costs no copy. (A `Blob`'s stream copied every page once more.)
 */
function bytesStream(bytes: ArrayBuffer): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    },
    // No chunk is pulled ahead of a read.
    { highWaterMark: 0 },
  );
}

/** The bytes of a response made here (by any instance of this module), or null for any other response. */
export function bytesOf(response: Response): ArrayBuffer | null {
  const bytes = (response as { [BYTES]?: unknown })[BYTES];
  return bytes instanceof ArrayBuffer ? bytes : null;
}

/**
 * `new Response(body, init)`, bytes-backed when `body` is bytes and the status may have a body: what Astro's page
 * renderer makes of an encoded page (src/site/astro-page-responses.ts). Any other body gets the Fetch API's `Response`.
 */
export function pageResponse(body: BodyInit | null | undefined, init?: ResponseInit): Response {
  return body instanceof Uint8Array && !NULL_BODY_STATUSES.has(init?.status ?? 200) ? new BytesResponse(body, init) : new Response(body, init);
}
