import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDeadlines } from "../../../src/core/deadlines/find-deadlines.js";
import { createSchoolCalendar } from "../../../src/core/deadlines/school-calendar.js";
import type { DeadlineContext } from "../../../src/core/deadlines/types.js";

const ctx: DeadlineContext = { calendar: createSchoolCalendar(), schoolYearStart: 2023, calendarYear: 2023 };
const found = (sentence: string) =>
  findDeadlines(sentence, ctx).map((hit) =>
    hit.result.ok ? hit.result.deadline.raw : `!${hit.result.reason}`,
  );

const plansDir = new URL("../../../../shared/plans/", import.meta.url);
const line = (file: string, n: number) =>
  readFileSync(new URL(file, plansDir), "utf8").split("\n")[n - 1] ?? "";

describe("findDeadlines", () => {
  it.each([
    ["000_31ba9c53447dfa3c.txt", 127, ["trước ngày 18/01/2023"]],
    ["001_97a51cfd0384bfc1.txt", 49, ["Từ nay đến hết năm 2024"]],
    ["001_97a51cfd0384bfc1.txt", 51, ["Từ tháng 01 năm 2025 đến hết năm học 2024 - 2025"]],
    ["001_97a51cfd0384bfc1.txt", 79, ["quý II năm 2025"]],
    ["001_97a51cfd0384bfc1.txt", 81, ["tháng 8 năm 2025"]],
    ["001_97a51cfd0384bfc1.txt", 91, ["trước ngày 20/10/2024"]],
    ["003_dc7a978b8978f047.txt", 157, ["chậm nhất ngày 27 tháng 10 năm 2023"]],
    ["003_dc7a978b8978f047.txt", 174, ["Từ ngày 15/5/2024 - 28/5/2024"]],
    ["003_dc7a978b8978f047.txt", 196, ["Từ ngày 04/6/2024 – 07/6/2024"]],
  ])("finds the deadline in %s line %i", (file, n, expected) => {
    expect(found(line(file, n))).toEqual(expected);
  });

  it.each([
    "Căn cứ Kế hoạch số 02/KH-HĐTĐKT ngày 10/12/2020 về công tác thi đua, khen thưởng của thành phố Hà Nội giai đoạn 2021-2025;",
    "Căn cứ Quyết định số 24/2018/QĐ-UBND ngày 20 tháng 7 năm 2018 của Ủy ban nhân dân thành phố;",
    "Công văn số 123/SGDĐT ngày 15/10/2010 của Sở;",
    "kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi thi đua ái quốc (11/6/1948-11/6/2023).",
    "chào mừng kỷ niệm 42 năm ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/2024).",
    "Thông tư 21/2020/TT-BGDĐT hướng dẫn công tác thi đua.",
    "phấn đấu hoàn thành xuất sắc nhiệm vụ năm 2024 và học kỳ I năm học 2024 - 2025",
    "Quận 1, ngày 12 tháng 10 năm 2023",
  ])("finds nothing in a sentence that only names documents or periods: %s", (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it("points at the words in the sentence as given, markup included", () => {
    const sentence = "Thời gian nộp: chậm nhất **ngày 27 tháng 10 năm 2023**.";
    const [hit] = findDeadlines(sentence, ctx);
    expect(sentence.slice(hit?.index, (hit?.index ?? 0) + (hit?.length ?? 0))).toBe(
      "chậm nhất **ngày 27 tháng 10 năm 2023",
    );
  });

  it("reads words without diacritics and decomposed Unicode", () => {
    expect(found("gui ho so truoc ngay 20/10/2023 qua email")).toEqual(["truoc ngay 20/10/2023"]);
    const decomposed = "nộp trước ngày 20/10/2023".normalize("NFD");
    expect(findDeadlines(decomposed, ctx)[0]?.result).toMatchObject({
      ok: true,
      deadline: { due: "2023-10-19" },
    });
  });

  it("reports a deadline it cannot read instead of dropping it", () => {
    expect(found("nộp hồ sơ trước ngày 31/02/2024")).toEqual(["!impossible_date"]);
  });

  it("finds several deadlines in one sentence", () => {
    expect(found("Đăng ký trước ngày 10/10/2023 và nộp hồ sơ chậm nhất ngày 20/5/2024.")).toEqual([
      "trước ngày 10/10/2023",
      "chậm nhất ngày 20/5/2024",
    ]);
  });
});
