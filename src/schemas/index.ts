export * from "./common.ts";
export * from "./actor.ts";
export * from "./article.ts";
export * from "./story.ts";
