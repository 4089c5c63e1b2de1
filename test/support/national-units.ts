// A national-sized unit file, generated: one Sở, about one Phòng per 70 units, and schools under each
// Phòng in khối by level (the first school of a khối leads it), the Phòng in cụm of ten; every unit
// has a focal person. Shared by the unit tests and `npm run bench -- units`.

const header = "code,name,kind,parent_code,groups,leads,focal_name,focal_phone,focal_email";
const levels = [
  { kind: "mam_non", name: "Mầm non" },
  { kind: "tieu_hoc", name: "Tiểu học" },
  { kind: "thcs", name: "THCS" },
] as const;

/** The lines (header first) of a unit file with `units` units in all; 50 000 gives about 700 Phòng. */
export function nationalUnitLines(units: number): string[] {
  const phongCount = Math.max(1, Math.round(units / 71));
  const schoolCount = units - 1 - phongCount;
  const lines = [header];
  const focal = (n: number, code: string) =>
    `Cán bộ ${n},09${String(n).padStart(8, "0")},${code.toLowerCase()}@edu.vn`;
  lines.push(`SGD,Sở Giáo dục và Đào tạo,so,,,,${focal(0, "SGD")}`);
  for (let p = 0; p < phongCount; p++) {
    const code = `PGD${String(p + 1).padStart(4, "0")}`;
    const cum = `Cụm thi đua số ${Math.floor(p / 10) + 1}`;
    lines.push(
      `${code},Phòng Giáo dục và Đào tạo số ${p + 1},phong,SGD,${cum},${p % 10 === 0 ? cum : ""},${focal(p + 1, code)}`,
    );
  }
  for (let s = 0; s < schoolCount; s++) {
    const p = s % phongCount;
    const inPhong = Math.floor(s / phongCount);
    const level = levels[inPhong % levels.length] ?? levels[0];
    const code = `T${String(s + 1).padStart(6, "0")}`;
    const khoi = `Khối ${level.name} PGD${String(p + 1).padStart(4, "0")}`;
    // The first school of each level in a Phòng leads that Phòng's khối.
    const leads = inPhong < levels.length ? khoi : "";
    lines.push(
      `${code},Trường ${level.name} số ${s + 1},${level.kind},PGD${String(p + 1).padStart(4, "0")},${khoi},${leads},${focal(phongCount + 1 + s, code)}`,
    );
  }
  return lines;
}

/** A .csv unit file of the national tree, as bytes ready for `readUnitFile`. */
export function nationalUnitFile(units: number): { name: string; bytes: Uint8Array } {
  return { name: "units.csv", bytes: new TextEncoder().encode(`${nationalUnitLines(units).join("\n")}\n`) };
}
