/**
 * Throughput: ingest must clean ≥ 500 articles per second on one core and never scan big pages quadratically.
 * CPU time (not wall time) is measured so a busy machine does not fail the test; the limits leave a wide
 * margin over what the stages take (about 1,000–1,300 articles per CPU second on the seed pages).
 */
import { describe, expect, it } from "vitest";
import { cleanLines } from "../../src/ingest/page.ts";

/** One invented article with its own headline block: numbers make each copy distinct. */
function article(n: number): string[] {
  const title = `الوزارة تعلن الخطة رقم ${n} لتطوير الطرق في المحافظات`;
  return [
    title,
    "",
    `عمال يرصفون طريقاً في إحدى المحافظات ضمن المرحلة ${n} (أرشيفية)`,
    "TT",
    "",
    title,
    "",
    `أعلنت وزارة النقل، اليوم، إطلاق الخطة رقم ${n} لتطوير شبكة الطرق في المحافظات، بكلفة تقديرية تبلغ ${n * 3} مليون دولار وتستمر عامين.`,
    "",
    `وقال الوزير في مؤتمر صحافي إن المرحلة الأولى تشمل ${n % 40} طريقاً رئيسياً، وإن الأولوية للطرق التي تربط الموانئ بالمناطق الصناعية.`,
    "",
    "وأكد أن الوزارة ستنشر تقارير دورية عن نسب الإنجاز، داعياً المقاولين إلى الالتزام بالمواصفات والمواعيد المحددة في العقود.",
    "",
    "",
  ];
}

const cpuSeconds = (fn: () => void): number => {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

describe("throughput", () => {
  it("cleans a 1,000-article page at ≥ 500 articles per CPU second", () => {
    const lines = Array.from({ length: 1000 }, (_, i) => article(i + 1)).flat();
    let count = 0;
    const seconds = cpuSeconds(() => {
      count = cleanLines(lines).articles.length;
    });
    expect(count).toBe(1000);
    console.log(`1,000-article page: ${seconds.toFixed(2)} s CPU, ${(count / seconds).toFixed(0)} articles/s`);
    expect(count / seconds).toBeGreaterThanOrEqual(500);
  });

  it("cleans a 5 MB single-line page in well under a second of CPU", () => {
    const line = "وقال المسؤول إن المحادثات مستمرة وإن الوفد سيعود إلى العاصمة غداً لاستكمال النقاش. ".repeat(35_000);
    expect(line.length).toBeGreaterThan(2_500_000);
    const seconds = cpuSeconds(() => {
      expect(cleanLines([line]).articles).toHaveLength(1);
    });
    expect(seconds).toBeLessThan(2);
  });

  it("cleans a 5 MB page of short lines in seconds", () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => (i % 3 === 0 ? "" : `سطر قصير رقم ${i}`));
    const seconds = cpuSeconds(() => {
      cleanLines(lines);
    });
    expect(seconds).toBeLessThan(10);
  });
});
