import { describe, expect, it } from "vitest";
import { createSchoolCalendar, fixedClock, importPlan, listPlans } from "../../../src/core/index.js";
import { imageOnlyPdf, planTextToPdf } from "../../support/build-pdf.js";
import { engines, useTestDatabase } from "../../support/engines.js";

const options = { calendar: createSchoolCalendar(), clock: fixedClock("2024-10-01") };
const notice = "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n\nKẾ HOẠCH\n\nCác trường nộp hồ sơ trước ngày 10/11/2024.\n";

describe.each(engines)("importing a PDF plan (%s)", (engine) => {
  const t = useTestDatabase(engine);

  it("stores a PDF with a text layer as a draft with its deadline", async () => {
    const result = await importPlan(
      t.database.db,
      { name: "kh.pdf", bytes: await planTextToPdf(notice) },
      options,
    );
    expect(result.extraction.deadlines.map((d) => d.due)).toEqual(["2024-11-09"]);
    expect(await listPlans(t.database.db)).toHaveLength(1);
  });

  it("stores nothing from a scanned PDF or a password-protected one", async () => {
    const scanned = importPlan(t.database.db, { name: "scan.pdf", bytes: await imageOnlyPdf() }, options);
    await expect(scanned).rejects.toMatchObject({ messageKey: "errors.plan_pdf_no_text" });
    const locked = await planTextToPdf(notice, { userPassword: "khoa" });
    await expect(
      importPlan(t.database.db, { name: "khoa.pdf", bytes: locked }, options),
    ).rejects.toMatchObject({
      messageKey: "errors.plan_pdf_encrypted",
    });
    expect(await listPlans(t.database.db)).toEqual([]);
  });
});
