import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { engines } from "../../support/engines.js";
import { commandTests, useCliEnvironment } from "../../support/run-cli.js";

const sample = fileURLToPath(new URL("../../../data/units.csv", import.meta.url));

describe.each(engines)("thidua units (%s)", commandTests, (engine) => {
  const cli = useCliEnvironment(engine, "thidua-units-");

  it("imports the sample tree, lists it, and reports a re-import as no change", async () => {
    const first = await cli.run(["units", "import", sample]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      "Đã nhập 22 đơn vị: thêm 22, sửa 0, bỏ 0; 5 khối/cụm thi đua, 22 cán bộ đầu mối.",
    );
    const list = await cli.run(["units", "list", "--json"]);
    const units = JSON.parse(list.stdout) as { code: string; parentCode: string | null; groups: string[] }[];
    expect(units).toHaveLength(22);
    expect(units.find((u) => u.code === "TH-KD")).toMatchObject({
      parentCode: "PGD-Q1",
      groups: ["Khối thi đua tiểu học 2"],
      leads: ["Khối thi đua tiểu học 2"],
      focal: [{ name: "Phan Thị Kim", phone: "0902 222 003", email: "thketdoan.q1@hcm.edu.vn" }],
    });
    const table = (await cli.run(["units", "list"])).stdout;
    expect(table).toContain("Khối thi đua tiểu học 2 (trưởng khối)");
    expect(table).toContain("Phan Thị Kim, 0902 222 003");
    const again = await cli.run(["units", "import", sample]);
    expect(again.stdout).toContain("thêm 0, sửa 0, bỏ 0");
  });

  it("refuses a bad file with every problem by line, and changes nothing", async () => {
    await cli.run(["units", "import", sample]);
    const bad = join(cli.cwd, "bad.csv");
    writeFileSync(
      bad,
      "code,name,kind,parent_code,groups,leads,focal_name,focal_phone,focal_email\nX,Trường X,truong,NONE,,,,,\n",
    );
    const result = await cli.run(["units", "import", bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Tệp bad.csv có 2 lỗi; không có gì được thay đổi:");
    expect(result.stderr).toContain('Dòng 2: loại đơn vị "truong" không hợp lệ');
    expect(result.stderr).toContain("Dòng 2: không có đơn vị cấp trên mã NONE trong tệp");
    const list = await cli.run(["units", "list", "--json"]);
    expect(JSON.parse(list.stdout)).toHaveLength(22);
  });
});
