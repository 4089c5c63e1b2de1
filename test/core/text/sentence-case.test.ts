import { describe, expect, it } from "vitest";
import { sentenceFromCapitals } from "../../../src/core/text/sentence-case.js";

describe("a caption in capitals written as a sentence", () => {
  it("keeps abbreviations and takes a quoted name's casing from where the document writes it in small letters", () => {
    const text =
      'XÉT "GIÁO VIÊN MẪU MỰC TỈNH NAM LÂM"\nDanh hiệu "Giáo viên mẫu mực tỉnh Nam Lâm" dành cho …';
    expect(
      sentenceFromCapitals('LỊCH NHẬN HỒ SƠ CỦA CÁC TRƯỜNG THPT "GIÁO VIÊN MẪU MỰC TỈNH NAM LÂM"', text),
    ).toBe('Lịch nhận hồ sơ của các trường THPT "Giáo viên mẫu mực tỉnh Nam Lâm"');
  });

  it("leaves a quoted name in small letters when the document never writes it otherwise", () => {
    expect(sentenceFromCapitals('HỘI THI "BÀN TAY VÀNG"', "")).toBe('Hội thi "bàn tay vàng"');
  });
});
