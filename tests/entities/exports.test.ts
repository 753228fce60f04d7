import { describe, expect, it } from "vitest";
import * as entities from "../../src/entities/index.ts";

describe("public surface of src/entities", () => {
  it("exports the names the CLI and the site import", () => {
    expect(Object.keys(entities).sort()).toEqual(
      [
        "COVERAGE_PERIODS", "CountryFormsFile", "NON_COUNTRY_CODES", "MAX_ROLE_TOKENS", "PlaceEntry", "QueueEntry", "ReviewQueue",
        "buildCountryLexicon", "buildInstitutionIndex", "candidateSlug", "cliticStems", "countryCodes", "countryEntries", "countryName", "createTagger",
        "defaultCountryLexicon", "emptyQueue", "findQueueEntry", "formatKbStats", "kbStats", "inflectArabicAdjective", "isCountryCode",
        "loadCountryLexicon", "loadEntityLexicons", "loadPlaceLexicon", "normaliseArabic", "normaliseWithMap",
        "parseCountryForms", "parsePlaces", "proclitics", "promotedActor", "provisionalActors", "queueCandidates", "removeFromQueue",
        "romanise", "searchTokens", "sentenceSpans", "sourceEnd", "stripClitics", "updateQueue",
      ].sort(),
    );
  });
});
