import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan, ThiduaError } from "../../../src/core/index.js";

// Documents written for these tests in the forms plans also arrive in: an official letter (công văn),
// a notice (thông báo) and a school website's repost. The five samples in shared/plans are all plans.
const fixture = (name: string) =>
  extractPlan(readFileSync(new URL(`../../fixtures/plans/${name}`, import.meta.url), "utf8"), {
    calendar: createSchoolCalendar(),
  });
const dates = (x: ReturnType<typeof fixture>) => x.deadlines.map((d) => [d.raw, d.kind, d.start, d.due]);

describe("plans in other forms", () => {
  it("keeps the closing paragraph ('Trên đây là …') apart from the last numbered item", () => {
    const x = extractPlan(
      [
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THANH OAI",
        "KẾ HOẠCH",
        "Thi đua chào mừng ngày 20/11 năm 2025",
        "1. Các trường tổ chức hội giảng trong tháng 11/2025.",
        "2. Tổ Văn phòng tổng hợp kết quả.",
        "Trên đây là kế hoạch thi đua của Phòng; trong quá trình thực hiện có vướng mắc, các trường liên hệ Tổ Văn phòng để được giải đáp.",
      ].join("\n\n"),
      { calendar: createSchoolCalendar() },
    );
    const last = x.sections[x.sections.length - 1];
    expect(last).toMatchObject({ numbering: null, body: "", parent: null });
    expect(last?.heading).toMatch(/^Trên đây là kế hoạch/);
    expect(x.sections.find((s) => s.numbering === "2")?.body).toBe("");
  });

  it("reads an official letter (công văn) with its dossier list, channel and contact", () => {
    const x = fixture("cong-van-dang-ky.txt");
    expect(x.document).toMatchObject({
      kind: "CÔNG VĂN",
      number: "512/PGDĐT-TĐKT",
      place: "Gia Lâm",
      issuedOn: "2025-09-15",
      title: "Đăng ký danh hiệu thi đua năm học 2025 - 2026",
      schoolYear: "2025-2026",
      signer: "Phạm Văn Minh",
    });
    expect(x.document.issuer).toContain("Phòng Giáo dục và Đào tạo");
    expect(dates(x)).toEqual([
      ["chậm nhất ngày 10/10/2025", "by", null, "2025-10-10"],
      ["Từ ngày 20/10/2025 đến ngày 31/10/2025", "range", "2025-10-20", "2025-10-31"],
    ]);
    expect(x.deadlines[0]?.responsible).toBe("các trường");
    expect(x.requirements).toHaveLength(1);
    expect(x.requirements[0]?.items).toEqual([
      "Tờ trình đăng ký danh hiệu thi đua của đơn vị",
      "Bảng tổng hợp đăng ký danh hiệu thi đua tập thể, cá nhân (theo mẫu)",
      "Biên bản họp Hội đồng thi đua, khen thưởng của đơn vị",
    ]);
    expect(x.requirements[0]?.copies).toBe("01 bản file word và 01 bản file pdf có chữ ký, đóng dấu");
    expect(x.channels).toEqual([
      expect.objectContaining({ kind: "email", address: "thiduagialam@hanoiedu.vn" }),
    ]);
    expect(x.contacts).toEqual([
      expect.objectContaining({ name: "Lê Thị Hoa", title: "Chuyên viên", phone: "0912 345 678" }),
    ]);
  });

  it("reads a notice (thông báo) with numbered steps", () => {
    const x = fixture("thong-bao-tong-ket.txt");
    expect(x.document).toMatchObject({
      kind: "THÔNG BÁO",
      number: "88/TB-SGDĐT",
      issuedOn: "2025-05-02",
      title: "Lịch xét thi đua, khen thưởng cuối năm học 2024 - 2025",
      schoolYear: "2024-2025",
      signer: "Đỗ Thanh Bình",
    });
    expect(dates(x)).toEqual([
      ["trước ngày 20/5/2025", "before", null, "2025-05-19"],
      ["từ ngày 21/5/2025 đến hết ngày 28/5/2025", "range", "2025-05-21", "2025-05-28"],
      ["tháng 6/2025", "month", "2025-06-01", "2025-06-30"],
      ["quý III năm 2025", "quarter", "2025-07-01", "2025-09-30"],
    ]);
    expect(x.deadlines[1]?.responsible).toBe("Các phòng Giáo dục và Đào tạo");
  });

  it("reads a school website's repost, leaving absent header fields empty", () => {
    const x = fixture("tin-truong.md");
    expect(x.document).toMatchObject({
      kind: null,
      number: null,
      title: "Trường THCS Nguyễn Du triển khai đăng ký thi đua năm học 2024 - 2025",
      schoolYear: "2024-2025",
      signer: null,
    });
    expect(dates(x)).toEqual([
      ["trước ngày 25/9/2024", "before", null, "2024-09-24"],
      ["Hạn chót nộp sáng kiến kinh nghiệm: 15/4/2025", "by", null, "2025-04-15"],
      ["tháng 5 năm 2025", "month", "2025-05-01", "2025-05-31"],
    ]);
  });

  it("refuses text with nothing to extract", () => {
    expect(() =>
      extractPlan("Xin chào các bạn.\n\nHôm nay trời đẹp.", { calendar: createSchoolCalendar() }),
    ).toThrow(ThiduaError);
  });
});
