import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan, parseDeadline } from "../../../src/core/index.js";
import { campaignSchoolPlan, decisionWithRules } from "../../support/campaign-school-plan.js";

const calendar = createSchoolCalendar();

describe("a school's campaign in two rounds, and the letter-like part that closes it", () => {
  const plan = extractPlan(campaignSchoolPlan, { calendar });
  const at = (line: number) =>
    plan.deadlines.filter((d) => d.line === line).map((d) => [d.task, d.responsible, d.kind, d.due]);

  it("gives one step a date per round, each round named in its bracket", () => {
    expect(at(15).map(([task, , kind, due]) => [task, kind, due])).toEqual([
      [
        "Tổ trưởng Tổ Tự nhiên gửi danh sách đăng ký giờ dạy mẫu qua e-mail trường (đợt một)",
        "before",
        "2027-02-19",
      ],
      [
        "Tổ trưởng Tổ Tự nhiên gửi danh sách đăng ký giờ dạy mẫu qua e-mail trường (đợt hai)",
        "before",
        "2027-03-11",
      ],
    ]);
  });

  it("reads a numbered week by the days in its bracket", () => {
    expect(plan.deadlines.find((d) => d.line === 17)).toMatchObject({
      kind: "range",
      start: "2027-03-01",
      due: "2027-03-07",
    });
  });

  it("hands in the heading's dossier once per round, by whoever the heading says makes it", () => {
    expect(at(33)).toEqual([
      ["Nộp hồ sơ đề nghị khen lớp xuất sắc của đợt (đợt một)", "giáo viên chủ nhiệm", "by", "2027-03-08"],
      [
        "Nộp hồ sơ đề nghị khen lớp xuất sắc của đợt (đợt hai)",
        "giáo viên chủ nhiệm",
        "before",
        "2027-03-28",
      ],
    ]);
  });

  it("keeps a count of days and the day the plan works out from it as one deadline", () => {
    expect(at(41)).toEqual([
      ["Nộp hồ sơ của khối (đợt một)", "khối trưởng", "by", "2027-03-03"],
      ["Nộp hồ sơ của khối (đợt hai)", "khối trưởng", "by", "2027-03-31"],
    ]);
    expect(plan.deadlines.find((d) => d.line === 41)?.raw).toContain("tức chậm nhất ngày 03/3/2027");
  });

  it("gives the heading's step to each unit a point names, a date in words included", () => {
    expect(at(53)).toEqual([
      [
        "Gửi hồ sơ đề nghị khen thưởng chuyên đề (các trường tiểu học)",
        "các trường tiểu học",
        "by",
        "2027-03-16",
      ],
    ]);
  });

  it("takes no step from a day a span takes in, nor from a rule's date years before the plan", () => {
    expect(at(57).map(([, , kind]) => kind)).toEqual(["range"]);
    expect(plan.deadlines.some((d) => d.due?.startsWith("2019"))).toBe(false);
  });

  it("counts working days back from a meeting dated in the sentence before", () => {
    expect(at(59).at(-1)).toEqual(["Hồ sơ bổ sung phải gửi về trường", null, "by", "2027-03-26"]);
  });

  it("reads a table of a teacher's papers under a bullet, a dossier whose maker is named, and a report's parts", () => {
    expect(plan.requirements.map((r) => [r.name, r.items.length])).toEqual([
      ["Hồ sơ giờ dạy mẫu của mỗi giáo viên", 2],
      ["Hồ sơ đề nghị khen lớp xuất sắc của đợt", 2],
      ["Hồ sơ của khối", 2],
      ["Báo cáo gửi Ban Văn hóa – Giáo dục xã An Thạnh", 2],
    ]);
  });

  it("reads a file name per dossier, either subject, and a postal address", () => {
    const [system, email, post] = plan.channels;
    expect(system?.fileNamePattern).toContain("LXS_Tên lớp (hồ sơ lớp xuất sắc)");
    expect(email?.subjectRule).toBe("KTCD - Tên trường hoặc LXS - Tên lớp");
    expect(post).toMatchObject({
      kind: "post",
      address: "Văn phòng UBND xã An Thạnh, số 12 đường Lê Lai, xã An Thạnh",
    });
  });

  it("reads staff named after their title, and what a closing sentence asks each of them about", () => {
    expect(plan.contacts.map((c) => [c.name, c.title, c.scope, c.phone])).toEqual([
      ["Trịnh Thị Ngân", "Phó Hiệu trưởng", "phụ trách giờ dạy mẫu, nhận hồ sơ của các tổ", "0913 222 505"],
      [
        "Kha Văn Lực",
        "Văn thư",
        "giữ hộp thư điện tử của trường, phát hành báo cáo; báo cáo gửi xã",
        "0274 3 811 902",
      ],
    ]);
  });
});

describe("a decision that issues a Quy chế", () => {
  it("reads the dates of the Quy chế after the decision's own closing, and none that set no task", () => {
    const plan = extractPlan(decisionWithRules, { calendar });
    expect(plan.deadlines.map((d) => [d.task, d.due])).toEqual([
      ["Các trường gửi bản đăng ký thi đua về Phòng GDĐT", "2026-10-15"],
    ]);
  });
});

describe("dates as a school's schedule writes them", () => {
  const read = (text: string) => {
    const result = parseDeadline(text, { calendar, schoolYearStart: 2026 });
    return result.ok ? [result.deadline.kind, result.deadline.start, result.deadline.due] : result.reason;
  };

  it("reads a month in words before a year, a part of the day, and a week with its days", () => {
    expect(read("hạn chót ngày hai mươi tháng Tư năm 2027")).toEqual(["by", null, "2027-04-20"]);
    expect(read("Chiều 14/01/2027")).toEqual(["on", "2027-01-14", "2027-01-14"]);
    expect(read("Tuần 3 (11/01 – 17/01)")).toEqual(["range", "2027-01-11", "2027-01-17"]);
  });
});

describe("a school's khối of classes", () => {
  it("takes the classes in the bracket as members and the teacher named after 'khối trưởng' as leader", () => {
    const plan = extractPlan(campaignSchoolPlan, { calendar });
    expect(plan.groups.map((g) => [g.name, g.leader, g.members])).toEqual([
      ["Khối 7", "Lê Văn Bình (GVCN 7A2)", ["7A1", "7A2", "7A3"]],
    ]);
  });
});

describe("a Quy chế's chapters and articles", () => {
  it("are parts of the plan, with an article's clauses under it", () => {
    const plan = extractPlan(decisionWithRules, { calendar });
    const article = plan.sections.findIndex((s) => s.numbering === "Điều 7");
    expect(plan.sections[article]?.heading).toBe("Hồ sơ gửi muộn");
    expect(plan.sections.find((s) => s.numbering === "Chương III")?.body).toBe("TỔ CHỨC THỰC HIỆN");
    expect(plan.sections.filter((s) => s.parent === article).map((s) => s.numbering)).toEqual(["1", "2"]);
  });
});
