import { describe, expect, it } from "vitest";
import { usePlansFixture } from "../support/plans-fixture.js";

describe("general questions quote the best passage of the plan they are about", () => {
  const { ask } = usePlansFixture({ plans: ["003_dc7a978b8978f047.txt", "004_16f22e57a68bc53a.txt"] });

  it("sets aside the words of the plan's title when the question names the plan", async () => {
    // Every section of the anti-epidemic plan speaks of "phong trào thi đua … chống dịch".
    const { text } = await ask("Hình thức khen thưởng của phong trào chống dịch là gì?", "2021-10-20");
    expect(text).toContain("Hình thức khen thưởng");
    expect(text).toContain("Huân chương Lao động");
    expect(text).toContain("Giấy khen của Sở Giáo dục và Đào tạo Hà Nội");
  });

  it("quotes first the sentence that decides a yes/no question, with the section's number", async () => {
    const { text, intent } = await ask(
      "Cá nhân có thành tích tiêu biểu trong phòng chống dịch có được đề nghị khen thưởng cấp Thành phố không?",
      "2021-10-20",
    );
    expect(intent).toBe("search");
    expect(text).toMatch(/, mục [\dA-Za-z.]+:/);
    expect(text).toContain("Đối tượng, tiêu chuẩn khen thưởng");
    expect(text.indexOf("Đoạn trả lời câu hỏi")).toBeLessThan(text.indexOf("Đối tượng, tiêu chuẩn"));
  });
});
