/** Card size: the Open Graph large-image size. A module of its own so the render workers need not load zod. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
