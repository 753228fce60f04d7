/**
 * Stage "classify": gives every line a kind from its own shape and cues, then corrects kinds from its
 * neighbours and from repetition across the page.
 *
 * Features, in the order they decide: list bullet → whole-line cue (related block, summary box, masthead,
 * comment form, footer, marker) → field-labelled photo caption or credit ("التعليق على الصورة،…", "صدر
 * الصورة،…") → labelled furniture ("المصدر: …", "شروط النشر: …") → footer phrases, links, menus → date-only
 * line (a clock or relative time is marked as a stamp) → counter ("عدد المشاهدات: ٣٤١٢") → byline ("By …",
 * "Name, Role", a bare role) → outlet label → photo caption (credit suffix) → prose (sentence punctuation and
 * length) → heading (everything else short). HTML markup, when the page had it, overrides the text's verdict
 * (nav/footer/aside, figcaption, byline, time, h1–h6, li). Then, page-wide: on a page that drops final periods
 * long headings are prose; doubled lines and lines under an image marker are captions; the name under a
 * masthead role or an "Author," field and the bullets of a summary box are furniture or bylines; every line gets
 * its repetition count (lines of the page carrying the same folded text), and a short sentence repeated three
 * times or more is furniture; the page's own outlet (a masthead line its copyright notice repeats) is marked.
 */
import { boilerplate, matchPrefix, type Boilerplate, type PrefixSet } from "./boilerplate.ts";
import { classifyDateLine, findMonthDays, type DateMention } from "./dates.ts";
import { opensWithDateline } from "./dateline.ts";
import type { Line } from "./segment.ts";
import { SETTINGS } from "./settings.ts";
import { isMasthead, splitAgency } from "./credits.ts";
import { CLITICS } from "../text/clitics.ts";
import { DIGIT, DIGIT_CLASS as D, DIGIT_RANGES } from "../text/digits.ts";
import { alternation } from "./lexicon/load.ts";
import { NAMES } from "./lexicon/names.ts";
import { countWords, fold, formSet, sharedShare } from "./text.ts";

/** What a line is on the page. */
export type LineKind =
  /** A body-like paragraph: sentence punctuation and enough words, or long. */
  | "prose"
  /** A short headline-like line: a title, kicker, deck, crosshead, teaser title or section name. */
  | "heading"
  /** A photo caption: a credit in final parentheses, or a line doubled back to back. */
  | "caption"
  /** A line that is only a date (publication line, page-header date, stamp, clock). */
  | "date"
  /** An author line: "بقلم …", "By …", "طرابلس ـ فاطمة …". */
  | "byline"
  /** An outlet label: "مصر اليوم -", "الجزيرة:", "«الشرق الأوسط» (باريس)". */
  | "label"
  /** "المصدر: الجزيرة": the source of the article above, and the end of its body. */
  | "attribution"
  /** Opens a block of other articles (related headlines, teasers, read-also articles). */
  | "related"
  /** Opens a generated summary box. */
  | "summary"
  /** Closes an article body: comments, tags, share rows, footers, forms. */
  | "end"
  /** A list item. */
  | "bullet"
  /** Other furniture: markers, masthead, clocks, lifestyle widgets, labelled links. */
  | "junk";

/** A line with its features and kind. */
export interface ClassifiedLine extends Line {
  kind: LineKind;
  words: number;
  /** Folded text (see text.ts); "" for lines too long to be compared. */
  key: string;
  /** True when the line ends like a sentence (period, question or exclamation mark, ellipsis). */
  endsSentence: boolean;
  /** Lines of the page carrying this line's key, itself included (1 = not repeated). */
  repeats: number;
  /** Source outlet (label, attribution, outlet byline) or author (byline) given by the line. */
  value?: string;
  /** City given by a byline "طرابلس ـ فاطمة …" or a stamp «الشرق الأوسط» (باريس). */
  dateline?: string;
  /** Dates on a date line, or labelled dates on a short line. */
  dates?: DateMention[];
  /** Credit of a caption, without parentheses. */
  credit?: string;
  /** A caption's own text when the line carries a field label before it ("التعليق على الصورة،…"). */
  caption?: string;
  /**
   * A date line that gives no calendar day: a clock time ("18:05", "١٠:٤٥ ص") or a relative time ("منذ ساعة",
   * "2 hours ago"). Such lines stamp live-blog updates and teasers; they never date an article.
   */
  stamp?: "clock" | "relative";
  /** Set on the bullets of a summary box ("استمع إلى الملخص" + bullets). */
  summaryItem?: boolean;
  /** Keys the line stands for (see {@link lineVariants}); computed once per page. */
  variants: string[];
  /** True for a short line that names an outlet (see {@link looksLikeOutlet}); computed once per page. */
  outlet: boolean;
  /** True for a line carrying the page's own masthead name (see markBrand). */
  brand?: boolean;
  /** News agency a "By …" byline ends with ("By Jane Doe Reuters"): the article's source (credits.ts). */
  agency?: string;
}

/** A classified page: its lines and, per key, the lines that carry it (as text or as a variant). */
export interface ClassifiedPage {
  lines: ClassifiedLine[];
  occurrences: Map<string, number[]>;
}

const BULLET = /^(?:[•·●▪■◦‣∙○◆►▶➢✓✔]|[-–*](?=\s)|\d{1,2}[.)](?=\s))\s*/u;
const SENTENCE_END = /[.!?؟…。۔]$/u;
const TRAILING_CLOSERS = /[\s"'»”’)\]}>›]+$/u;
/** Final bracketed text of a caption: "(أ.ف.ب)", "( وسائل التواصل الاجتماعي)", "[Photo: Presidential Council]". */
const CREDIT_SUFFIX = /[(（[]([^()（）[\]]{1,80})[)）\]]$/u;
const CLOSING_BRACKET = /[)）\]]$/u;
const DASH = /[-–—ـ]/u;
/** A dash before a short credit: "… يخاطب قوات الجيش - أرشيف". */
const DASH_CREDIT = /\s[-–—ـ]\s*([^-–—ـ]{1,30})$/u;
/** "Outlet/Photographer" closing an English caption: "… Sudan. MENA Wire/Stringer", "REUTERS/Ayman Sahli". */
const SLASH_CREDIT = /(?:^|\s)\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}(?:\/\s?\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*){0,3}){1,3}$/u;
/** Navigation rows: items separated by runs of spaces or by separators ("Home  News  Sports", "A › B › C"). */
const NAV_SEPARATOR = /\s{2,}|\s[|·›>»•]\s/gu;
/** What every NAV_SEPARATOR match holds: tested first, it spares the matching most lines. */
const NAV_HINT = /\s\s|[|·›>»•]/u;
/** "القاهرة: سامر الفيتوري", "نيويورك: «الشرق الأوسط»": place, colon, name. */
const PLACE_COLON_NAME = /^(\S+(?:\s\S+)?)\s*:\s*(\S+(?:\s+\S+){0,3})$/u;
/** «Outlet» (City): the stamp under a teaser. */
const OUTLET_STAMP = /^«([^»]{1,60})»\s*[(（]([^()]{1,40})[)）]$/u;
/** "Outlet -", "Outlet:", "Outlet |", "Outlet/ -": a label that ends in a separator (a slash before it is one too). */
const ENDS_IN_SEPARATOR = /^(.+?)[\s/]*[-–—ـ:|]+$/u;
/** "طرابلس ـ فاطمة السعداوي", "Aden - Asharq Al-Awsat": place, spaced dash, name. */
const PLACE_DASH_NAME = /^([^\s:|]+(?:\s+[^\s:|]+){0,2})\s+[-–—ـ]+\s+([^:|]+)$/u;
/** Caption text, a credit label and its value: "… في أربيل. الصورة: مكتب الحكومة". */
const LABELLED_CREDIT = /^(.*?\S)[\s.،,|]+(\p{L}+(?:\s\p{L}+)?)\s*[:：]\s*([^:：]{1,60})$/u;
/** "بغداد/ الجسر نيوز": place, slash, outlet or name. */
const PLACE_SLASH_NAME = /^([^\s/:|]+(?:\s[^\s/:|]+)?)\s*\/\s*([^/:|]+)$/u;
/** "Jane Roe in Harbor City": two to four capitalised names, then "in" and a capitalised place. */
const NAME_THEN_PLACE = new RegExp(
  `^(\\p{Lu}[\\p{L}'.-]+(?:\\s\\p{Lu}[\\p{L}'.-]+){1,3})\\s+(?:${alternation(NAMES.byline_place_words.at)})\\s+\\p{Lu}[\\p{L}'.-]*(?:\\s\\p{Lu}[\\p{L}'.-]*)?$`,
  "u",
);
/** " in Dakar" after a byline name. */
const NAME_IN_PLACE = new RegExp(
  `\\s+(?:${alternation([...NAMES.byline_place_words.at, ...NAMES.byline_place_words.from])})\\s+\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*)?\\s*$`,
  "u",
);
/** Separators between a name and a role on a byline ("Jane Doe, Correspondent", "سامي يوسف - مراسل"). */
const ROLE_SEPARATOR = /\s*[,،]\s*|\s+[-–—|]\s+/u;
/** Longest name before a role on a byline. */
const ROLE_NAME_MAX_WORDS = 4;
/** Separators between a page title and an outlet name: "Outlet - headline", "headline | Outlet". */
const TITLE_SEPARATOR = /\s+[-–—ـ|]\s+|\s*\|\s*/u;
/** A web address or an e-mail address. */
const URL = /\bhttps?:\/\/|\bwww\.[\w-]+\.|[\w.-]+@[\w-]+\.[a-z]{2,}/iu;
/** A row of hashtags. */
const HASHTAGS = /^(?:#[\p{L}\p{N}_]+\s*)+$/u;
/** A line that is only a numeric date, optionally with a clock time. */
const NUMERIC_DATE_LINE = new RegExp(
  `^${D}{1,4}[/.\\-]${D}{1,2}[/.\\-]${D}{1,4}(?:\\s*[-–|,،]?\\s*${D}{1,2}:${D}{2}(?::${D}{2})?)?\\s*$`,
  "u",
);
/** A year, a numeric date or clock, or a number before a word: only such lines are handed to the date finder. */
const DATE_SHAPE = new RegExp(`${D}{4}|${D}[:/.\\-]${D}|${D}\\s*\\p{L}`, "u");
/** Lines at the very top of a page, where "الجزيرة:" is an outlet label rather than a lead-in to a quote. */
const PAGE_TOP_LINES = 3;
/** Longest line checked for naming an outlet (labels observed: 1–4 words). */
const OUTLET_CHECK_MAX_WORDS = 6;
/** Characters of a very long line whose words are counted. */
const LONG_LINE_SAMPLE = 20_000;
/** A short sentence repeated this often on a page is furniture (a copy of a whole article repeats only twice). */
const REPEATED_SLOGAN_MIN = 3;
const { line: L, header: H, article: A } = SETTINGS;
/** The comma or colon after a field label ("صدر الصورة،", "Image caption,", "Photo:"). */
const FIELD_SEPARATOR = /\s*[,،:：]\s*/u;
/** A caption ending in "© Credit". */
const COPYRIGHT_CREDIT = /^(.*\S)\s*©\s*([^©]{1,60})$/u;
/** "Label: 3412", "رقم البيان: 2025/318": a counter or reference number after a short label. */
const COUNTER = new RegExp(`^([^:：]{1,40}?)\\s*[:：]\\s*[#№]?${D}[${DIGIT_RANGES},.\\s/\\-٬٫]*$`, "u");
/** "Comments (0)", "التعليقات (٣)": a short label with a count in brackets. */
const BRACKET_COUNT = new RegExp(`^(.{1,40}?)\\s*[(（[]\\s*${D}+\\s*[)）\\]]$`, "u");
/** A folded popularity counter: a number (separators allowed), then one unit word. */
const VIEW_COUNTER = /^\d[\d,.\s]*\s(\S+)$/u;
/** Longest popularity counter ("1,234,567 comments" = 18): longer lines are not looked at (the pattern backtracks). */
const VIEW_COUNTER_MAX_CHARS = 32;
/** The longest line any caption test looks at (a caption closed by a credit field is the longest). */
const CAPTION_ANY_MAX_WORDS = Math.max(L.captionMaxWords, L.creditedCaptionMaxWords);
/** Most words in the label of a counter line ("عدد المشاهدات", "Total views today"). */
const COUNTER_LABEL_MAX_WORDS = 4;
/** A clock time on a date line ("18:05", "١٠:٤٥ ص"). */
const CLOCK = new RegExp(`${D}{1,2}\\s*[:：]\\s*${D}{2}`, "u");
/** Whole-line cues that are widget words ("Share", "Email") when they make up a row. */
const WIDGET_CUES: ReadonlySet<string | undefined> = new Set(["marker", "form"]);
/** Longest row of widget words read as one furniture line. */
const MARKER_ROW_MAX_WORDS = 8;
/** Lines at the top of a page searched for its masthead name. */
const BRAND_TOP_LINES = 6;
/** Longest masthead name ("شبكة نبض كوردستان الإعلامية" = 4). */
const BRAND_MAX_WORDS = 5;
/** Between an outlet and a city: "Outlet - City", "City/ Outlet", "City – Outlet". */
const BRAND_PLACE_SEPARATOR = /\s+[-–—ـ|]\s+|\s*\/\s*/u;
/** Longest author name on the line after an "Author," field label. */
const AUTHOR_NAME_MAX_WORDS = 4;
/** Reference date handed to dates.ts only to learn whether a line holds a relative time. */
const PROBE_REFERENCE = "2000-01-01";
/**
 * Different policy phrases that make a line a comment or privacy notice: news about a platform may name its
 * "privacy policy" and "terms of use"; the notices observed hold 4–7.
 */
const POLICY_MIN_PHRASES = 3;
/** How far into a line its date may start (a weekday may come first) for the line to open with it. */
const DATE_FIRST_MAX_OFFSET = 3;
/** A field separator somewhere after a line's opening date: "… 2012 الساعة 01 صباحاً / تعز". */
const FIELD_SEPARATOR_AFTER_DATE = /^[^.!?؟]{0,40}?\s[/|]\s/u;
/** Two or more dots (or an ellipsis) inside a headline: "الانتخابات الليبية... لماذا". */
const DOT_RUN = /\.{2,}|…/gu;
/** A whole line in square brackets: an inline link ("[Read: …]") or an editor's note. */
const INLINE_LINK = /^\[[^[\]]{3,300}\]$/u;
/** A gallery's slide counter: "1 of 24", "3/12". */
const GALLERY_COUNT = new RegExp(`^${D}{1,3}\\s*(?:\\/|${alternation(NAMES.slide_counter_of)})\\s*${D}{1,3}$`, "iu");
/** "… the capital. Credit Jane Doe/Agency": a caption closed by a credit field without a colon (NYT style). */
const TRAILING_CREDIT = /[.!?”"’)]\s+(\p{L}+)\s+(\p{Lu}[^.!?]{1,80})$/u;
/** A token closed by sentence punctuation: never a glued marker. */
const SENTENCE_PUNCTUATION_END = /[.!?؟…]$/u;
/** A short line that is a form field: "الإسم *", "Security Code*". */
const FORM_STAR = /\*\s*$/u;

/** True when `text` ends like a sentence (closing quotes and brackets skipped). */
export function endsLikeSentence(text: string): boolean {
  // Only the tail matters; slicing keeps the end-anchored regex cheap on very long lines.
  return SENTENCE_END.test(text.slice(-40).replace(TRAILING_CLOSERS, ""));
}

/** Removes trailing marker tokens glued to a line ("… (رويترز) p-circle"). */
function stripTrailingMarkers(text: string, lex: Boilerplate): string {
  let out = text;
  for (let guard = 0; guard < 3; guard++) {
    const space = out.lastIndexOf(" ");
    // Only a bare token: "photo)" closes a credit "(SUNA photo)", it is not a glued "Photo" marker.
    const token = out.slice(space + 1);
    // A marker token ends in a letter or digit ("p-circle", "TT"); a paragraph's last word ends in its period.
    if (space < 0 || SENTENCE_PUNCTUATION_END.test(token) || /[()（）[\]]/u.test(token) || lex.lines.get(fold(token)) !== "marker") break;
    out = out.slice(0, space).trimEnd();
  }
  return out;
}

/** Text after the first `n` words of `text`, without leading separators. */
function afterWords(text: string, n: number): string {
  const tokens = text.split(/\s+/);
  let seen = 0;
  let i = 0;
  for (; i < tokens.length && seen < n; i++) if (/[\p{L}\p{N}]/u.test(tokens[i]!)) seen++;
  return tokens
    .slice(i)
    .join(" ")
    .replace(/^[\s:：\-–—ـ|,،]+/u, "")
    .trim();
}

/** True when a colon follows the first words of `text` (a label "المصدر: …" rather than a sentence). */
function hasColonAfterCue(text: string, cueWords: number): boolean {
  const head = text.split(/\s+/).slice(0, cueWords + 1).join(" ");
  return /[:：]/u.test(head);
}

/**
 * The value of a field-labelled line ("التعليق على الصورة،جنود …" → "جنود …") when the line opens with an entry
 * of `set` followed by a comma or colon; null otherwise.
 */
function labelledField(text: string, key: string, set: PrefixSet): string | null {
  const label = matchPrefix(set, key);
  if (label === null) return null;
  const cut = FIELD_SEPARATOR.exec(text);
  if (!cut || countWords(text.slice(0, cut.index)) !== label.split(" ").length) return null;
  return text.slice(cut.index + cut[0].length).trim();
}

/**
 * True when the text after the line's last colon (either width) is 1–60 characters once its leading spaces go:
 * what LABELLED_CREDIT's tail needs. Checked first, it spares the pattern's scan from the start of every line
 * with a colon somewhere.
 */
function creditAfterLastColon(text: string): boolean {
  const colon = Math.max(text.lastIndexOf(":"), text.lastIndexOf("："));
  if (colon < 0) return false;
  const tail = text.slice(colon + 1).trimStart().length;
  return tail >= 1 && tail <= LABELLED_CREDIT_MAX_CHARS;
}

/** The longest credit LABELLED_CREDIT reads after its colon. */
const LABELLED_CREDIT_MAX_CHARS = 60;

/** "… بالرباط © MAP": the credit after a "©" that closes a caption-shaped line; null for copyright notices. */
function copyrightCredit(text: string): string | null {
  // The pattern backtracks over the whole line; most lines have no "©" at all.
  if (!text.includes("©")) return null;
  const m = COPYRIGHT_CREDIT.exec(text);
  if (!m) return null;
  const credit = m[2]!.trim();
  if (countWords(m[1]!) < L.captionMinWords || countWords(credit) > L.creditMaxWords || DIGIT.test(credit)) return null;
  return credit;
}

/** True for a line that only says "image" ("صورة", "الصورة", "Photo"): a photo's place in the text. */
function isImageMarker(line: ClassifiedLine, lex: Boilerplate): boolean {
  return line.words <= 2 && line.key !== "" && matchPrefix(lex.creditPrefixes, line.key) === line.key;
}

/** The article, alone or with a preposition attached, before at least two letters (src/text/clitics.yaml). */
const ARTICLE = new RegExp(`^(?:${alternation(CLITICS.article)})(?=..)`, "u");

/** True when a short text names an outlet (has an outlet word). */
export function looksLikeOutlet(text: string, lex: Boilerplate = boilerplate(), key: string = fold(text)): boolean {
  // «عربي ودولي», «مقالات الرأي»: a section holds an outlet word but names no outlet.
  if (lex.sectionNames.has(key)) return false;
  for (const w of key.split(" ")) {
    // "الصحيفه" → "صحيفه": the lexicon lists bare words; the article and attached prepositions vary.
    if (lex.outletWords.has(w) || lex.outletWords.has(w.replace(ARTICLE, ""))) return true;
  }
  return /\.(com|net|org|info|news|tv)\b/i.test(text);
}

type Features = Omit<ClassifiedLine, keyof Line | "repeats" | "variants" | "outlet">;
type Found = Partial<Features> & { kind: LineKind };

/** Kind and features of one line from its own text (no neighbours). */
function classifyOne(line: Line, lex: Boilerplate): Features {
  const text = line.text;
  // A very long line is prose whatever its exact length; counting a sample keeps a 5 MB line cheap.
  const words = countWords(text.length > LONG_LINE_SAMPLE ? text.slice(0, LONG_LINE_SAMPLE) : text);
  const endsSentence = endsLikeSentence(text);
  // A short line ending in "?" or "!" with no other sentence inside is a headline ("ما الذي ينتظره المؤتمر؟");
  // between two paragraphs it is still kept, as a crosshead.
  // "… وحماس.. ما الخطوات التالية؟": a run of dots inside a headline separates its parts, it ends no sentence.
  const headlineLike =
    words <= L.questionHeadlineMaxWords && /[?؟!]["'»”’)\s]*$/u.test(text) && !/[.!?؟][\s"'»”’)]+\S/u.test(text.replace(DOT_RUN, " "));
  const isProse = ((endsSentence && words >= L.proseMinWords) || words >= L.proseLongWords) && !headlineLike;
  if (text.length > L.cueMaxChars) {
    return { words, endsSentence, key: isProse ? fold(text.slice(0, 2000)) : "", kind: isProse ? "prose" : "heading" };
  }
  const key = fold(text);
  const cue = cueKind(text, key, words, isProse, lex);
  // "الأربعاء، 28 آب 2013، آخر تحديث 14:00": a furniture phrase beside a full date does not hide the date.
  const dated = cue?.kind === "junk" && DATE_SHAPE.test(text) ? dateKind(text, words, isProse) : null;
  const found: Found =
    (dated?.dates?.length ? dated : cue) ??
    dateKind(text, words, isProse) ??
    counterKind(text, key, words, isProse, lex) ??
    bylineOrLabel(line, text, key, words, isProse, lex) ??
    captionKind(text, words, isProse, lex) ??
    { kind: isProse ? "prose" : "heading" };
  return { words, endsSentence, key, ...found };
}

/** Cue lexicon and structural furniture: bullets, whole-line cues, labelled furniture, forms, footers, menus. */
function cueKind(text: string, key: string, words: number, isProse: boolean, lex: Boilerplate): Found | null {
  if (BULLET.test(text) && !/^\d{1,2}[.)]\s*\d/u.test(text)) return { kind: "bullet" };
  if (key === "") return { kind: "junk" };
  const cue = lex.lines.get(key);
  if (cue) return { kind: cue === "marker" || cue === "masthead" ? "junk" : cue === "form" ? "end" : cue };
  if (words <= 6 && FORM_STAR.test(text)) return { kind: "end" };
  // "A version of this article appears in print on …": an edition note repeats the headline, so it runs long.
  if (matchPrefix(lex.editionNotes, key)) return { kind: "junk" };
  // "[Read: …]", "[Bardo museum houses …]": a line wholly in square brackets is an inline link or an editor's
  // note dropped into the text, never a headline or body.
  if (INLINE_LINK.test(text)) return { kind: "junk" };
  // "1 of 24": a gallery's slide counter.
  if (GALLERY_COUNT.test(text)) return { kind: "junk" };
  // A row made only of widget words ("Share Tweet Email", "طباعة حفظ مشاركة", "Facebook X WhatsApp").
  if (words >= 2 && words <= MARKER_ROW_MAX_WORDS && key.split(" ").every((w) => WIDGET_CUES.has(lex.lines.get(w)))) return { kind: "junk" };

  // Field-labelled photo furniture: "صدر الصورة،Reuters" is a credit, "التعليق على الصورة،…" a caption.
  const fieldCaption = labelledField(text, key, lex.captionPrefixes);
  if (fieldCaption !== null && countWords(fieldCaption) >= 2) return { kind: "caption", caption: fieldCaption };
  if (labelledField(text, key, lex.creditPrefixes) !== null && words <= L.creditMaxWords + 3) return { kind: "junk" };

  const attribution = matchPrefix(lex.attribution, key);
  if (attribution && words <= 12 && hasColonAfterCue(text, attribution.split(" ").length)) {
    // "المصدر: النهار | منذ 3 ساعات": the source is the first field.
    const value = afterWords(text, attribution.split(" ").length).split(/\s[|·]\s/u)[0]!.trim();
    return value ? { kind: "attribution", value } : { kind: "attribution" };
  }
  // A site's comment rules or privacy notice, however long: two of its phrases in one line.
  if (isPolicyNotice(key, lex)) return { kind: "end" };
  const label = matchPrefix(lex.furnitureLabels, key);
  if (label && (key === label || hasColonAfterCue(text, label.split(" ").length))) return { kind: "junk" };
  if (!isProse && matchPrefix(lex.endPrefixes, key)) return { kind: "end" };
  if (words <= L.footerMaxWords && lex.footerPattern.test(key)) return { kind: "junk" };
  // "©" closes copyright lines, but also photo captions ("… بالرباط © MAP"): those are left to captionKind.
  if (words <= L.footerMaxWords && text.includes("©") && copyrightCredit(text) === null) return { kind: "junk" };
  if (!isProse && words <= 12) {
    if (matchPrefix(lex.furniturePrefixes, key)) return { kind: "junk" };
    if (lex.furniturePattern.test(key)) return { kind: "junk" };
  }
  // Links and hashtag rows are never body.
  if (!isProse && (URL.test(text) || HASHTAGS.test(text))) return { kind: "junk" };
  // A menu or breadcrumb: several items separated by wide spaces or separators (one "·"/"›" is enough).
  if (!isProse && NAV_HINT.test(text)) {
    const separators = text.match(NAV_SEPARATOR) ?? [];
    if (separators.length >= 2 || separators.some((x) => /[·›>]/u.test(x))) return { kind: "junk" };
  }
  return null;
}

/** True when a line holds `POLICY_MIN_PHRASES` different comment-rule or privacy phrases. */
function isPolicyNotice(key: string, lex: Boilerplate): boolean {
  // One pass finds the lines holding any phrase at all (almost none); only those are counted phrase by phrase.
  if (!lex.policyPattern.test(key)) return false;
  let n = 0;
  for (const p of lex.policyPhrases) if (key.includes(p) && ++n >= POLICY_MIN_PHRASES) return true;
  return false;
}

/** Date-only lines, including ones dates.ts leaves undecided ("Nov. 3, 2025 9:02 AM GMT+2", "نُشر: 18:40-3 …"). */
function dateKind(text: string, words: number, isProse: boolean): Found | null {
  if (words > 16 || isProse || !(DATE_SHAPE.test(text) || words <= 4)) return null;
  const date = classifyDateLine(text);
  if (date.isDateLine) {
    const found: Found = { kind: "date", dates: date.dates };
    if (!date.dates.some((d) => d.kind !== "relative")) {
      if (classifyDateLine(text, { reference: PROBE_REFERENCE }).dates.some((d) => d.kind === "relative")) found.stamp = "relative";
      else if (CLOCK.test(text) && !NUMERIC_DATE_LINE.test(text)) found.stamp = "clock";
    }
    return found;
  }
  // "11/10/2024": a numeric date dates.ts leaves unread because day and month could swap; still a date line.
  if (NUMERIC_DATE_LINE.test(text)) return { kind: "date", dates: [] };
  const full = date.dates.filter((d) => d.kind !== "relative" && d.precision === "day");
  if (full.some((d) => d.label === "published" || d.label === "updated")) return { kind: "date", dates: full };
  if (full.length === 0) return null;
  // What is left once the dates are cut out: a label, a weekday, a zone, a clock. A few words at most.
  let residue = "";
  let cursor = 0;
  for (const d of full) {
    residue += `${text.slice(cursor, d.start)} `;
    cursor = d.end;
  }
  residue += text.slice(cursor);
  const letterWords = residue.split(/\s+/u).filter((t) => /\p{L}/u.test(t) && !/\d/u.test(t)).length;
  if (letterWords <= L.dateResidueMaxWords) return { kind: "date", dates: full };
  // "الإثنين 06 أغسطس 2012 الساعة 01 صباحاً / تعز - فلان": a line that opens with its date and goes on with
  // fields after a separator (place, reporter, outlet) is the article's date line.
  const first = full[0]!;
  const rest = text.slice(first.end);
  return first.start <= DATE_FIRST_MAX_OFFSET && FIELD_SEPARATOR_AFTER_DATE.test(rest) && !endsLikeSentence(text) ? { kind: "date", dates: full } : null;
}

/**
 * Counters and reference numbers: "عدد المشاهدات: ٣٤١٢", "رمز الخبر: 68921", "Comments (0)", and lines with no
 * letter at all ("1", "٢٣٤"). Page furniture, never a headline (date lines were recognised before).
 */
function counterKind(text: string, key: string, words: number, isProse: boolean, lex: Boilerplate): Found | null {
  if (isProse || words > COUNTER_LABEL_MAX_WORDS + 3) return null;
  if (!/\p{L}/u.test(text)) return { kind: "junk" };
  if (isViewCounter(key, lex)) return { kind: "junk" };
  const m = COUNTER.exec(text) ?? BRACKET_COUNT.exec(text);
  if (!m || countWords(m[1]!) > COUNTER_LABEL_MAX_WORDS || !/\p{L}/u.test(m[1]!)) return null;
  // "التعليقات (3)", "Comments (12)": the cue keeps its meaning with its count.
  const cue = lex.lines.get(fold(m[1]!));
  if (cue === "end" || cue === "form" || cue === "related") return { kind: cue === "form" ? "end" : cue };
  return { kind: "junk" };
}

/** "48801 read", "٢٣٤ مشاهدة" (folded): a number, then a counter unit of the lexicon (`counter_units`). */
function isViewCounter(key: string, lex: Boilerplate): boolean {
  if (key.length > VIEW_COUNTER_MAX_CHARS) return false;
  const m = VIEW_COUNTER.exec(key);
  return m !== null && lex.counterUnits.has(m[1]!);
}

/** Bylines ("بقلم …", "By …", "طرابلس ـ فاطمة …", "القاهرة: سامر …") and outlet labels ("مصر اليوم -"). */
function bylineOrLabel(line: Line, text: string, key: string, words: number, isProse: boolean, lex: Boilerplate): Found | null {
  if (isProse) return null;
  if (words > H.labelMaxWords + 2) return longByline(text, key, words, lex);
  const role = bylineRole(text, key, lex);
  if (role) return role;
  const by = matchPrefix(lex.bylinePrefixes, key);
  if (by) {
    // "By Jane Doe in Dakar": the name stops before the place.
    // "By Omar Fathy | Cairo": the name is the first field.
    const value = afterWords(text, by.split(" ").length).split(/\s+[|·•]\s+/u)[0]!.replace(NAME_IN_PLACE, "");
    if (value && countWords(value) <= 5) return credited({ kind: "byline", value });
    // "By Jane Doe and John Roe Reuters": two names and an agency, read as a long byline.
    const long = longByline(text, key, words, lex);
    if (long) return long;
  }
  const stamp = OUTLET_STAMP.exec(text);
  if (stamp) return { kind: "label", value: stamp[1]!.trim(), dateline: stamp[2]!.trim() };
  const slashed = PLACE_SLASH_NAME.exec(text);
  // "بغداد/ الجسر نيوز": a slash only separates a place from an outlet ("Politique / سياسة" is a bilingual label).
  const outletSlash = slashed && looksLikeOutlet(slashed[2]!, lex) ? slashed : null;
  // "الدوحة - قنا:": a trailing colon does not change the label.
  const bare = text.replace(/\s*[:：]$/u, "");
  const placed = words <= 6 && !DIGIT.test(text) ? (PLACE_DASH_NAME.exec(bare) ?? PLACE_COLON_NAME.exec(bare) ?? outletSlash) : null;
  if (placed && countWords(placed[2]!) <= 4 && !endsLikeSentence(text)) {
    const place = placed[1]!.trim();
    const name = placed[2]!.replace(/^«|»$/gu, "").trim();
    // "Outlet - City" is the reverse order of "City - Outlet": the outlet names the source, the city the dateline.
    if (countWords(place) <= 3 && countWords(name) <= 2 && looksLikeOutlet(place, lex) && !looksLikeOutlet(name, lex)) {
      return { kind: "label", value: place.replace(/^«|»$/gu, ""), dateline: name };
    }
    if (countWords(place) <= 2) {
      if (looksLikeOutlet(name, lex)) return { kind: "label", value: name, dateline: place };
      return { kind: "byline", value: name, dateline: place };
    }
  }
  const sep = ENDS_IN_SEPARATOR.exec(text);
  if (sep && countWords(sep[1]!) <= H.labelMaxWords && countWords(sep[1]!) >= 1) {
    // "وأكدت المصادر:" introduces a quote; a dash, or a colon after an outlet name or atop the page, makes a label.
    const name = sep[1]!.replace(/^«|»$/gu, "").trim();
    const colon = /[:：]\s*$/u.test(text);
    // "وفيما يلي نص البيان:", "وقال:": a lead-in that opens like the article's own text is that text, not a label.
    if (colon && matchPrefix(lex.continuationPrefixes, key) !== null) return null;
    if (!colon || looksLikeOutlet(name, lex) || line.index < PAGE_TOP_LINES) return { kind: "label", value: name };
  }
  return null;
}

/**
 * A long "By …" line: two or more names ("By Jane Doe and John Roe Reuters") or the name with the date and a
 * follow prompt ("By Jane Doe March 18 at 3:57 PM Follow @jdoe"). The author is the text before the date.
 */
function longByline(text: string, key: string, words: number, lex: Boilerplate): Found | null {
  if (words > L.bylineMaxWords || endsLikeSentence(text)) return null;
  const by = matchPrefix(lex.bylinePrefixes, key);
  if (by === null) return null;
  const dates = classifyDateLine(text).dates.filter((d) => d.kind !== "relative");
  // The name stops at the date, with or without its year ("By Jane Doe March 18 at 3:57 PM").
  const cut = dates[0]?.start ?? findMonthDays(text)[0]?.start ?? text.length;
  const name = afterWords(text.slice(0, cut), by.split(" ").length).split(/\s+[|·•]\s+/u)[0]!.trim();
  if (!name || countWords(name) > L.bylineMaxWords - 2 || !namesOnly(name)) return null;
  return credited(dates.length > 0 ? { kind: "byline", value: name, dates } : { kind: "byline", value: name });
}

/** A byline whose name ends with a news agency: the names are the author, the agency the source (credits.ts). */
function credited(found: Found): Found {
  if (!found.value) return found;
  const { authors, agency } = splitAgency(found.value);
  if (!agency) return found;
  const out: Found = { ...found, agency };
  if (authors) out.value = authors;
  else delete out.value;
  return out;
}

/** Lower-case words allowed between names on a byline ("Jane Doe and John Roe", "Ali al-Sayed"). */
const NAME_JOINERS = new Set(NAMES.byline_name_joiners);

/**
 * True when a Latin byline's words are names (capitalised, or joiners): "By the numbers: how …" is a headline.
 * Arabic script has no case; its bylines are told apart by the prefix and length alone.
 */
function namesOnly(name: string): boolean {
  const words = name.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (!words.some((w) => /[A-Za-z]/u.test(w))) return true;
  return words.every((w) => /^[\p{Lu}'‘"“(]/u.test(w) || NAME_JOINERS.has(w.replace(/-.*$/u, "")));
}

/**
 * A byline naming a reporter's role: "Jane Doe, Correspondent" (the name is the author), or a role alone
 * ("Staff Reporter"), which names nobody.
 */
function bylineRole(text: string, key: string, lex: Boilerplate): Found | null {
  if (isRole(key, lex) && !DIGIT.test(text)) return { kind: "byline" };
  const parts = text.split(ROLE_SEPARATOR);
  if (parts.length < 2 || parts.length > 3) return null;
  const name = parts[0]!.replace(lex.bylinePrefixPattern, "").trim();
  if (!isRole(fold(parts.slice(1).join(" ")), lex)) return null;
  const n = countWords(name);
  if (n < 1 || n > ROLE_NAME_MAX_WORDS || DIGIT.test(name) || looksLikeOutlet(name, lex)) return null;
  return { kind: "byline", value: name };
}

/** A reporter's role, alone or with its beat or place: "Correspondent", "Staff Reporter", "مراسل في بيروت". */
function isRole(key: string, lex: Boilerplate): boolean {
  const role = matchPrefix(lex.bylineRoles, key);
  if (role === null) return false;
  const extra = key.slice(role.length).trim();
  return extra === "" || (countWords(extra) <= 3 && lex.bylineRoleExtra.test(extra));
}

/** Photo captions: a credit in final brackets, after a dash, or as "Outlet/Photographer". */
function captionKind(text: string, words: number, isProse: boolean, lex: Boilerplate): Found | null {
  // Every test below is for a caption of at most this many words: a longer paragraph is no caption.
  if (words > CAPTION_ANY_MAX_WORDS) return null;
  const bare = stripTrailingMarkers(text, lex);
  // Cheap character checks before each regex: most lines are prose that none of them match.
  const credit = CLOSING_BRACKET.test(bare) ? CREDIT_SUFFIX.exec(bare) : null;
  if (credit && words <= L.captionMaxWords) {
    const inner = credit[1]!.trim();
    const innerWords = countWords(inner);
    const before = bare.slice(0, credit.index);
    const known = matchPrefix(lex.credits, fold(inner)) !== null;
    if (innerWords >= 1 && innerWords <= L.creditMaxWords && countWords(before) >= L.captionMinWords && (known || innerWords <= 4)) {
      if (!endsLikeSentence(before) || known) return { kind: "caption", credit: inner };
    }
  }
  const dash = DASH.test(bare) ? DASH_CREDIT.exec(bare) : null;
  if (dash && words <= L.captionMaxWords && countWords(bare.slice(0, dash.index)) >= L.captionMinWords) {
    if (matchPrefix(lex.credits, fold(dash[1]!)) !== null && countWords(dash[1]!) <= 3) return { kind: "caption", credit: dash[1]!.trim() };
  }
  if (words <= L.captionMaxWords && words >= L.captionMinWords + 2 && bare.includes("/") && SLASH_CREDIT.test(bare)) {
    return { kind: "caption" };
  }
  // "… in Sudan on Monday. Credit Jane Doe/Agency": the credit field closes a caption, however long.
  if (words <= L.creditedCaptionMaxWords) {
    const field = TRAILING_CREDIT.exec(bare);
    const label = field ? fold(field[1]!) : "";
    if (field && matchPrefix(lex.creditPrefixes, label) === label && countWords(field[2]!) <= L.creditMaxWords + 2) {
      return { kind: "caption", credit: field[2]!.trim() };
    }
  }
  if (words <= L.captionMaxWords) {
    const copyright = copyrightCredit(bare);
    if (copyright !== null) return { kind: "caption", credit: copyright };
    // "… في أربيل. الصورة: مكتب رئيس الحكومة", "… in Doha. Photo: Supplied": a labelled credit closes the caption.
    const labelled = creditAfterLastColon(bare) ? LABELLED_CREDIT.exec(bare) : null;
    if (labelled && matchPrefix(lex.creditPrefixes, fold(labelled[2]!)) === fold(labelled[2]!)) {
      const credit = labelled[3]!.trim();
      if (countWords(labelled[1]!) >= L.captionMinWords && countWords(credit) <= L.creditMaxWords) return { kind: "caption", credit };
    }
  }
  return null;
}

/**
 * Paragraphs without a final period. A heading that opens like a continuing sentence ("وقال …", "وأضاف …")
 * is prose. And on a page that writes (almost) no final periods, long headings are paragraphs: the page's own
 * habit, measured over its long lines, lowers the prose threshold.
 */
function unpunctuatedProse(lines: ClassifiedLine[], lex: Boilerplate): void {
  let long = 0;
  let punctuated = 0;
  for (const l of lines) {
    if (l.words < L.unpunctuatedMinWords || l.kind === "caption" || l.kind === "junk") continue;
    long++;
    if (l.endsSentence) punctuated++;
  }
  const habit = long >= L.unpunctuatedMinLines && punctuated <= long * L.unpunctuatedMaxShare;
  for (const l of lines) {
    if (l.kind !== "heading" || l.words < L.continuationMinWords) continue;
    if (matchPrefix(lex.continuationPrefixes, l.key) !== null) l.kind = "prose";
    else if (habit && l.words >= L.unpunctuatedMinWords) l.kind = "prose";
  }
}

/**
 * A feed item saved as a page (headline / outlet / date / one sentence, nothing after): its last line, right
 * under the dated header, is the item's text even without a final period, not a second headline.
 */
function feedItemText(lines: ClassifiedLine[]): void {
  const content = lines.filter((l) => l.kind !== "junk");
  if (content.length < 3 || content.length > SETTINGS.article.feedItemMaxLines) return;
  const last = content.at(-1)!;
  const before = content.at(-2)!;
  if (last.kind === "heading" && last.words >= SETTINGS.article.feedItemMinWords && before.kind === "date" && !before.stamp) last.kind = "prose";
}

/** A short tail after a paragraph's last sentence: "… و"إيغاد".          تابع الجزيرة نت على:". */
const GLUED_TAIL = /[.!?؟…»"”)]\s+([^.!?؟…\n]{2,60})$/u;
/** Most words of a prompt glued to a paragraph's end. */
const GLUED_PROMPT_MAX_WORDS = 6;

/**
 * A follow or share prompt the scraper glued to the end of the last paragraph ("تابع الجزيرة نت على:",
 * "Follow us on:") is cut off the paragraph: the paragraph keeps its own text only.
 */
function cutGluedPrompt(l: ClassifiedLine, lex: Boilerplate): void {
  const m = GLUED_TAIL.exec(l.text.slice(-80));
  if (!m || countWords(m[1]!) > GLUED_PROMPT_MAX_WORDS) return;
  const key = fold(m[1]!);
  if (matchPrefix(lex.furniturePrefixes, key) === null && lex.lines.get(key) !== "marker") return;
  l.text = l.text.slice(0, l.text.length - m[1]!.length).trimEnd();
}

/** An interview turn's mark glued to its text: "*ما الذي يحدث …؟", "-نحن في السودان …". */
const TURN_MARK = /^([*\-–—])(?=[^\s*\-–—])/u;
/** Paragraphs opening with a turn mark that make the page an interview (two answers). */
const INTERVIEW_MIN_TURNS = 2;

/**
 * Interviews mark each question and answer with a glued "*" or "-". When paragraphs of the page open that way,
 * a short question with the same mark is a turn of the interview (body), not a headline.
 */
function interviewTurns(lines: ClassifiedLine[]): void {
  let turns = 0;
  for (const l of lines) if (l.kind === "prose" && TURN_MARK.test(l.text)) turns++;
  if (turns < INTERVIEW_MIN_TURNS) return;
  // Questions are short (headings), answers long (prose); each side may use its own mark ("*" and "-").
  for (const l of lines) {
    if ((l.kind === "heading" || l.kind === "bullet") && TURN_MARK.test(l.text) && l.words >= H.titleMinWords) l.kind = "prose";
  }
}

/** Cue kinds that keep their meaning inside any element (a related list opener inside an aside, a form). */
const STRUCTURAL: ReadonlySet<LineKind> = new Set(["related", "end", "attribution", "summary"]);

/**
 * What an HTML page's markup says about a line, over what its text says: navigation, footers and asides are
 * furniture; a figcaption is a caption; a byline or time element is a byline or date; a heading element is
 * a heading even when it ends with a period; a list item is a list item unless it reads as prose.
 */
function applyMarkup(c: ClassifiedLine): void {
  if (STRUCTURAL.has(c.kind)) return;
  const role = c.role;
  if (role === "nav" || role === "footer" || role === "aside") {
    c.kind = "junk";
    return;
  }
  if (role === "figcaption") {
    c.kind = "caption";
    return;
  }
  if (role === "byline" || role === "time") {
    const dates = classifyDateLine(c.text).dates.filter((d) => d.kind !== "relative" && d.precision === "day");
    if (dates.length > 0) c.dates = dates;
    if (role === "time") {
      if (dates.length > 0 || c.kind !== "prose") c.kind = "date";
    } else if (c.kind !== "prose") {
      c.kind = "byline";
      // "By Claire Dubois Nov 6, 2025 · 09:15 GMT": the name stops where the date starts.
      const name = dates[0] ? c.text.slice(0, dates[0].start) : c.text;
      c.value ??= name.replace(boilerplate().bylinePrefixPattern, "").split(/\s{2,}|\s[|·]\s/u)[0]!.trim();
    }
    return;
  }
  if (role === "title" || /^h[1-6]$/u.test(c.tag ?? "")) {
    if (c.kind === "prose" && c.words <= H.titleMaxWords) c.kind = "heading";
    return;
  }
  if (c.tag === "li" && (c.kind === "heading" || (c.kind === "prose" && c.words <= H.titleMaxWords))) c.kind = "bullet";
}

/** Keys a line stands for: its own, each side of "Outlet - headline", and the half of a doubled line. */
export function lineVariants(text: string, key: string): string[] {
  const out = [key];
  if (text.length > 600) return out;
  const parts = text.split(TITLE_SEPARATOR);
  if (parts.length >= 2 && parts.length <= 4) {
    for (const part of parts) {
      const k = fold(part);
      if (k && k !== key && countWords(part) >= SETTINGS.header.titleMinWords) out.push(k);
    }
  }
  // "headline headline": pages sometimes print a title twice in one line.
  if (key.length % 2 === 1) {
    const half = (key.length - 1) / 2;
    if (key[half] === " " && key.slice(0, half) === key.slice(half + 1)) out.push(key.slice(0, half));
  }
  return out;
}

/** Classifies every line of a page. Linear in the page size (repetition uses one hash map). */
export function classifyLines(lines: readonly Line[], lex: Boilerplate = boilerplate()): ClassifiedPage {
  const out: ClassifiedLine[] = lines.map((line) => {
    const f = classifyOne(line, lex);
    // Every line object gets the same properties in the same order (absent ones undefined): one shape for the
    // engine to optimise every later stage's property reads on, instead of one shape per combination of spreads.
    const c: ClassifiedLine = {
      index: line.index,
      lineNo: line.lineNo,
      text: line.text,
      gapBefore: line.gapBefore,
      gapAfter: line.gapAfter,
      tag: line.tag,
      role: line.role,
      kind: f.kind,
      words: f.words,
      key: f.key,
      endsSentence: f.endsSentence,
      value: f.value,
      dateline: f.dateline,
      dates: f.dates,
      credit: f.credit,
      caption: f.caption,
      stamp: f.stamp,
      summaryItem: f.summaryItem,
      brand: f.brand,
      agency: f.agency,
      repeats: 1,
      variants: [],
      outlet: false,
    };
    if (line.role || line.tag) applyMarkup(c);
    return c;
  });

  unpunctuatedProse(out, lex);
  feedItemText(out);
  interviewTurns(out);
  for (const l of out) if (l.kind === "prose") cutGluedPrompt(l, lex);

  // Neighbours: doubled lines, masthead names, summary bullets.
  for (let i = 0; i < out.length; i++) {
    const cur = out[i]!;
    const prev = out[i - 1];
    if (prev && cur.gapBefore === 0 && cur.key !== "" && cur.key === prev.key && cur.words >= SETTINGS.line.captionMinWords) {
      // A caption printed twice back to back (image alt text + caption); a doubled heading is a caption too.
      for (const l of [prev, cur]) if (l.kind === "heading") l.kind = "caption";
    }
    if (prev && lex.lines.get(prev.key) === "masthead" && cur.kind === "heading" && cur.words <= 4) cur.kind = "junk";
    // A sentence right above a popularity counter ("… at risk?" / "18748 Read") is a most-read teaser, not body.
    if (prev && prev.kind === "prose" && prev.words <= H.titleMaxWords && cur.kind === "junk" && isViewCounter(cur.key, lex)) prev.kind = "heading";
    // A line right under an image marker ("صورة", "Photo") is the image's caption, even without a credit.
    if (prev && cur.kind === "heading" && cur.words >= L.captionMinWords && isImageMarker(prev, lex)) cur.kind = "caption";
    // "Author," on its own line, the name on the next one.
    if (prev && prev.words <= 2 && lex.authorLabels.has(prev.key) && (cur.kind === "heading" || cur.kind === "byline")) {
      if (cur.words <= AUTHOR_NAME_MAX_WORDS && !DIGIT.test(cur.text)) {
        prev.kind = "junk";
        cur.kind = "byline";
        cur.value = cur.text.replace(/[,،:]\s*$/u, "");
      }
    }
    // "Jane Roe in Harbor City" right above the date: a byline without "By" (name in capitals, then the place).
    if (prev && prev.kind === "heading" && cur.kind === "date" && !cur.stamp && prev.words <= H.labelMaxWords + 1) {
      const named = NAME_THEN_PLACE.exec(prev.text);
      if (named) {
        prev.kind = "byline";
        prev.value = named[1]!;
      }
    }
    if (prev && (prev.kind === "summary" || (prev.kind === "junk" && prev.summaryItem)) && cur.kind === "bullet") {
      cur.kind = "junk";
      cur.summaryItem = true;
    }
  }

  // Repetition: how many lines carry each key, as their text or as a variant.
  const occurrences = new Map<string, number[]>();
  for (const line of out) {
    if (line.key === "" || line.kind === "prose") {
      line.variants = line.key ? [line.key] : [];
      if (line.key) add(occurrences, line.key, line.index);
      continue;
    }
    line.variants = [...new Set(lineVariants(line.text, line.key))];
    for (const v of line.variants) add(occurrences, v, line.index);
    line.outlet = line.words <= OUTLET_CHECK_MAX_WORDS && looksLikeOutlet(line.text, lex, line.key);
  }
  for (const line of out) {
    if (line.key) line.repeats = occurrences.get(line.key)?.length ?? 1;
    // A short sentence printed again and again is a slogan or a footer ("Our Standards: …"), not body.
    if (line.kind === "prose" && line.repeats >= REPEATED_SLOGAN_MIN && line.words <= SETTINGS.line.sloganMaxWords) line.kind = "junk";
    // A question printed twice on a page ("Why are so many …?" in two teaser lists) is a headline: body
    // paragraphs repeat only when the whole article does, and then they are not one-sentence questions.
    else if (line.kind === "prose" && line.repeats >= 2 && line.words <= H.titleMaxWords && /[?؟]["'»”’)\s]*$/u.test(line.text)) line.kind = "heading";
  }
  inlineRepeats(out, occurrences);
  doubledInBody(out);
  markBrand(out, lex);
  return { lines: out, occurrences };
}

/** Lines looked back over for the first copy of a doubled caption ("text / Caption / text"). */
const DOUBLED_WINDOW = 2;
/** Share of a page's paragraphs printed twice in a row from which the whole scrape is doubled (captions: a few). */
const DOUBLED_SCRAPE_SHARE = 0.5;

/** The nearest line before (`step` -1) or after (+1) `from` that is not junk or a stamp; undefined at the edge. */
function neighbour(lines: readonly ClassifiedLine[], from: number, step: 1 | -1): ClassifiedLine | undefined {
  for (let i = from + step; i >= 0 && i < lines.length; i += step) {
    const l = lines[i]!;
    if (l.kind !== "junk" && !l.stamp) return l;
  }
  return undefined;
}

/**
 * A gallery or video caption printed twice ("text / Caption / text", "1:30 / title / title"): a body paragraph
 * never repeats itself two lines on, so doubled prose is a caption. A doubled heading is a caption only inside a
 * body (prose above it and right below the pair): a page's own headline is also printed twice, but above its
 * header furniture, and a new article's headline comes with a byline, a date or a dateline.
 */
function doubledInBody(lines: ClassifiedLine[]): void {
  // A scrape that doubled every paragraph is not a page of captions: then doubled prose stays prose.
  let prose = 0;
  let doubled = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.kind !== "prose") continue;
    prose++;
    if (i > 0 && lines[i - 1]!.kind === "prose" && lines[i - 1]!.key === lines[i]!.key) doubled++;
  }
  const doubledScrape = doubled * 2 > prose * DOUBLED_SCRAPE_SHARE;
  for (let i = 1; i < lines.length; i++) {
    const cur = lines[i]!;
    if (cur.key === "" || cur.words < L.captionMinWords || (cur.kind !== "prose" && cur.kind !== "heading")) continue;
    if (cur.kind === "prose" && doubledScrape) continue;
    for (let j = i - 1; j >= Math.max(0, i - DOUBLED_WINDOW); j--) {
      const first = lines[j]!;
      // "Map: Flow of fighters" / "… View Graphic": only lines of a headline's length (a lede may open with its
      // headline's words).
      const opening = cur.words <= H.titleMaxWords && first.words <= H.titleMaxWords && sameOpening(first.key, cur.key);
      if (first.key === cur.key || opening) {
        const above = neighbour(lines, j, -1);
        let below = neighbour(lines, i, 1);
        // A crosshead may follow a video caption: "1:30 / title / title / HOPES FOR TALKS / text".
        if (below?.kind === "heading" && below.words <= A.resumedCrossheadMaxWords) below = neighbour(lines, below.index, 1);
        const inBody = above?.kind === "prose" && below?.kind === "prose" && !opensWithDateline(below.text);
        if (cur.kind === "prose" || inBody) {
          for (const l of [first, cur]) if (l.kind === "prose" || l.kind === "heading") l.kind = "caption";
          // A gallery's title right above its doubled caption, inside a body, goes with it.
          const title = neighbour(lines, j, -1);
          if (title?.kind === "heading" && title.words <= H.titleMaxWords && neighbour(lines, title.index, -1)?.kind === "prose") title.kind = "caption";
        }
        break;
      }
      // Only a short widget line ("Caption", "View Photos") may stand between the two copies.
      if (first.words > 2 || first.kind === "prose") break;
    }
  }
}

/** "Map: Flow of fighters" and "Map: Flow of fighters View Graphic": one key opens the other. */
function sameOpening(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.length > short.length && long.charCodeAt(short.length) === 32 && long.startsWith(short) && countWords(short) >= L.captionMinWords;
}

/**
 * In-body furniture that the lexicon does not know: a short line printed between paragraphs again and again
 * ("Continue reading the main story", "Story continues below advertisement"). A headline printed twice on a
 * page (list and article) stands between paragraphs once at most.
 */
function inlineRepeats(lines: ClassifiedLine[], occurrences: ReadonlyMap<string, number[]>): void {
  const done = new Set<string>();
  for (const l of lines) {
    if (l.kind !== "heading" || l.repeats < 2 || done.has(l.key)) continue;
    done.add(l.key);
    const at = occurrences.get(l.key) ?? [];
    // After a paragraph: a headline printed twice stands after a paragraph once at most (its list entry follows
    // a cue or another headline); and one copy at least is flanked by paragraphs on both sides.
    const afterProse = at.filter((i) => neighbour(lines, i, -1)?.kind === "prose");
    const flanked = afterProse.some((i) => neighbour(lines, i, 1)?.kind === "prose");
    if (afterProse.length >= 2 && flanked) for (const i of at) if (lines[i]!.kind === "heading") lines[i]!.kind = "junk";
  }
}

/**
 * The page's own outlet name: a short line at the very top (the masthead) that the page's copyright line repeats
 * ("الجسر نيوز" … "© 2025 الجسر نيوز. جميع الحقوق محفوظة"). Its lines are outlet labels, never headlines, and
 * "Outlet - City" / "City/ Outlet" lines name the source and the dateline.
 */
function markBrand(lines: ClassifiedLine[], lex: Boilerplate): void {
  const notices: Set<string>[] = [];
  for (const l of lines) {
    if (l.words <= L.footerMaxWords && (l.text.includes("©") || lex.footerPattern.test(l.key))) {
      notices.push(formSet(l.key.split(" ")));
    }
  }
  const brands = new Set<string>();
  for (const l of notices.length > 0 ? lines.slice(0, BRAND_TOP_LINES) : []) {
    if (l.words < 1 || l.words > BRAND_MAX_WORDS || DIGIT.test(l.text) || l.key === "") continue;
    if ((l.kind !== "heading" && l.kind !== "label") || lex.sectionNames.has(l.key)) continue;
    // "لوكالة آفاق …" in the notice still names "وكالة آفاق …": words are compared without their clitics.
    const words = l.key.split(" ");
    if (notices.some((n) => sharedShare(words, n) === 1)) brands.add(l.key);
  }
  // No notice names a masthead at the top: a known masthead line ("The New York Times") in the page header,
  // above the first paragraph, is the page's outlet (lexicon/outlets.yaml).
  if (brands.size === 0) {
    for (const l of lines) {
      if (l.kind === "prose") break;
      if (l.kind === "heading" && l.words <= BRAND_MAX_WORDS && isMasthead(l.key)) {
        brands.add(l.key);
        break;
      }
    }
  }
  if (brands.size === 0) return;
  for (const l of lines) {
    if (l.words > BRAND_MAX_WORDS + 2 || l.kind === "prose" || l.kind === "caption" || l.kind === "date") continue;
    if (brands.has(l.key)) {
      l.brand = true;
      l.outlet = true;
      continue;
    }
    const parts = l.text.split(BRAND_PLACE_SEPARATOR).map((p) => p.trim()).filter(Boolean);
    if (parts.length !== 2) continue;
    const at = parts.findIndex((p) => brands.has(fold(p)));
    const other = parts[1 - at];
    if (at < 0 || !other || countWords(other) > 3 || DIGIT.test(other)) continue;
    l.brand = true;
    l.outlet = true;
    // "City/ Outlet" and "Outlet - City" give the dateline; "Outlet – Jane Doe" (a name has two words or more,
    // a city written after the outlet one) gives the author.
    if (at === 1 || countWords(other) === 1) {
      l.kind = "label";
      l.value = parts[at]!;
      l.dateline = other;
    } else {
      l.kind = "byline";
      l.value = other;
      l.dateline = undefined;
    }
  }
}

function add(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}
