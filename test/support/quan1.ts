import { readFileSync } from "node:fs";
import { createSchoolCalendar, createUnit, type Db, fixedClock, importPlan } from "../../src/core/index.js";

const guide = new URL("../../../shared/plans/003_dc7a978b8978f047.txt", import.meta.url);

/**
 * The Quận 1 setting many tests start from: the 2023–2024 guide 1382/HD-GDĐT published (imported on
 * 12/10/2023), the Phòng GDĐT Quận 1 and its Trường Tiểu học Kết Đoàn; no one seated, nothing submitted.
 */
export async function seedQuan1(db: Db): Promise<{ phongId: number; schoolId: number }> {
  const bytes = new Uint8Array(readFileSync(guide));
  await importPlan(
    db,
    { name: "003.txt", bytes },
    { calendar: createSchoolCalendar(), clock: fixedClock("2023-10-12"), publish: true },
  );
  const phong = await createUnit(db, { code: "PGD-Q1", name: "Phòng GDĐT Quận 1", kind: "phong" });
  const school = await createUnit(db, {
    code: "TH-KD",
    name: "Trường Tiểu học Kết Đoàn",
    kind: "tieu_hoc",
    parentId: phong.id,
  });
  return { phongId: phong.id, schoolId: school.id };
}
