import { describe, expect, it } from "vitest";
import { answersQuantity } from "../../src/bot/search/quantity-asked.js";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";

// Our own Phòng guide whose points open with the title they set a quota for.
const plan = [
  "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN BA LÂM",
  "",
  "HƯỚNG DẪN",
  "",
  "Khen thưởng năm học 2025-2026",
  "",
  "1. Danh hiệu thi đua",
  "",
  '1.1. Danh hiệu "Lao động tiên tiến": xét cho cá nhân hoàn thành tốt nhiệm vụ; nghỉ từ 40 ngày làm việc trở lên không được xét.',
  "",
  '1.2. Danh hiệu "Chiến sĩ thi đua cơ sở": xét cho cá nhân đạt "Lao động tiên tiến" và có sáng kiến. Số lượng không quá 12% số cá nhân đạt "Lao động tiên tiến"; đơn vị nhỏ được đề nghị 01 người.',
  "",
  '1.3. Danh hiệu "Tập thể lao động xuất sắc": tập thể có 100% cá nhân hoàn thành nhiệm vụ, ít nhất 70% đạt "Lao động tiên tiến" và có cá nhân đạt "Chiến sĩ thi đua cơ sở".',
  "",
  "2. Hình thức khen thưởng",
  "",
  "- Giấy khen tập thể: tặng cho tổ có thành tích tiêu biểu.",
  "",
  '- Giấy khen cá nhân: tặng cho cá nhân có thành tích xuất sắc; số lượng đề nghị không vượt quá 25% số cá nhân đạt "Lao động tiên tiến" của đơn vị.',
].join("\n");

const units = [{ code: "PGD", name: "Phòng GDĐT huyện Ba Lâm", kind: "phong", role: "officer" }] as const;

describe("a quota asked of a title the plan's points open with", () => {
  const fixture = useTestDatabase("pglite");

  it("quotes the point of the title asked, though another point states shares of it too", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2026-04-20", units });
    const share = await ask("PGD", "cstdcs duoc de nghi nhieu nhat bao nhieu phan tram vay");
    expect(share).toContain("12%");
    const people = await ask("PGD", "giay khen ca nhan moi don vi de nghi toi da bao nhieu nguoi");
    expect(people).toContain("25%");
  });

  it("reads what a question counts after any of its question words, in English too", () => {
    expect(answersQuantity("de nghi toi da bao nhieu nguoi")?.counted).toBe(true);
    expect(answersQuantity("how many schools per cluster can be proposed")?.counted).toBe(true);
    expect(answersQuantity("bao nhieu nguoi")?.states("khong vuot qua 25% so ca nhan")).toBe(true);
    // Initiatives, co-authors, pages and votes are counted as the plans count them.
    expect(
      answersQuantity("mot truong duoc gui len may sang kien la nhieu nhat")?.states(
        "khong qua 05 sang kien",
      ),
    ).toBe(true);
    expect(answersQuantity("toi da may trang")?.states("khong qua 04 trang")).toBe(true);
  });
});
