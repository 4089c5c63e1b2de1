import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";
import { reviewNoticePlan } from "../support/review-notice-plan.js";

const units = [
  { code: "HL", name: "Trường THPT Hòa Lạc", kind: "thpt", role: "officer" },
  { code: "TOAN", name: "Tổ Toán", kind: "thpt", parent: "HL" },
  { code: "VAN", name: "Tổ Ngữ văn", kind: "thpt", parent: "HL" },
] as const;

describe("answers from a schedule of tổ meetings", () => {
  const fixture = useTestDatabase("pglite");

  it("shows a tổ its own meeting, not the other tổ's", async () => {
    const ask = await askAsSeated(fixture.database, reviewNoticePlan, { today: "2027-05-14", units });
    const own = await ask("VAN", "tuần sau tổ mình họp bình xét hôm nào, phòng nào");
    expect(own).toContain("P.301");
    expect(own).not.toContain("P.201");
  });
});
