import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planTextToDocx } from "../../support/build-docx.js";
import { engines } from "../../support/engines.js";
import { commandTests, useCliEnvironment } from "../../support/run-cli.js";

const plansDir = fileURLToPath(new URL("../../../../shared/plans/", import.meta.url));
const plan000 = join(plansDir, "000_31ba9c53447dfa3c.txt");
const plan003 = join(plansDir, "003_dc7a978b8978f047.txt");

describe.each(engines)("thidua plan on %s", commandTests, (engine) => {
  const cli = useCliEnvironment(engine, "thidua-plan-");
  const thidua = (...args: string[]) => cli.run(args);

  it("imports a plan and prints the review table", async () => {
    const result = await thidua("plan", "import", plan000);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Đã nhập kế hoạch thành bản nháp #1.");
    expect(result.stdout).toMatch(/^16\s+Gửi hồ sơ thi đua.*Trước ngày 30\/5\/2023\s+29\/05\/2023/m);
    expect(result.stdout).toContain("kế thừa ô gộp dòng trên");
    expect(result.stdout).toContain("thidua plan publish 1");
  });

  it("changes nothing when the same file is imported again", async () => {
    await thidua("plan", "import", plan000);
    const result = await thidua("plan", "import", plan000);
    expect(result.stdout).toContain("đã được nhập trước đó (kế hoạch #1)");
    const list = await thidua("plan", "list");
    expect(list.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("prints only JSON in the expected files' shape with --json", async () => {
    const result = await thidua("plan", "import", plan003, "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual([
      "file",
      "document",
      "deadlines",
      "requirements",
      "channels",
      "contacts",
      "groups",
    ]);
    expect(json.document.number).toBe("1382/HD-GDĐT");
    expect(json.deadlines[0]).toMatchObject({ source: "text", kind: "by", due: "2023-10-27" });
  });

  it("reads a .docx to the same extraction as its text", async () => {
    const docxPath = join(cli.cwd, "1382.docx");
    const { readFileSync } = await import("node:fs");
    writeFileSync(docxPath, await planTextToDocx(readFileSync(plan003, "utf8")));
    const fromDocx = JSON.parse((await thidua("plan", "import", docxPath, "--json")).stdout);
    const fromText = JSON.parse((await thidua("plan", "import", plan003, "--json")).stdout);
    const strip = (x: { deadlines: { line: number }[] }) => x.deadlines.map(({ line: _, ...d }) => d);
    expect(fromDocx.document).toEqual(fromText.document);
    expect(strip(fromDocx)).toEqual(strip(fromText));
    expect(fromDocx.requirements.map((r: { items: string[] }) => r.items)).toEqual(
      fromText.requirements.map((r: { items: string[] }) => r.items),
    );
  });

  it("publishes, shows, rolls forward and archives by id or number", async () => {
    await thidua("plan", "import", plan000);
    await thidua("plan", "import", plan003);
    expect((await thidua("plan", "publish", "4582/KH-SGDĐT")).stdout).toContain("[đã công bố]");
    const show = await thidua("plan", "show", "1382/HD-GDĐT");
    expect(show.stdout).toContain("Người ký: Võ Cao Long");
    const rolled = await thidua("plan", "roll-forward", "1", "--to-year", "2024");
    expect(rolled.code).toBe(0);
    expect(rolled.stdout).toContain("năm 2024");
    expect(rolled.stdout).toContain("29/05/2024");
    expect(rolled.stdout).toContain("Đã dời sang năm mới");
    expect((await thidua("plan", "archive", "1")).stdout).toContain("[đã lưu trữ]");
  });

  it("refuses a file of another type, an empty file and an unknown plan, changing nothing", async () => {
    const before = (await thidua("plan", "list")).stdout;
    const sheet = join(cli.cwd, "plan.xlsx");
    writeFileSync(sheet, "PK…");
    const brokenPdf = join(cli.cwd, "plan.pdf");
    writeFileSync(brokenPdf, "%PDF-1.4 …");
    const empty = join(cli.cwd, "empty.txt");
    writeFileSync(empty, "  \n");
    const wrongType = await thidua("plan", "import", sheet);
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toContain("không phải kế hoạch dạng .docx, .pdf, .txt hoặc .md");
    const unreadable = await thidua("plan", "import", brokenPdf);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain("plan.pdf");
    const blank = await thidua("plan", "import", empty);
    expect(blank.stderr).toContain("trống");
    const unknown = await thidua("plan", "show", "999/KH-X");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Không có kế hoạch 999/KH-X");
    expect((await thidua("plan", "list")).stdout).toBe(before);
  });
});
