import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";
import { phasePlan } from "../support/phase-plan.js";

const units = [
  { code: "PGD", name: "Phòng GDĐT huyện Ba Lâm", kind: "phong", role: "officer" },
  { code: "HM", name: "Trường Mầm non Họa Mi", kind: "mam_non", parent: "PGD" },
  { code: "TT", name: "Trường Mầm non tư thục Thỏ Trắng", kind: "mam_non", parent: "PGD" },
] as const;

describe("answers from a guide with dates for public and private schools", () => {
  const fixture = useTestDatabase("pglite");

  it("shows a public school the public schools' date and a private one the private schools'", async () => {
    const ask = await askAsSeated(fixture.database, phasePlan, { today: "2026-05-11", units });
    const own = "nop ho so ve phong cham nhat la hom nao vay";
    const publicSchool = await ask("HM", own);
    expect(publicSchool).toContain("15/05/2026");
    expect(publicSchool).not.toContain("19/05/2026");
    const privateSchool = await ask("TT", own);
    expect(privateSchool).toContain("19/05/2026");
    expect(privateSchool).not.toContain("15/05/2026");
    // A step for public and private schools alike is both's.
    for (const school of ["HM", "TT"])
      expect(await ask(school, "báo cáo tổng kết năm học gửi trước ngày nào ạ")).toContain("22/05/2026");
  });

  it("gives a school the mailbox of its own level", async () => {
    const ask = await askAsSeated(fixture.database, phasePlan, { today: "2026-05-11", units });
    const mail = await ask("HM", "bản mềm gửi qua mail nào thế ạ");
    expect(mail).toContain("mn.balam@balam.edu.vn");
    expect(mail).not.toContain("th.balam@balam.edu.vn");
  });
});
