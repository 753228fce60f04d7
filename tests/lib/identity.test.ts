import { describe, expect, it } from "vitest";
import { articleId, articleKey, ownStoryId } from "../../src/lib/identity.ts";

// Pinned: ids are file names and URLs, and keys are stored in manifests. A change to either breaks every
// published link or makes every stored article look new; it must be deliberate (values from before the move).
const ar = { lang: "ar", title: "تيتيه تطالب مجلس الأمن", body: ["دعت المبعوثة الأممية إلى ليبيا، هانا تيتيه، أعضاء المجلس.", "وقالت إنّ «الطريق» طويل."] };
const en = { lang: "en", title: "UN envoy urges Libya's rivals to agree on a road map", body: ["The envoy said on Tuesday."] };

describe("identity", () => {
  it("keeps article ids and dedupe keys as they were", () => {
    expect(articleId(ar)).toBe("083e9bdf8b6f");
    expect(articleId(en)).toBe("un-envoy-urges-libya-s-rivals-5d16234062e7");
    expect(articleKey(ar)).toBe("89bdeb3ee4f738a9");
    expect(articleKey(en)).toBe("e2493e08b333a83b");
  });

  it("gives a copy with other spelling and punctuation the same key but another id", () => {
    const copy = { ...ar, body: ["دعت المبعوثه الاممية الى ليبيا هانا تيتيه اعضاء المجلس", "وقالت ان الطريق طويل"] };
    expect(articleKey(copy)).toBe(articleKey(ar));
    expect(articleId(copy)).not.toBe(articleId(ar));
  });

  it("names an article's own story by its id", () => {
    expect(ownStoryId({ id: "083e9bdf8b6f" })).toBe("083e9bdf8b6f");
  });
});
