import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { engines } from "../../support/engines.js";
import { commandTests, useCliEnvironment } from "../../support/run-cli.js";

const units = fileURLToPath(new URL("../../../data/units.csv", import.meta.url));
const plan = fileURLToPath(new URL("../../../../shared/plans/003_dc7a978b8978f047.txt", import.meta.url));

// The walk the README scripts: units, invites on two platforms, a focal person and an officer.
describe.each(engines)("tracking submissions from chat (%s)", commandTests, (engine) => {
  const cli = useCliEnvironment(engine, "thidua-walk-");
  const chat = async (platform: string, user: string, ...lines: string[]) => {
    const result = await cli.run(
      ["chat", "--platform", platform, "--user", user, "--today", "2023-10-20"],
      `${lines.join("\n")}\n`,
    );
    expect(result.code).toBe(0);
    return result.stdout.split("\n\n").filter(Boolean);
  };
  const invite = async (unit: string, role: string) =>
    (JSON.parse((await cli.run(["invite", unit, "--role", role, "--json"])).stdout) as { code: string }).code;

  it("imports, invites, links two platforms, submits, receives, returns and exports", async () => {
    expect((await cli.run(["units", "import", units])).code).toBe(0);
    expect((await cli.run(["plan", "import", plan, "--publish"])).code).toBe(0);
    const [telegramCode, zaloCode, officerCode] = [
      await invite("TH-KD", "focal"),
      await invite("TH-KD", "focal"),
      await invite("PGD-Q1", "officer"),
    ];

    const focal = await chat(
      "telegram",
      "111",
      `/start ${telegramCode}`,
      "Đơn vị tôi đã nộp hồ sơ thi đua chưa?",
      "Trường em đã nộp hồ sơ thi đua rồi nhé",
    );
    expect(focal[0]).toContain("Đã liên kết tài khoản trò chuyện này với Trường Tiểu học Kết Đoàn");
    expect(focal[1]).toContain("Chưa nộp — Nộp hồ sơ thi đua về Phòng Giáo dục và Đào tạo; hạn 27/10/2023");
    expect(focal[2]).toContain('Đã ghi nhận: Trường Tiểu học Kết Đoàn đã nộp "Nộp hồ sơ thi đua');

    // The same person on a second platform sees the same unit.
    const zalo = await chat("zalo", "222", `mã mời ${zaloCode}`, "Đơn vị tôi đã nộp hồ sơ thi đua chưa?");
    expect(zalo[1]).toContain("Đã nộp, chờ tiếp nhận — Nộp hồ sơ thi đua");

    const officer = await chat(
      "slack",
      "U9",
      `/start ${officerCode}`,
      "Trường nào chưa nộp hồ sơ thi đua về Phòng?",
      "Đã nhận hồ sơ thi đua của trường Kết Đoàn",
      "trường Nguyễn Thái Học đã nộp hồ sơ thi đua",
      "Trả hồ sơ thi đua trường Nguyễn Thái Học: thiếu biên bản họp hội đồng",
      "tiến độ nộp hồ sơ",
      "/moi TH Nguyen Thai Hoc",
    );
    expect(officer[0]).toContain("cán bộ thi đua");
    expect(officer[1]).toContain("Chưa nộp: 10/11 đơn vị.");
    expect(officer[1]).not.toContain("Kết Đoàn");
    expect(officer[2]).toContain(
      'Đã tiếp nhận hồ sơ "Nộp hồ sơ thi đua về Phòng Giáo dục và Đào tạo" của Trường Tiểu học Kết Đoàn',
    );
    expect(officer[3]).toContain("Đã ghi nhận: Trường Tiểu học Nguyễn Thái Học đã nộp");
    expect(officer[4]).toContain("để Trường Tiểu học Nguyễn Thái Học bổ sung: thiếu biên bản họp hội đồng");
    expect(officer[6]).toContain("Mã mời cho cán bộ đầu mối của Trường Tiểu học Nguyễn Thái Học");
    expect(officer[5]).toContain(
      "27/10/2023 — Nộp hồ sơ thi đua về Phòng Giáo dục và Đào tạo: đã nộp 0, đã tiếp nhận 1, cần bổ sung 1, chưa nộp 9 / 11 đơn vị",
    );

    // The focal person sees the receipt; a stranger sees no unit's status.
    expect((await chat("telegram", "111", "Đơn vị tôi đã nộp hồ sơ thi đua chưa?"))[0]).toContain(
      "Đã tiếp nhận — Nộp hồ sơ thi đua",
    );
    expect((await chat("telegram", "999", "Trường nào chưa nộp hồ sơ thi đua?"))[0]).toContain(
      "Chỉ cán bộ thi đua",
    );

    const output = join(cli.cwd, "tinh-hinh.csv");
    const exported = await cli.run(["status", "export", "--plan", "1382/HD-GDĐT", "--output", output]);
    expect(exported.stdout).toContain("12 đơn vị × 9 việc phải nộp");
    const rows = readFileSync(output, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n")
      .map((line) => line.split(","));
    const column = rows[0]?.findIndex((cell) => cell.startsWith("Nộp hồ sơ thi đua về Phòng")) ?? -1;
    const statusOf = (code: string) => rows.find((r) => r[0] === code)?.[column];
    expect(statusOf("TH-KD")).toBe("Đã tiếp nhận");
    expect(statusOf("TH-NTH")).toBe("Cần bổ sung");
    expect(statusOf("TH-DTH")).toBe("Chưa nộp");
    expect(rows.some((r) => r[0] === "TH-LNH")).toBe(false); // a Quận 3 school: not this Phòng's plan
    // The .xlsx holds the same table.
    const xlsx = join(cli.cwd, "tinh-hinh.xlsx");
    await cli.run(["status", "export", "--plan", "1", "--output", xlsx]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0];
    const cells: string[][] = [];
    sheet?.eachRow((row) => {
      cells.push((row.values as unknown[]).slice(1).map((v) => String(v ?? "")));
    });
    expect(cells.find((r) => r[0] === "TH-KD")?.[column]).toBe("Đã tiếp nhận");
    expect(cells).toHaveLength(rows.length);
  });
});
