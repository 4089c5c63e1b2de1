import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";
import { schoolMonthPlan } from "../support/school-month-plan.js";

const units = [
  { code: "HL", name: "Trường Tiểu học Hoa Lư", kind: "tieu_hoc", role: "officer" },
  { code: "T2", name: "Tổ 2", kind: "tieu_hoc", parent: "HL" },
] as const;

describe("answers from a school's own plan", () => {
  const fixture = useTestDatabase("pglite");

  it("shows a tổ its own Drive folder, not the other tổ's", async () => {
    const ask = await askAsSeated(fixture.database, schoolMonthPlan, { today: "2026-10-05", units });
    const folder = await ask("T2", "bản pdf của tổ bên em up lên thư mục nào vậy ạ");
    expect(folder).toContain("https://drive.google.com/drive/folders/HoaLuTo2");
    expect(folder).not.toContain("https://drive.google.com/drive/folders/HoaLuTo1");
  });

  it("gives the phone of a council member the plan lists again at its end", async () => {
    const ask = await askAsSeated(fixture.database, schoolMonthPlan, { today: "2026-10-05", units });
    const phone = await ask("HL", "so dien thoai thay pho hieu truong la bao nhieu");
    expect(phone).toContain("0912 000 222");
  });
});
