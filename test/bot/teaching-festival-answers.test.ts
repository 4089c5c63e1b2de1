import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";
import { teachingFestivalPlan } from "../support/teaching-festival-plan.js";

const units = [
  { code: "PGD", name: "Phòng GDĐT huyện Đông Sơn", kind: "phong", role: "officer" },
  { code: "MN", name: "Trường Mầm non Hoa Mai", kind: "mam_non", parent: "PGD" },
  { code: "THCS", name: "Trường THCS Đông Sơn", kind: "thcs", parent: "PGD" },
  { code: "DH", name: "Trường THCS Đông Hòa", kind: "thcs", parent: "PGD" },
  { code: "HL", name: "Trường THCS Hà Long", kind: "thcs", parent: "PGD" },
] as const;

describe("answers from a district office's teaching festival plan", () => {
  const fixture = useTestDatabase("pglite");

  it("shows the day a 'trước ngày' deadline names beside its last day", async () => {
    const ask = await askAsSeated(fixture.database, teachingFestivalPlan, { today: "2027-03-01", units });
    const due = await ask("THCS", "ho so cong nhan de tai cap huyen han chot ngay may vay");
    expect(due).toContain("14/03/2027 (trước ngày 15/03/2027)");
    await ask("THCS", "/lang en");
    const english = await ask("THCS", "When is the đề tài cấp huyện dossier due?");
    expect(english).toContain("14/03/2027 (before 15/03/2027)");
  });

  it("puts first what a focal person's own unit has not handed in, before past events", async () => {
    const ask = await askAsSeated(fixture.database, teachingFestivalPlan, { today: "2026-12-20", units });
    const late = await ask("THCS", "truong minh dang bi qua han nhung viec nao");
    // The event of 16/12 is more recent, but the school's list of teachers (09/12) is what it owes.
    expect(late).toContain("16/12/2026");
    expect(late.indexOf("09/12/2026")).toBeGreaterThan(0);
    expect(late.indexOf("09/12/2026")).toBeLessThan(late.indexOf("16/12/2026"));
  });

  it("answers a level's dossier with that level's list when the table names the dossier by level", async () => {
    const plan = teachingFestivalPlan.replace(
      "| Danh sách giáo viên dự hội giảng |",
      "| Hồ sơ dự hội giảng |",
    );
    const ask = await askAsSeated(fixture.database, plan, { today: "2026-11-20", units });
    const papers = await ask("MN", "mn tham gia hoi giang thi nop kem nhung mau nao");
    expect(papers).toContain("Mẫu HG1");
    expect(papers).toContain("giáo án hoạt động dự thi");
    expect(papers).not.toContain("Mẫu HG2");
  });

  it("counts only a khối's own units, its members read past the remark after its leader", async () => {
    const ask = await askAsSeated(fixture.database, teachingFestivalPlan, { today: "2027-05-21", units });
    const missing = await ask("PGD", "khoi 1 con truong nao chua gui ho so de nghi khen thuong");
    expect(missing).toContain("Trường THCS Đông Sơn");
    expect(missing).toContain("Trường THCS Đông Hòa");
    expect(missing).not.toContain("Trường THCS Hà Long");
  });

  it("answers the dossier asked, not the one it is compared with, with the sentence on keeping it apart", async () => {
    const ask = await askAsSeated(fixture.database, teachingFestivalPlan, { today: "2027-04-05", units });
    const apart = await ask(
      "THCS",
      "bằng khen chủ tịch tỉnh thì tờ trình mấy bản, để chung với bộ giấy khen được ko",
    );
    expect(apart).toContain("Hồ sơ đề nghị Bằng khen của Chủ tịch UBND tỉnh gồm");
    expect(apart).toContain("Tờ trình của Phòng (02 bản chính)");
    expect(apart).toContain("Lập riêng, không để chung với hồ sơ các hình thức khác");
    // Its papers say their copies: the plan's copies of other dossiers are not offered for it.
    expect(apart).not.toContain("01 bộ bản chính");
  });

  it("reads 'có … được không' as whether it is allowed, and 'đã … chưa' as where the unit stands", async () => {
    const ask = await askAsSeated(fixture.database, teachingFestivalPlan, { today: "2026-11-02", units });
    const allowed = await ask.understood("THCS", "bên mình có gửi hồ sơ đề tài cho hai giáo viên được không");
    expect(allowed.intent).toBe("search");
    const standing = await ask.understood("THCS", "đề tài của trường mình gửi lên phòng chưa");
    expect(standing.intent).toBe("my_status");
  });

  it("lists everything still owed when a question names one step and then asks what is still outstanding", async () => {
    const ask = await askAsSeated(fixture.database, teachingFestivalPlan, { today: "2026-12-20", units });
    const owed = await ask(
      "THCS",
      "Has our school sent the kế hoạch hội giảng yet? What's still outstanding for us?",
    );
    expect(owed).toContain("13/11/2026");
    expect(owed).toContain("09/12/2026");
  });

  it("names with a khối the officer whose duty says they follow it", async () => {
    const ask = await askAsSeated(fixture.database, teachingFestivalPlan, { today: "2027-04-05", units });
    const group = await ask("PGD", "khối các phòng gd thì phòng nào làm khối trưởng, ai theo dõi khối đó");
    expect(group).toContain("Phòng GDĐT huyện Hà Trung");
    expect(group).toContain("Trần Thị Hoa");
  });

  it("reads the duties of a period as such, whatever role the sender names on the way", async () => {
    const ask = await askAsSeated(fixture.database, teachingFestivalPlan, { today: "2026-11-02", units });
    const duties = await ask.understood(
      "THCS",
      "tu 9/11 den 20/11 truong minh (thanh vien khoi 1) phai lam nhung viec gi",
    );
    expect(duties.intent).toBe("due_in_period");
    expect(duties.text).toContain("13/11/2026");
    expect(duties.text).toContain("20/11/2026");
    // The reading answered is not offered again as another one.
    expect(duties.text).not.toContain("Việc đến hạn trong khoảng thời gian đó");
  });

  it("counts a khối named in English, and takes the step a form's code names", async () => {
    const ask = await askAsSeated(fixture.database, teachingFestivalPlan, { today: "2027-05-21", units });
    const english = await ask("PGD", "Which schools in emulation group 1 still owe their award dossiers?");
    expect(english).toContain("Trường THCS Đông Sơn");
    expect(english).not.toContain("Trường THCS Hà Long");
    const form = await ask("PGD", "khoi 1 thi truong nao con thieu mau 02-DK");
    expect(form).toContain("Mẫu 02-ĐK");
    expect(form).toContain("Trường THCS Đông Hòa");
    expect(form).not.toContain("Trường THCS Hà Long");
  });

  it("names a khối's deputy when asked who it is", async () => {
    const ask = await askAsSeated(fixture.database, teachingFestivalPlan, { today: "2027-04-05", units });
    const deputy = await ask("PGD", "Which school is the deputy of emulation group 1?");
    expect(deputy).toContain("Trường THCS Đông Sơn");
    expect(deputy).toMatch(/deputy: Trường THCS Đông Sơn|phó: Trường THCS Đông Sơn/u);
  });
});
