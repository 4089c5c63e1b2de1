import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDeadlines } from "../../../src/core/deadlines/find-deadlines.js";
import { createSchoolCalendar } from "../../../src/core/deadlines/school-calendar.js";
import type { DeadlineContext } from "../../../src/core/deadlines/types.js";

const calendar = createSchoolCalendar();
const ctx: DeadlineContext = { calendar, schoolYearStart: 2023, calendarYear: 2023 };
const found = (sentence: string, context: DeadlineContext = ctx) =>
  findDeadlines(sentence, context).map((hit) =>
    hit.result.ok ? hit.result.deadline.raw : `!${hit.result.reason}`,
  );

const plansDir = new URL("../../../../shared/plans/", import.meta.url);
const lines = (file: string) => readFileSync(new URL(file, plansDir), "utf8").split("\n");
const line = (file: string, n: number) => lines(file)[n - 1] ?? "";

interface ExpectedDeadline {
  source: string;
  line?: number;
  raw: string;
  kind: string;
  start: string | null;
  due: string | null;
  dueWithin?: [string, string];
}
interface ExpectedPlan {
  file: string;
  document: { issuedOn: string | null; title: string | null; schoolYear?: string };
  deadlines: ExpectedDeadline[];
}

const plans = readdirSync(new URL("expected/", plansDir))
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(`expected/${name}`, plansDir), "utf8")) as ExpectedPlan);

/** The year context the importer gives a plan: its school year, its title's or issue date's year. */
function planContext(plan: ExpectedPlan): DeadlineContext {
  const { schoolYear, issuedOn, title } = plan.document;
  const titleYear = /năm\s+(\d{4})(?!\s*[-–]\s*\d{4})/u.exec(title ?? "")?.[1];
  const calendarYear = titleYear ?? issuedOn?.slice(0, 4);
  return {
    calendar,
    schoolYearStart: schoolYear ? Number(schoolYear.slice(0, 4)) : undefined,
    calendarYear: calendarYear ? Number(calendarYear) : undefined,
    issuedOn: issuedOn ?? undefined,
  };
}

describe("findDeadlines on the sample plans", () => {
  for (const plan of plans) {
    const text = lines(plan.file);
    const context = planContext(plan);
    const expectedAt = new Map<number, ExpectedDeadline[]>();
    for (const d of plan.deadlines) {
      if (d.source === "text" && d.line) expectedAt.set(d.line, [...(expectedAt.get(d.line) ?? []), d]);
    }

    it.each([...expectedAt.entries()])(
      `${plan.file} line %i: finds the expected words and dates`,
      (n, expected) => {
        const hits = findDeadlines(text[n - 1] ?? "", context);
        expect(hits.map((h) => (h.result.ok ? h.result.deadline.raw : `!${h.result.reason}`))).toEqual(
          expected.map((d) => d.raw),
        );
        hits.forEach((hit, i) => {
          const want = expected[i];
          if (!hit.result.ok || !want) return;
          expect(hit.result.deadline.kind).toBe(want.kind);
          if (want.dueWithin) {
            const due = hit.result.deadline.due ?? "";
            expect(due >= want.dueWithin[0] && due <= want.dueWithin[1], due).toBe(true);
          } else {
            expect([hit.result.deadline.start, hit.result.deadline.due]).toEqual([want.start, want.due]);
          }
        });
      },
    );

    // Table rows (tab-separated cells) are the appendix's business; every other line must yield
    // exactly the deadlines the hand-checked extraction lists, and nothing from document references.
    it(`${plan.file}: finds nothing else in the prose`, () => {
      const extra: string[] = [];
      text.forEach((l, i) => {
        if (l.includes("\t") || expectedAt.has(i + 1)) return;
        for (const raw of found(l, context)) extra.push(`line ${i + 1}: ${raw}`);
      });
      expect(extra).toEqual([]);
    });
  }
});

describe("findDeadlines", () => {
  it.each([
    ["000_31ba9c53447dfa3c.txt", 127, ["trước ngày 18/01/2023"]],
    ["001_97a51cfd0384bfc1.txt", 49, ["Từ nay đến hết năm 2024"]],
    ["001_97a51cfd0384bfc1.txt", 51, ["Từ tháng 01 năm 2025 đến hết năm học 2024 - 2025"]],
    ["001_97a51cfd0384bfc1.txt", 79, ["quý II năm 2025"]],
    ["001_97a51cfd0384bfc1.txt", 81, ["tháng 8 năm 2025"]],
    ["003_dc7a978b8978f047.txt", 157, ["chậm nhất ngày 27 tháng 10 năm 2023"]],
    ["003_dc7a978b8978f047.txt", 174, ["Từ ngày 15/5/2024 - 28/5/2024"]],
    ["003_dc7a978b8978f047.txt", 196, ["Từ ngày 04/6/2024 – 07/6/2024"]],
  ])("finds the deadline in %s line %i", (file, n, expected) => {
    expect(found(line(file, n))).toEqual(expected);
  });

  it.each([
    ["000_31ba9c53447dfa3c.txt", 7], // Căn cứ Kế hoạch số 02/KH-HĐTĐKT ngày 10/12/2020 …
    ["000_31ba9c53447dfa3c.txt", 71], // Kế hoạch số 124-KH/TU ngày 26/6/2014, Chỉ thị số 19/CT-UBND …
    ["001_97a51cfd0384bfc1.txt", 7], // Nghị định số 98/2023/NĐ-CP, Thông tư số 01/2024/…
    ["001_97a51cfd0384bfc1.txt", 33], // Kế hoạch số 1374/KH-BGDĐT ngày 02/11/2020 …
    ["002_3689d53bb45ac525.txt", 19], // (07/5/1954 - 07/5/2024) inside anniversaries' names
    ["003_dc7a978b8978f047.txt", 13], // Quyết định số 24/2018/QĐ-UBND ngày 20 tháng 7 năm 2018
    ["003_dc7a978b8978f047.txt", 17], // Chỉ thị số 06/CT-UBND ngày 09 tháng 02 năm …
  ])("finds no deadline in the document references of %s line %i", (file, n) => {
    expect(line(file, n)).toMatch(/\d/);
    expect(found(line(file, n))).toEqual([]);
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
    "Thành tích trong năm học 2023-2024 của các đơn vị.",
    "Hướng dẫn bình xét thi đua cuối năm học; chuẩn bị các nội dung",
    "Báo cáo sơ kết 6 tháng đầu năm 2023 Cụm thi đua số 7",
    "Số liệu tính đến ngày 30/5/2024.",
    "Giai đoạn từ năm 2021 đến năm 2025.",
    "Tổ chức các hoạt động nhân dịp 20/11.",
    "có ít nhất 2/3 số thành viên tham dự",
    "Trước hết, các đơn vị cần quán triệt.",
    "2.1. Tổ chức: các đơn vị thực hiện",
    "Các đơn vị thực hiện thường xuyên, liên tục theo kế hoạch.",
    "Đến nay, 12 trường đạt chuẩn; tháng 9 - 12 trường được kiểm tra.",
    "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022, có hiệu lực từ ngày 01/01/2024",
    "Quy chế áp dụng từ tháng 3 năm 2024 đối với các trường.",
    "đạt danh hiệu Chiến sĩ thi đua cơ sở 02 năm liên tục (2021-2022, 2022-2023)",
  ])("finds nothing in a sentence that only names documents or periods: %s", (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it.each([
    ["Các đơn vị gửi Kế hoạch về Sở trước ngày 18/01/2023 (qua Văn phòng Sở).", ["trước ngày 18/01/2023"]],
    ["- Từ ngày 15/5/2024 - 28/5/2024: Các đơn vị nộp hồ sơ.", ["Từ ngày 15/5/2024 - 28/5/2024"]],
    ["Đợt 1: Từ nay đến hết năm 2024, phát động thi đua.", ["Từ nay đến hết năm 2024"]],
    ["Tổ chức Đại hội thi đua yêu nước vào quý II năm 2025.", ["quý II năm 2025"]],
    ["Tổng kết trong tháng 8 năm 2025.", ["tháng 8 năm 2025"]],
    ["Thực hiện trong tháng 3.", ["tháng 3"]],
    ["Thực hiện vào quý II.", ["quý II"]],
    ["Các trường tổ chức sơ kết vào cuối học kỳ I.", ["cuối học kỳ I"]],
    ["Hồ sơ gửi về Văn phòng Sở trước 17 giờ 00 ngày 20/5/2024.", ["trước 17 giờ 00 ngày 20/5/2024"]],
    ["Hạn chót nộp sáng kiến kinh nghiệm: 15/4/2025", ["Hạn chót nộp sáng kiến kinh nghiệm: 15/4/2025"]],
    ["Thời hạn nộp hồ sơ: trước ngày 20/10/2024.", ["trước ngày 20/10/2024"]],
    ["Thời gian thực hiện: từ tháng 9/2024 đến tháng 5/2025.", ["từ tháng 9/2024 đến tháng 5/2025"]],
    ["Thời gian: Tháng 3/2024.", ["Tháng 3/2024"]],
    ["Lễ tổng kết dự kiến tổ chức vào ngày 25/5/2024 tại trường.", ["ngày 25/5/2024"]],
    ["- Ngày 20/11/2023: Tổ chức lễ kỷ niệm.", ["Ngày 20/11/2023"]],
    ["Trong các ngày 15, 16/5/2024 các trường nộp hồ sơ.", ["ngày 15, 16/5/2024"]],
    ["Kéo dài đến hết tháng 12/2024.", ["đến hết tháng 12/2024"]],
    ["Tổng kết trong tháng 8 năm 2025, 9 đơn vị được khen.", ["tháng 8 năm 2025"]],
    ["Chậm nhất đến ngày 20/5/2024 các đơn vị phải nộp.", ["Chậm nhất đến ngày 20/5/2024"]],
    ["Hạn cuối nhận hồ sơ: 17h00 ngày 15/5/2024.", ["Hạn cuối nhận hồ sơ: 17h00 ngày 15/5/2024"]],
    ["Trong thời gian từ 01/3 – 15/3/2024 các trường tổ chức thi.", ["từ 01/3 – 15/3/2024"]],
    ["Quý IV/2023: Tổng kết công tác thi đua.", ["Quý IV/2023"]],
    ["Nộp trước thứ Sáu, ngày 20/10/2023.", ["trước thứ Sáu, ngày 20/10/2023"]],
    ["Các đơn vị đăng ký chậm nhất ngày 15/10 hằng năm.", ["chậm nhất ngày 15/10"]],
    // A date written with dots, the sentence's full stop right after its year.
    ["Bản giấy nộp tại Văn thư, hạn cuối ngày 12.6.2024.", ["hạn cuối ngày 12.6.2024"]],
  ])("finds the deadline words in: %s", (sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  it("reads the found words in the plan's year context", () => {
    const [hit] = findDeadlines("Các đơn vị đăng ký chậm nhất ngày 15/3.", ctx);
    expect(hit?.result).toMatchObject({ ok: true, deadline: { kind: "by", due: "2024-03-15" } });
  });

  it("points at the words in the sentence as given, markup included", () => {
    const sentence = "Thời gian nộp: chậm nhất **ngày 27 tháng 10 năm 2023**.";
    const [hit] = findDeadlines(sentence, ctx);
    expect(sentence.slice(hit?.index, (hit?.index ?? 0) + (hit?.length ?? 0))).toBe(
      "chậm nhất **ngày 27 tháng 10 năm 2023",
    );
    expect(hit?.result).toMatchObject({ ok: true, deadline: { raw: "chậm nhất ngày 27 tháng 10 năm 2023" } });
  });

  it("reads words without diacritics and decomposed Unicode", () => {
    expect(found("gui ho so truoc ngay 20/10/2023 qua email")).toEqual(["truoc ngay 20/10/2023"]);
    const decomposed = "nộp trước ngày 20/10/2023 nhé".normalize("NFD");
    const [hit] = findDeadlines(decomposed, ctx);
    expect(hit?.result).toMatchObject({ ok: true, deadline: { due: "2023-10-19" } });
    expect(decomposed.slice(hit?.index, (hit?.index ?? 0) + (hit?.length ?? 0)).normalize("NFC")).toBe(
      "trước ngày 20/10/2023",
    );
  });

  it("reports a deadline it cannot read instead of dropping it", () => {
    expect(found("nộp hồ sơ trước ngày 31/02/2024")).toEqual(["!impossible_date"]);
    expect(found("nộp hồ sơ trước ngày 20/10", { calendar })).toEqual(["!missing_year"]);
  });

  it("finds several deadlines in one sentence", () => {
    expect(found("Đăng ký trước ngày 10/10/2023 và nộp hồ sơ chậm nhất ngày 20/5/2024.")).toEqual([
      "trước ngày 10/10/2023",
      "chậm nhất ngày 20/5/2024",
    ]);
  });

  it("finds nothing in an empty or date-free sentence", () => {
    expect(found("")).toEqual([]);
    expect(found("Các đơn vị triển khai thực hiện nghiêm túc.")).toEqual([]);
  });
});
