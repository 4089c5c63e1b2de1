import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { teachingFestivalPlan } from "../../support/teaching-festival-plan.js";

const calendar = createSchoolCalendar();
const plan = extractPlan(teachingFestivalPlan, { calendar });
const lineOf = (words: string) => teachingFestivalPlan.split("\n").findIndex((l) => l.includes(words)) + 1;
const at = (words: string) => plan.deadlines.filter((d) => d.line === lineOf(words));
const listNamed = (name: string) => plan.requirements.find((r) => r.name === name);

describe("a district office's teaching festival plan", () => {
  it("reads a table with a column per level as a step per level, each cell its last day", () => {
    const rows = at("| Danh sách giáo viên dự hội giảng |");
    expect(rows.map((d) => [d.responsible, d.kind, d.due])).toEqual([
      ["Mầm non", "by", "2026-12-04"],
      ["Tiểu học", "by", "2026-12-07"],
      ["THCS", "by", "2026-12-09"],
    ]);
    // The table's lead says these are days to hand in by: the row names the paper, the step hands it in.
    expect(rows[0]?.task).toBe("Nộp danh sách giáo viên dự hội giảng – mầm non");
    const award = at("| Hồ sơ đề nghị khen thưởng |");
    expect(award[0]).toMatchObject({ kind: "range", start: "2027-05-10", due: "2027-05-14" });
    expect(award.slice(1).map((d) => d.due)).toEqual(["2027-05-18", "2027-05-20"]);
  });

  it("gives each level its date when the step says how it is sent before a colon", () => {
    const steps = at("qua e-mail: mầm non");
    expect(steps.map((d) => d.responsible)).toEqual([
      "các trường mầm non",
      "các trường tiểu học",
      "các trường THCS",
    ]);
    expect(steps[0]?.task).toContain("qua e-mail");
  });

  it("gives a level's own date ('riêng mầm non hạn chót …') the step of its line", () => {
    const [all, kindergartens] = at("bài dự thi viết");
    expect(all).toMatchObject({ due: "2026-11-20", responsible: "Các trường" });
    expect(kindergartens).toMatchObject({
      due: "2026-11-18",
      responsible: "các trường mầm non",
      task: "Các trường nộp bài dự thi viết (các trường mầm non)",
    });
  });

  it("dates a line opening with a count of days from the plan's one event of that kind", () => {
    expect(at("03 ngày sau Hội giảng")[0]).toMatchObject({
      raw: "03 ngày sau Hội giảng",
      kind: "by",
      due: "2026-12-19",
      task: "Các trường gửi báo cáo rút kinh nghiệm về Phòng",
    });
  });

  it("keeps a round of an event for the level its words name, not the units named above it", () => {
    expect(at("Vòng 2 Hội giảng cấp THCS")[0]).toMatchObject({
      kind: "range",
      start: "2027-01-11",
      due: "2027-01-15",
      responsible: null,
    });
  });

  it("reads two weeks of a month as those Monday–Sunday weeks", () => {
    expect(at("hai tuần cuối của tháng 01/2027")[0]).toMatchObject({
      kind: "range",
      start: "2027-01-18",
      due: "2027-01-31",
    });
  });

  it("takes no step from the span achievements are counted in", () => {
    expect(at("Từ ngày 01/9/2026 đến ngày 31/5/2027")).toEqual([]);
  });

  it("names a bare 'nộp trước ngày …' by the dossier its part is headed with", () => {
    expect(at("Dành cho giáo viên")[0]).toMatchObject({
      kind: "before",
      due: "2027-03-14",
      task: "Nộp hồ sơ công nhận đề tài cấp huyện",
    });
  });

  it("reads a line per award under a dossier heading as that award's list, with the heading's copies", () => {
    expect(listNamed("Hồ sơ giấy khen của Chủ tịch UBND huyện")).toMatchObject({
      items: ["Tờ trình của trường", "Biên bản họp Hội đồng trường", "Báo cáo thành tích (Mẫu 07)"],
      copies: "01 bộ bản chính",
    });
    expect(listNamed("Hồ sơ danh hiệu “Lao động tiên tiến”")?.items).toHaveLength(2);
  });

  it("reads a line per level under a lead as a list per level", () => {
    expect(listNamed("Hồ sơ dự hội giảng (mầm non)")?.items).toEqual([
      "phiếu đăng ký dự thi (Mẫu HG1)",
      "giáo án hoạt động dự thi",
    ]);
    expect(listNamed("Hồ sơ dự hội giảng (tiểu học, THCS)")?.items).toHaveLength(3);
    expect(plan.requirements.some((r) => r.name === "Hồ sơ dự hội giảng")).toBe(false);
  });

  it("ends papers numbered in a sentence at the sentence's end", () => {
    expect(listNamed("Hồ sơ đăng ký hội giảng")).toMatchObject({
      items: ["Công văn cử giáo viên", "Phiếu đăng ký dự thi (Mẫu HG1)", "Lý lịch khoa học của giáo viên"],
      copies: "01 bản PDF",
    });
  });

  it("reads papers listed in a sentence up to how they are handed in", () => {
    expect(listNamed("Hồ sơ tổng kết của cụm")).toMatchObject({
      items: ["biên bản họp cụm", "bảng xếp loại các trường", "tờ trình đề nghị khen thưởng cụm"],
      copies: "01 bản giấy",
    });
  });

  it("reads a table of papers under a sentence ending 'Hồ sơ gồm:' as the heading's dossier", () => {
    expect(listNamed("Hồ sơ công nhận đề tài cấp huyện")?.items).toEqual([
      "Đơn đề nghị xét đề tài: 01 bản, bản chính",
      "Báo cáo đề tài: 02 bản, kèm file Word",
    ]);
    // The plan's next numbered part after the table is no paper of it.
    expect(plan.requirements.some((r) => r.items.some((i) => i.startsWith("Hồ sơ đề nghị Bằng khen")))).toBe(
      false,
    );
  });

  it("keeps a heading's name for a lead that only compares it with other dossiers", () => {
    expect(listNamed("Hồ sơ đề nghị Bằng khen của Chủ tịch UBND tỉnh")?.items).toHaveLength(2);
    expect(plan.requirements.some((r) => r.name.includes("các hình thức khác"))).toBe(false);
  });

  it("links a level's step of the table to that level's list", () => {
    const lists = plan.requirements.map((r) => r.name);
    expect(lists).toContain("Hồ sơ dự hội giảng (mầm non)");
    const contest = extractPlan(
      teachingFestivalPlan.replace("| Danh sách giáo viên dự hội giảng |", "| Hồ sơ dự hội giảng |"),
      { calendar },
    );
    const kindergartens = contest.deadlines.find((d) => d.task === "Nộp hồ sơ dự hội giảng – mầm non");
    expect(kindergartens?.requirement).toBe("Hồ sơ dự hội giảng (mầm non)");
  });

  it("reads a khối's members that share a head, past the remark after its leader", () => {
    expect(plan.groups?.find((g) => g.name === "Khối thi đua số 1")).toMatchObject({
      leader: "Trường THCS Đông Hòa",
      deputy: "Trường THCS Đông Sơn",
      members: [
        "Trường THCS Đông Sơn",
        "Trường THCS Đông Hòa",
        "Trung tâm GDNN-GDTX Đông Tiến",
        "Trung tâm GDNN-GDTX Hà Trung",
        "Trung tâm Hướng nghiệp – Dạy nghề huyện",
      ],
    });
  });

  it("reads a khối whose members come before its name", () => {
    expect(plan.groups?.find((g) => g.name === "Khối thi đua các Phòng GDĐT")).toMatchObject({
      leader: "Phòng GDĐT huyện Hà Trung",
      members: [
        "Phòng GDĐT thành phố Thanh Hà",
        "Phòng GDĐT thị xã Bỉm Sơn",
        "Phòng GDĐT huyện Đông Sơn",
        "Phòng GDĐT huyện Hà Trung",
      ],
    });
  });

  it("reads a file-name rule's codes from the sentence after it", () => {
    const system = plan.channels.find((c) => c.kind === "system");
    expect(system?.fileNamePattern).toBe(
      "Mã trường_Mã hồ sơ_2027; Mã hồ sơ: GKH (Giấy khen của Chủ tịch UBND huyện), LĐTT (Lao động tiên tiến), HG (hội giảng)",
    );
  });
});
