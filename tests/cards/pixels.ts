/**
 * Pixel helpers for the card tests: PNG header reading, PNG → grey pixels (through resvg, so no extra decoder
 * dependency), and the ink comparison used against Chromium.
 */
import { Resvg } from "@resvg/resvg-js";

export interface Grey {
  width: number;
  height: number;
  /** Luminance 0..255 per pixel, row-major, on white. */
  data: Uint8Array;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error("not a PNG");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.subarray(12, 16)) !== "IHDR") throw new Error("PNG without IHDR first");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Luminance of premultiplied RGBA composited on white. */
function toGrey(rgba: Uint8Array | Buffer, width: number, height: number): Grey {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const a = (rgba[i * 4 + 3] ?? 0) / 255;
    const r = (rgba[i * 4] ?? 0) + 255 * (1 - a);
    const g = (rgba[i * 4 + 1] ?? 0) + 255 * (1 - a);
    const b = (rgba[i * 4 + 2] ?? 0) + 255 * (1 - a);
    data[i] = Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);
  }
  return { width, height, data };
}

/** Rasterises an SVG (no system fonts) to grey pixels at its own size. */
export function svgToGrey(svg: string): Grey {
  const image = new Resvg(svg, { background: "#ffffff", font: { loadSystemFonts: false } }).render();
  return toGrey(image.pixels, image.width, image.height);
}

/** Decodes a PNG by drawing it 1:1 into an SVG of the same size (no smoothing: sizes match exactly). */
export function pngToGrey(png: Uint8Array): Grey {
  const { width, height } = pngSize(png);
  const href = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
  return svgToGrey(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" image-rendering="optimizeSpeed" xlink:href="${href}"/></svg>`,
  );
}

/** Ink = darker than mid-grey: anti-aliased edges count as ink when at least half covered. */
export const INK_THRESHOLD = 128;

function inkMask(img: Grey): Uint8Array {
  return img.data.map((v) => (v < INK_THRESHOLD ? 1 : 0));
}

/** Marks every pixel within `radius` (Chebyshev) of ink. */
function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      for (let dy = -radius; dy <= radius; dy++)
        for (let dx = -radius; dx <= radius; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < height && xx >= 0 && xx < width) out[yy * width + xx] = 1;
        }
    }
  return out;
}

export interface InkComparison {
  /** Share of ink pixels (of both images) with no ink of the other image within the tolerance radius. */
  differing: number;
  /** Plain intersection over union of the two ink masks, no tolerance. */
  iou: number;
  inkA: number;
  inkB: number;
}

/**
 * Compares two same-size renderings of text. `differing` is the headline figure: an ink pixel of A counts as
 * matched when B has ink within `radius` px (and vice versa), which forgives anti-aliasing and sub-pixel glyph
 * placement but not a glyph that is missing, displaced by a stroke width, reordered or drawn from another font.
 */
export function compareInk(a: Grey, b: Grey, radius = 1): InkComparison {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`size mismatch ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  const ma = inkMask(a);
  const mb = inkMask(b);
  const da = dilate(ma, a.width, a.height, radius);
  const db = dilate(mb, b.width, b.height, radius);
  let inkA = 0;
  let inkB = 0;
  let missA = 0;
  let missB = 0;
  let inter = 0;
  let union = 0;
  for (let i = 0; i < ma.length; i++) {
    if (ma[i]) {
      inkA++;
      if (!db[i]) missA++;
    }
    if (mb[i]) {
      inkB++;
      if (!da[i]) missB++;
    }
    if (ma[i] && mb[i]) inter++;
    if (ma[i] || mb[i]) union++;
  }
  return { differing: (missA + missB) / Math.max(1, inkA + inkB), iou: inter / Math.max(1, union), inkA, inkB };
}

/** Writes a red/blue overlay of two ink masks (red: only A, blue: only B, black: both) as an SVG-rendered PNG. */
export function diffPng(a: Grey, b: Grey): Uint8Array {
  const rects: string[] = [];
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const ia = (a.data[y * a.width + x] ?? 255) < INK_THRESHOLD;
      const ib = (b.data[y * b.width + x] ?? 255) < INK_THRESHOLD;
      if (!ia && !ib) continue;
      rects.push(`<rect x="${x}" y="${y}" width="1" height="1" fill="${ia && ib ? "#000" : ia ? "#e00" : "#06f"}"/>`);
    }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${a.width}" height="${a.height}"><rect width="100%" height="100%" fill="#fff"/>${rects.join("")}</svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}
