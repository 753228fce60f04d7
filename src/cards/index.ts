/**
 * Share cards: the public surface of `src/cards/`. The site builds `CardSpec`s; the build renders them.
 */
export { type Direction, directionOf, resolveBidi, visualOrder } from "./bidi.ts";
export { cacheKey, type RenderCardsOptions, type RenderCardsResult, renderCards } from "./build.ts";
export { layoutText, type TextBox, type TextBoxOptions } from "./lines.ts";
export { cardSvg, renderCard } from "./render.ts";
export { CARD_HEIGHT, CARD_WIDTH, CardKind, CardSpec, type CardSpecInput } from "../schemas/card.ts";
export { TEMPLATE_VERSION } from "./template.ts";
