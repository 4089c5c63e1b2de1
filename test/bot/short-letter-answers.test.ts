import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";
import { shortLetterPlan } from "../support/short-letter-plan.js";

const units = [
  { code: "PGD", name: "Phòng GDĐT huyện Ba Lâm", kind: "phong", role: "officer" },
  { code: "HH", name: "Trường MN Hoa Hồng", kind: "mam_non", parent: "PGD" },
  { code: "BL", name: "Trường THCS Bắc Lâm", kind: "thcs", parent: "PGD" },
] as const;

describe("answers from a letter that dates steps by level and by cụm", () => {
  const fixture = useTestDatabase("pglite");

  it("shows each school its own cụm's meeting, though a clause names several cụm", async () => {
    const ask = await askAsSeated(fixture.database, shortLetterPlan, { today: "2026-01-05", units });
    const question = "lịch họp sơ kết của cụm mình rơi vào hôm nào";
    const first = await ask("HH", question);
    expect(first).toContain("12/01/2026");
    expect(first).not.toContain("19/01/2026");
    const third = await ask("BL", question);
    expect(third).toContain("19/01/2026");
    expect(third).not.toContain("12/01/2026");
  });

  it("shows a school its own level's date from a bracket after the date", async () => {
    const ask = await askAsSeated(fixture.database, shortLetterPlan, { today: "2026-01-05", units });
    const own = await ask("BL", "truong minh phai xong bo ho so so ket hoc ky 1 truoc ngay nao");
    expect(own).toContain("16/01/2026");
    expect(own).not.toContain("14/01/2026");
  });
});
