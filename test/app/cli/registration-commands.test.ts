import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Registration } from "../../../src/core/index.js";
import { insertRegistration } from "../../../src/core/storage/repositories/registrations.js";
import { engines } from "../../support/engines.js";
import { seedHanoi } from "../../support/reminder-world.js";
import { commandTests, useCliEnvironment } from "../../support/run-cli.js";

describe.each(engines)("thidua registrations (%s)", commandTests, (engine) => {
  const cli = useCliEnvironment(engine, "registrations-");

  beforeEach(async () => {
    const database = await openDatabase({
      dataDir: cli.env.DATA_DIR ?? "",
      databaseUrl: cli.env.DATABASE_URL,
    });
    try {
      const world = await seedHanoi(database.db);
      const registration: Registration = {
        unitId: world.chuvanan.id,
        unitName: world.chuvanan.name,
        schoolYear: "2023-2024",
        staff: 120,
        collective: ["tap_the_lao_dong_xuat_sac", "co_thi_dua_tinh"],
        individual: [
          { title: "lao_dong_tien_tien", count: 100, names: [] },
          { title: "chien_si_thi_dua_co_so", count: 2, names: ["Hoàng Minh Đức", "Vũ Thị Thanh"] },
        ],
        targets: ["100% học sinh tốt nghiệp"],
        initiatives: [
          { kind: "sang_kien", title: "Phòng học số" },
          { kind: "de_tai", title: "Câu lạc bộ STEM" },
        ],
      };
      await insertRegistration(database.db, {
        unitId: registration.unitId,
        schoolYear: registration.schoolYear,
        payload: registration,
        submittedByPersonId: null,
        submittedAt: new Date("2023-10-20T02:00:00Z"),
      });
    } finally {
      await database.close();
    }
  });

  it("lists a school year's registrations and exports them into one workbook", async () => {
    const list = await cli.run(["registrations", "list", "--year", "2023-2024"]);
    expect(list.stdout).toContain("Đăng ký thi đua năm học 2023-2024: 1 đơn vị");
    expect(list.stdout).toContain("#1 Trường THPT Chu Văn An: đã gửi, chờ duyệt (20/10/2023)");
    const output = join(cli.cwd, "dang-ky.xlsx");
    const exported = await cli.run(["registrations", "export", "--year", "2023-2024", "--output", output]);
    expect(exported.stdout).toContain("Đã xuất 1 bản đăng ký năm học 2023-2024");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const text = JSON.stringify(workbook.worksheets.map((w) => w.getSheetValues()));
    expect(text).toContain("Trường THPT Chu Văn An");
    expect(text).toContain("Vũ Thị Thanh");
  });

  it("returns and approves a registration, and refuses a return without a note", async () => {
    expect((await cli.run(["registrations", "return", "1"])).code).not.toBe(0);
    const returned = await cli.run([
      "registrations",
      "return",
      "1",
      "--note",
      "Thiếu danh sách Lao động tiên tiến",
    ]);
    expect(returned.stdout).toContain("Thiếu danh sách Lao động tiên tiến");
    const approved = await cli.run(["registrations", "approve", "1"]);
    expect(approved.stdout.trim()).toBe("Đã duyệt bản đăng ký #1 của Trường THPT Chu Văn An.");
    const json = JSON.parse(
      (await cli.run(["registrations", "list", "--year", "2023-2024", "--json"])).stdout,
    );
    expect(json[0]).toMatchObject({ id: 1, status: "approved", staff: 120 });
    expect((await cli.run(["registrations", "export", "--year", "2023"])).code).not.toBe(0);
  });
});
