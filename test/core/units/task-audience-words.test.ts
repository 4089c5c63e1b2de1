import { describe, expect, it } from "vitest";
import { resolveAudience } from "../../../src/core/units/audience.js";

// Who must do a task, from its "đơn vị thực hiện" words (rules in src/core/units/audience.ts).
describe("resolveAudience", () => {
  const sorted = (words: string, issuer: string) => resolveAudience(words, issuer)?.slice().sort();

  it("keeps a level named with 'các trường' to that level", () => {
    expect(
      sorted("Các trường tiểu học công lập và tư thục", "Phòng Giáo dục và Đào tạo huyện Ba Vì"),
    ).toEqual(["tieu_hoc"]);
    expect(sorted("các trường THCS", "Phòng Giáo dục và Đào tạo huyện Ba Vì")).toEqual(["thcs"]);
  });

  it("gives 'các trường' alone every school, and each clause its own", () => {
    expect(sorted("Các trường", "Phòng Giáo dục và Đào tạo huyện Ba Vì")).toEqual(
      ["gdtx", "lien_cap", "mam_non", "thcs", "thpt", "tieu_hoc"].sort(),
    );
    expect(sorted("các trường mầm non; các khối thi đua", "Phòng Giáo dục và Đào tạo huyện Ba Vì")).toEqual(
      ["gdtx", "lien_cap", "mam_non", "thcs", "thpt", "tieu_hoc"].sort(),
    );
  });

  it("reads one school of two levels as liên cấp, and 'các trường' of two levels as both", () => {
    const phong = "Phòng Văn hóa - Xã hội xã Mỹ Lộc";
    expect(sorted("THCS và trường TH và THCS", phong)).toEqual(["lien_cap", "thcs"]);
    expect(sorted("Trường Tiểu học và THCS Sao Mai", phong)).toEqual(["lien_cap"]);
    expect(sorted("các trường tiểu học và THCS", phong)).toEqual(["thcs", "tieu_hoc"]);
    expect(sorted("Các trường liên cấp", phong)).toEqual(["lien_cap"]);
  });

  it("does not read 'tổ trưởng chuyên môn' as a specialised school, and reads a bare 'Phòng' as the Phòng", () => {
    expect(resolveAudience("Tổ trưởng chuyên môn", "Trường THPT Gò Công")).toBeNull();
    expect(sorted("Trường THPT chuyên Tiền Giang", "Sở Giáo dục và Đào tạo Tiền Giang")).toEqual(["thpt"]);
    expect(sorted("Phòng", "Phòng Văn hóa - Xã hội xã Mỹ Lộc")).toEqual(["phong"]);
  });

  it("reads 'Phòng GDĐT' in a Sở's plan as the district offices, but not the Sở's own 'Phòng Giáo dục Trung học'", () => {
    const so = "Sở Giáo dục và Đào tạo Quảng Trị";
    expect(sorted("Phòng GDĐT", so)).toEqual(["phong"]);
    expect(sorted("Các đơn vị trực thuộc; Phòng GDĐT", so)).toEqual(["gdtx", "phong", "thpt", "truc_thuoc"]);
    expect(sorted("Phòng Giáo dục Trung học", so) ?? []).not.toContain("phong");
  });

  it("gives a GDTX centre to both kinds it may be filed as, and 'trường chuyên', 'PT DTNT' to the THPT", () => {
    const so = "Sở Giáo dục và Đào tạo Lâm Đồng";
    expect(sorted("trung tâm GDTX", so)).toEqual(["gdtx", "truc_thuoc"]);
    expect(sorted("các Trung tâm GDNN-GDTX", so)).toEqual(["gdtx", "truc_thuoc"]);
    expect(sorted("trường chuyên", so)).toEqual(["thpt"]);
    expect(sorted("Trường PT DTNT tỉnh", so)).toEqual(["thpt"]);
  });
});
