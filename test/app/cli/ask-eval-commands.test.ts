import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { commandTests, useCliEnvironment } from "../../support/run-cli.js";

const plansDir = fileURLToPath(new URL("../../../../shared/plans/", import.meta.url));

describe("thidua ask and thidua eval", commandTests, () => {
  const cli = useCliEnvironment("pglite", "thidua-ask-");

  // A Phòng's focal person asking, in chat spelling, what is due this month.
  const askAsPhong = () =>
    cli.run([
      "ask",
      "--today",
      "2023-05-10",
      "--as",
      "focal",
      "--unit-kind",
      "phong",
      "thang nay phai gui nhung gi len",
    ]);

  it("answers a question on a pinned day, as an officer or a focal person", async () => {
    await cli.run(["plan", "import", join(plansDir, "000_31ba9c53447dfa3c.txt"), "--publish"]);
    const officer = await cli.run([
      "ask",
      "--today",
      "2023-05-10",
      "Có đầu việc nào tới hạn trong tháng này không?",
    ]);
    expect(officer.code).toBe(0);
    expect(officer.stdout).toContain("03/05/2023");
    expect(officer.stdout).toContain("29/05/2023");
    const focal = await askAsPhong();
    expect(focal.stdout).toContain("29/05/2023");
    expect(focal.stdout).not.toContain("03/05/2023");
    const english = await cli.run([
      "ask",
      "--today",
      "2023-10-05",
      "--lang",
      "en",
      "Anything due within this month?",
    ]);
    expect(english.stdout).toContain("Due from 01/10/2023 to 31/10/2023");
  });

  it("lets an officer override who must do a task, and clear it again", async () => {
    await cli.run(["plan", "import", join(plansDir, "000_31ba9c53447dfa3c.txt"), "--publish"]);
    const set = await cli.run(["plan", "audience", "1", "16", "--kinds", "truc_thuoc"]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain("Đã đặt đơn vị thực hiện của nhiệm vụ 16 (1 mục): truc_thuoc");
    // The assistant of the next command reads the override: row 16 is no longer the Phòng's.
    expect((await askAsPhong()).stdout).not.toContain("phụ lục, dòng 16");
    const bad = await cli.run(["plan", "audience", "1", "16", "--kinds", "phong,hieu_truong"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("loại đơn vị là một hoặc nhiều trong");
    const missing = await cli.run(["plan", "audience", "1", "L99999", "--clear"]);
    expect(missing.stderr).toContain("Kế hoạch không có nhiệm vụ ở dòng L99999");
    const cleared = await cli.run(["plan", "audience", "1", "16", "--clear"]);
    expect(cleared.code).toBe(0);
    expect((await askAsPhong()).stdout).toContain("phụ lục, dòng 16");
  });

  it("refuses --as focal without a unit kind", async () => {
    const result = await cli.run(["ask", "--as", "focal", "hạn nộp?"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("thidua ask");
  });

  it("answers status questions from the units a --units file names", async () => {
    const input = join(cli.cwd, "status.jsonl");
    const output = join(cli.cwd, "status-answers.jsonl");
    const line = (id: string, text: string, extra: object) =>
      JSON.stringify({ id, text, plans: ["003_dc7a978b8978f047.txt"], today: "2023-10-20", ...extra });
    writeFileSync(
      input,
      [
        line("s1", "Trường nào chưa nộp hồ sơ khối thi đua?", { role: "officer" }),
        line("s2", "Bên em còn nợ hồ sơ nào nữa không?", {
          role: "focal",
          unit: { name: "TH Ket Doan", kind: "tieu_hoc" },
        }),
      ].join("\n"),
    );
    const units = fileURLToPath(new URL("../../../data/units.csv", import.meta.url));
    const result = await cli.run([
      "eval",
      "--input",
      input,
      "--output",
      output,
      "--plans",
      plansDir,
      "--units",
      units,
    ]);
    expect(result.code).toBe(0);
    const [missing, mine] = readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { answer: string });
    expect(missing?.answer).toContain("Chưa nộp: 11/11 đơn vị.");
    expect(missing?.answer).toContain("Khối thi đua tiểu học 2");
    expect(mine?.answer).toContain("Tình hình nộp của Trường Tiểu học Kết Đoàn");
  });

  it("answers a question file line by line into JSON lines", async () => {
    const input = join(cli.cwd, "questions.jsonl");
    const output = join(cli.cwd, "answers.jsonl");
    writeFileSync(
      input,
      [
        {
          id: "q1",
          text: "tuần tới có mốc nộp nào không",
          plans: ["000_31ba9c53447dfa3c.txt"],
          today: "2023-06-14",
          role: "officer",
          expect: {},
        },
        {
          id: "q2",
          text: "Hồ sơ thi đua thì nộp ở chỗ nào?",
          plans: ["003_dc7a978b8978f047.txt"],
          today: "2023-10-10",
          role: "focal",
          unit: { name: "Trường Tiểu học Kết Đoàn", kind: "tieu_hoc" },
        },
      ]
        .map((q) => JSON.stringify(q))
        .join("\n"),
    );
    const result = await cli.run(["eval", "--input", input, "--output", output, "--plans", plansDir]);
    expect(result.stderr).toBe("");
    const lines = readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => Object.keys(l))).toEqual([
      ["id", "intent", "period", "answer"],
      ["id", "intent", "period", "answer"],
    ]);
    expect(lines[0]).toMatchObject({
      id: "q1",
      intent: "due_in_period",
      period: { start: "2023-06-19", end: "2023-06-25" },
    });
    expect(lines[0].answer).toContain("19/06/2023");
    expect(lines[1]).toMatchObject({ id: "q2", intent: "where_to_submit", period: null });
    expect(lines[1].answer).toContain("tqcuong.q1@tphcm.gov.vn");
  });

  it("refuses a question file with a bad line, naming it", async () => {
    const input = join(cli.cwd, "bad.jsonl");
    writeFileSync(input, '{"id": "q1"}\n');
    const result = await cli.run(["eval", "--input", input, "--output", join(cli.cwd, "out.jsonl")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Dòng 1 của tệp câu hỏi không đúng định dạng");
  });
});
