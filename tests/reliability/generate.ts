/**
 * Synthetic raw pages for the reliability tests, written for this project (nothing comes from the real corpus).
 * Deterministic: the same arguments give the same text.
 */

const CITIES = ["طرابلس", "بنغازي", "الخرطوم", "تونس", "بغداد", "دمشق", "بيروت", "عمّان", "الرباط", "صنعاء"];
const BODIES = ["وزارة الداخلية", "وزارة الصحة", "مجلس الوزراء", "البرلمان", "هيئة الانتخابات", "المصرف المركزي", "وزارة النقل", "بلدية المدينة"];
const ACTS = ["تعلن خطة جديدة", "تنفي تقارير", "تطلق حملة", "تناقش مشروعاً", "تحذر من تأخر", "توقع اتفاقاً", "تؤجل قراراً", "تستقبل وفداً"];
const TOPICS = ["لإصلاح الطرق", "حول أسعار الوقود", "لمكافحة التهريب", "لدعم المزارعين", "بشأن رواتب الموظفين", "لتوسيع شبكة الكهرباء", "حول المياه", "لمراقبة الحدود"];
const MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

const pick = <T>(list: readonly T[], n: number): T => list[((n % list.length) + list.length) % list.length]!;

/** Arabic-Indic rendering of a number, to vary the text without Latin digits. */
function arabicDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/** One Arabic news article (title, byline, date, three paragraphs) numbered `n`, distinct for every n. */
export function arabicArticle(n: number): { title: string; text: string; body: string[] } {
  const city = pick(CITIES, n);
  const body0 = pick(BODIES, n >> 1);
  const act = pick(ACTS, n >> 2);
  const topic = pick(TOPICS, n * 7 + 3);
  const title = `${body0} في ${city} ${act} ${topic} للمرة ${arabicDigits(n + 1)}`;
  const day = (n % 28) + 1;
  const month = pick(MONTHS, n >> 3);
  const body = [
    `أعلنت ${body0} في ${city}، يوم الاثنين، أنها بدأت العمل على ملف يضم ${arabicDigits(n * 3 + 11)} بنداً ${topic}، بحسب بيان نشرته على موقعها الرسمي.`,
    `وقال متحدث باسم ${body0} إن الخطوة رقم ${arabicDigits(n + 100)} تهدف إلى «تحسين الخدمات المقدمة للمواطنين» خلال الأشهر المقبلة في ${city} وضواحيها.`,
    `وأشار مراقبون محليون إلى أن تنفيذ الخطة يتوقف على توفير التمويل اللازم، وعلى تعاون الجهات المعنية في ${pick(CITIES, n + 3)} أيضاً، وفق التقرير ${arabicDigits(n)}.`,
  ];
  const text = [title, `${city}: مراسلنا`, `نُشر: ${day} ${month} 2025`, "", ...body.flatMap((p) => [p, ""])].join("\n");
  return { title, text, body };
}

/** A page of `count` Arabic articles back to back, each followed by a blank line. */
export function manyArticlesPage(count: number, offset = 0): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(arabicArticle(offset + i).text);
  return `${parts.join("\n")}\n`;
}

/** A single-article page with a little chrome around it, as a scraper saves it. */
export function arabicPage(n: number): string {
  const a = arabicArticle(n);
  return ["الرئيسية", "أخبار", "سياسة", "", a.text, "جميع الحقوق محفوظة © 2025", ""].join("\n");
}
