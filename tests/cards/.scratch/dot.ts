import { writeFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { layoutText, textBoxSvg } from "../../../src/cards/lines.ts";
const box = layoutText("٢٠٢٥ · 2025 • ١٤ ⋅ ٣٠ | ٤ ، ٥ ‧ ٦ ∙ ٧ ● ٨", { lang: "ar", size: 40, weight: 400, lineHeight: 60, maxWidth: 900 });
writeFileSync("/tmp/cw/dot.png", new Resvg(textBoxSvg(box, "#000"), { background: "#fff" }).render().asPng());
