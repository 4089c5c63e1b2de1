import { describe, expect, it } from "vitest";
import { findDeadlines } from "../../../src/core/deadlines/find-deadlines.js";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { clusterPlanOpening } from "../../support/cluster-plan.js";

// A district Phòng's plan of our own that schedules each cụm on its own day, lists its cụm with the
// leader marked in capitals, gives each cụm its own address and writes its dossier lists "gồm có:".
const lines = [
  ...clusterPlanOpening("SÔNG HÀN"),
  "II. THỜI GIAN",
  "",
  "- Từ 8h00 đến 11h30 các ngày 11 và 12/5/2027: Các cụm họp chấm điểm chéo tại trường cụm trưởng.",
  "",
  "- Các trường nhập kết quả (số quyết định; danh sách được công nhận) lên phần mềm trước ngày 15 hằng tháng.",
  "",
  "3. Lịch tiếp nhận hồ sơ theo cụm",
  "",
  "Hồ sơ nộp tại bộ phận một cửa, Phòng GDĐT quận Sông Hàn (tầng 1, số 9 đường Bến Cảng).",
  "",
  "| Cụm | Ngày tiếp nhận | Buổi | Phòng |",
  "| Cụm 1 | Thứ Hai, 17/5/2027 | Sáng | Phòng 201 |",
  "| Cụm 2 | Thứ Ba, 18/5/2027 | Chiều | Phòng 202 |",
  "",
  "III. HỒ SƠ",
  "",
  "1. Hồ sơ đề nghị công nhận danh hiệu Lao động tiên tiến gồm có:",
  "",
  "a. Tờ trình của Hiệu trưởng (01 bản chính);",
  "",
  "b. Danh sách đề nghị (02 bộ).",
  "",
  "IV. HÌNH THỨC NỘP",
  "",
  "Bản mềm gửi về hộp thư của cụm:",
  "",
  "- Cụm 1: cum1.thidua@songhan.edu.vn",
  "",
  "- Cụm 2: cum2.thidua@songhan.edu.vn",
];
const plan = extractPlan(lines.join("\n"), { calendar: createSchoolCalendar() });

describe("a plan that schedules each cụm on its own day", () => {
  it("reads the cụm with their members and the leader marked in capitals", () => {
    expect(plan.groups.map((g) => [g.name, g.leader, g.members.length])).toEqual([
      ["Cụm 1 (Mầm non)", "Trường Mầm non Họa Mi", 3],
      ["Cụm 2 (Tiểu học)", "Trường Tiểu học Lý Thường Kiệt", 3],
    ]);
  });

  it("reads a schedule by cụm as the date each cụm brings its papers, with its session and room", () => {
    const rows = plan.deadlines.filter((d) => d.responsible?.startsWith("Cụm"));
    expect(rows.map((d) => [d.task, d.responsible, d.kind, d.due])).toEqual([
      ["Nộp hồ sơ (Cụm 1) – Buổi: Sáng; Phòng: Phòng 201", "Cụm 1", "on", "2027-05-17"],
      ["Nộp hồ sơ (Cụm 2) – Buổi: Chiều; Phòng: Phòng 202", "Cụm 2", "on", "2027-05-18"],
    ]);
  });

  it("reads days given their hours as a span, and a day of every month as a schedule", () => {
    const meeting = plan.deadlines.find((d) => d.task.startsWith("Các cụm họp"));
    expect([meeting?.kind, meeting?.start, meeting?.due]).toEqual(["range", "2027-05-11", "2027-05-12"]);
    const monthly = plan.deadlines.find((d) => d.raw === "trước ngày 15 hằng tháng");
    expect(monthly?.kind).toBe("unscheduled");
    // The ";" in brackets lists within the clause: the task keeps its subject.
    expect(monthly?.task).toMatch(/^Các trường nhập kết quả \(số quyết định; danh sách được công nhận\)/u);
  });

  it("does not read a monthly day beside the span it recurs in, nor a quoted one", () => {
    const ctx = { calendar: createSchoolCalendar(), schoolYearStart: 2026 };
    const spanned = findDeadlines(
      "Từ tháng 10/2026 đến tháng 4/2027, các tổ báo cáo trước ngày 25 hằng tháng.",
      ctx,
    );
    expect(spanned.map((h) => h.result.ok && h.result.deadline.kind)).toEqual(["range"]);
    expect(findDeadlines("Các việc ghi “Trước ngày 05 hằng tháng” làm suốt năm học.", ctx)).toEqual([]);
  });

  it("reads a list led by 'gồm có:', each cụm's own address, and a place whose name folds like 'hạn'", () => {
    expect(plan.requirements.map((r) => [r.name, r.items.length])).toEqual([
      ["Hồ sơ đề nghị công nhận danh hiệu Lao động tiên tiến", 2],
    ]);
    expect(plan.channels.filter((c) => c.kind === "email").map((c) => [c.address, c.audience])).toEqual([
      ["cum1.thidua@songhan.edu.vn", "Cụm 1"],
      ["cum2.thidua@songhan.edu.vn", "Cụm 2"],
    ]);
    expect(plan.channels.find((c) => c.kind === "in_person")?.address).toContain("quận Sông Hàn (tầng 1");
  });
});

describe("an appendix schedule by unit under a caption in capitals", () => {
  const plan = extractPlan(
    [
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NAM LÂM",
      "",
      "CÔNG VĂN",
      "",
      'V/v xét tặng danh hiệu "Giáo viên mẫu mực tỉnh Nam Lâm" năm học 2025 - 2026',
      "",
      'Các đơn vị gửi hồ sơ danh hiệu "Giáo viên mẫu mực tỉnh Nam Lâm" theo lịch tại Phụ lục.',
      "",
      "**Phụ lục**",
      "",
      "**LỊCH NHẬN HỒ SƠ**",
      "",
      '**DANH HIỆU "GIÁO VIÊN MẪU MỰC TỈNH NAM LÂM"**',
      "",
      "*(Kèm theo Công văn số 900/SGDĐT-TCCB ngày 10/9/2025)*",
      "",
      "| Ngày | Buổi | Đơn vị nộp | Địa điểm |",
      "| Thứ Ba, 13/01/2026 | Sáng | Các trường THPT thuộc Khối 1 | Phòng 101 |",
      "|  | Chiều | Các trường THPT thuộc Khối 2 | Phòng 101 |",
      "| Thứ Tư, 14/01/2026 | Sáng | Các Phòng GDĐT | Hội trường B |",
    ].join("\n"),
    { calendar: createSchoolCalendar() },
  );
  const rows = plan.deadlines.filter((d) => d.line >= 18);

  it("reads a row per unit, the date carried down a merged cell, as the appendix's rows", () => {
    expect(rows.map((d) => [d.source, d.row, d.due, d.responsible])).toEqual([
      ["appendix", 1, "2026-01-13", "Các trường THPT thuộc Khối 1"],
      ["appendix", 2, "2026-01-13", "Các trường THPT thuộc Khối 2"],
      ["appendix", 3, "2026-01-14", "Các Phòng GDĐT"],
    ]);
  });

  it("names the task after the caption, its quoted title cased as the letter writes it, with session and room", () => {
    expect(rows[1]?.task).toBe(
      'Nộp hồ sơ danh hiệu "Giáo viên mẫu mực tỉnh Nam Lâm" (Các trường THPT thuộc Khối 2) – Buổi: Chiều; Địa điểm: Phòng 101',
    );
  });
});

describe("a meeting's programme by the hour", () => {
  it("reads no deadline, nor a warning, from hours of the day", () => {
    const plan = extractPlan(
      [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NAM LÂM",
        "",
        "KẾ HOẠCH",
        "",
        "Tổ chức Hội nghị điển hình tiên tiến năm 2027",
        "",
        "IV. CHƯƠNG TRÌNH HỘI NGHỊ",
        "",
        "Thời gian\tNội dung\tNgười thực hiện",
        "07h30 – 08h00\tĐón tiếp đại biểu\tVăn phòng Sở",
        "08h00 - 08h30\tBáo cáo tổng kết\tGiám đốc Sở",
      ].join("\n"),
      { calendar: createSchoolCalendar() },
    );
    expect(plan.deadlines).toEqual([]);
  });
});
