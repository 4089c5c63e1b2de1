import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { phasePlan } from "../../support/phase-plan.js";

describe("an appendix timeline whose time cells run over dashed lines", () => {
  const plan = extractPlan(phasePlan, { calendar: createSchoolCalendar() });
  const rows = plan.deadlines.filter((d) => d.source === "appendix");

  it("keeps every row of the table, a dated step for each clause of a time cell", () => {
    expect(rows.map((d) => [d.row, d.responsible, d.start, d.due])).toEqual([
      [1, "Trường công lập", "2026-05-04", "2026-05-07"],
      [1, "Trường tư thục", "2026-05-04", "2026-05-12"],
      [2, "Trường công lập", null, "2026-05-15"],
      [2, "Trường tư thục", null, "2026-05-19"],
      [3, "Cụm số 1", "2026-05-20", "2026-05-20"],
      [3, "Cụm số 2", "2026-05-21", "2026-05-21"],
      [4, "Phòng GDĐT", "2026-05-25", "2026-05-29"],
    ]);
  });

  it("reads the papers each award needs from the columns marked 'x'", () => {
    expect(plan.requirements.map((r) => [r.name, r.items.length])).toEqual([
      ["Hồ sơ đề nghị danh hiệu Lao động tiên tiến", 1],
      ["Hồ sơ đề nghị danh hiệu Chiến sĩ thi đua cơ sở", 3],
      ["Hồ sơ đề nghị Giấy khen Chủ tịch UBND huyện (tập thể)", 2],
    ]);
    expect(plan.requirements[1]?.items).toContain("Quyết định công nhận sáng kiến");
  });

  it("gives each level's mailbox its level, and reads an upload 'tải các tệp lên' with its file-name rule", () => {
    const byAddress = new Map(plan.channels.map((c) => [c.address, c]));
    expect(byAddress.get("mn.balam@balam.edu.vn")?.audience).toBe("Trường mầm non");
    expect(byAddress.get("https://drive.google.com/drive/folders/BaLam2026")?.fileNamePattern).toBe(
      "<Tên trường viết liền, không dấu>_<Tên hồ sơ>.pdf",
    );
  });
});
