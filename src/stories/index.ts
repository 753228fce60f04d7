/**
 * The stories stage: extractive lead summaries and grouping of articles into stories (one news development
 * across outlets, languages and days).
 */
export { summarise, splitSentences, stripFurniture, isFurniture } from "./summary.ts";
export { groupStories, type StoryInput } from "./group.ts";
export { storiesLexicon, parseStoriesLexicon, StoriesLexicon } from "./lexicon.ts";

import { groupStories, type StoryInput } from "./group.ts";
import { ownStoryId } from "../lib/identity.ts";

/** Sets `story` on every article (in place): kept when set, else joined to or started from the others. */
export function assignStories<T extends StoryInput & { story?: string }>(articles: T[], existing: readonly StoryInput[] = []): void {
  const stories = groupStories([...existing, ...articles]);
  for (const a of articles) a.story = stories.get(a.id) ?? ownStoryId(a);
}
