import { describe, expect, it } from "vitest";
import { askOwnPlan } from "../support/ask-own-plan.js";
import { useTestDatabase } from "../support/engines.js";

// A Sở's notice of our own that names who takes in the paper dossiers.
const plan = [
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH VẠN AN",
  "",
  "THÔNG BÁO",
  "",
  "Về việc nộp hồ sơ khen thưởng năm học 2026 – 2027",
  "",
  "1. Các trường THPT nộp hồ sơ đề nghị Bằng khen về Văn phòng Sở chậm nhất ngày 20/5/2027.",
  "",
  "2. Liên hệ: bà Trần Thị Mai, văn thư Văn phòng Sở, tiếp nhận hồ sơ giấy tại Phòng 12, điện thoại 0912 000 111.",
].join("\n");

describe("a phone number asked for", () => {
  const fixture = useTestDatabase("pglite");

  it("is a question about who takes the dossiers in, never a receipt to record", async () => {
    const ask = await askOwnPlan(fixture.database, plan, {
      today: "2027-05-12",
      viewer: { role: "officer" },
    });
    for (const text of ["sđt chị tiếp nhận hồ sơ giấy", "số máy người nhận hồ sơ bằng khen"]) {
      const answer = await ask(text);
      expect(answer.intent).toBe("contact");
      expect(answer.text).toContain("0912 000 111");
    }
  });
});
