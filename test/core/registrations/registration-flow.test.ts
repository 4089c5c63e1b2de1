import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkRegistration,
  type FlowState,
  type FlowTurn,
  flowStateSchema,
  type Registration,
  registrationSchema,
  registrationTurn,
} from "../../../src/core/index.js";
import type { FlowContext } from "../../../src/core/registrations/registration-flow.js";

const school = { id: 7, name: "Trường Tiểu học Sen Hồng", underSo: false };
const highSchool = { id: 8, name: "Trường THPT Lạc Long Quân", underSo: true };
const context = (extra: Partial<FlowContext> = {}): FlowContext => ({
  units: [school],
  currentYear: "2025-2026",
  today: "2025-09-20",
  ...extra,
});

/** Plays answers one after another from a fresh start; returns every turn. */
async function play(answers: string[], ctx = context()): Promise<FlowTurn[]> {
  const turns: FlowTurn[] = [await registrationTurn(null, "", ctx)];
  for (const answer of answers) {
    const state = turns[turns.length - 1]?.state ?? null;
    turns.push(await registrationTurn(state, answer, ctx));
  }
  return turns;
}
const last = (turns: FlowTurn[]) => turns[turns.length - 1] as FlowTurn;
const cstdcs = ["Lê Thị Mai", "Phạm Văn Tùng", "Đỗ Thu Hà", "Ngô Minh Khoa"];

// Answers that reach the summary of a valid registration of the school.
const toSummary = [
  "co",
  "36",
  "2",
  "lđtt 30, cstđ cơ sở 4",
  cstdcs.join(", "),
  "100% học sinh hoàn thành chương trình lớp học\nKhông có giáo viên vi phạm đạo đức nhà giáo",
  "Sáng kiến: Đọc sách theo nhóm ở lớp 2 - Lê Thị Mai\nSK: Trò chơi học toán\nĐề tài: Dạy viết chữ đẹp\nSáng kiến: Sổ tay chủ nhiệm số",
];

describe("the registration conversation", () => {
  it("goes from the school year to a confirmed registration, asking each step in turn", async () => {
    const turns = await play([...toSummary, "xác nhận"]);
    expect(turns.slice(0, -1).map((t) => t.state?.step)).toEqual([
      "year",
      "staff",
      "collective",
      "individual",
      "names",
      "targets",
      "initiatives",
      "summary",
    ]);
    const done = last(turns).finished as Registration;
    expect(registrationSchema.parse(done)).toEqual(done);
    expect(done).toMatchObject({
      unitId: 7,
      schoolYear: "2025-2026",
      staff: 36,
      collective: ["tap_the_lao_dong_xuat_sac"],
      individual: [
        { title: "lao_dong_tien_tien", count: 30, names: [] },
        { title: "chien_si_thi_dua_co_so", count: 4, names: cstdcs },
      ],
    });
    expect(done.targets).toHaveLength(2);
    expect(done.initiatives.map((i) => i.kind)).toEqual(["sang_kien", "sang_kien", "de_tai", "sang_kien"]);
    expect(done.initiatives[0]).toEqual({
      kind: "sang_kien",
      title: "Đọc sách theo nhóm ở lớp 2",
      author: "Lê Thị Mai",
    });
    expect(last(turns).state).toBeNull();
  });

  it("asks which unit when the person is the focal person of several, and offers flags to a unit under the Sở", async () => {
    const turns = await play(["2", "co", "50"], context({ units: [school, highSchool] }));
    expect(turns[0]?.state?.step).toBe("unit");
    expect(turns[0]?.choices.map((c) => c.id)).toEqual(["/dv 7", "/dv 8"]);
    expect(last(turns).state?.unit?.name).toBe("Trường THPT Lạc Long Quân");
    expect(last(turns).choices.map((c) => c.id)).toContain("/dk co_thi_dua_tinh");
  });

  it.each([
    ["ldtt_within_staff", ["co", "20", "khong", "ldtt 21"], ["co", "20", "khong", "ldtt 20"]],
    [
      "cstdcs_needs_ldtt",
      ["co", "40", "khong", "cstd co so 3"],
      ["co", "40", "khong", "ldtt 20, cstd co so 3"],
    ],
    ["cstdcs_ratio", ["co", "40", "khong", "ldtt 40, cstđcs 7"], ["co", "40", "khong", "ldtt 40, cstđcs 6"]],
    ["one_collective_level", ["co", "40", "1, 2"], ["co", "40", "2, 3"]],
  ])(
    "refuses an answer that breaks %s, keeps nothing of it, and takes one that does not",
    async (rule, bad, good) => {
      const refused = last(await play(bad));
      expect(refused.problems.map((p) => p.rule)).toContain(rule);
      expect(refused.problems[0]?.source).toMatch(/Luật Thi đua, khen thưởng 2022|Nghị định 98\/2023\/NĐ-CP/);
      const before = (await play(bad.slice(0, -1))).at(-1)?.state;
      expect(refused.state).toEqual(before);
      expect(last(await play(good)).problems).toEqual([]);
    },
  );

  it("checks the flag's prerequisite, the higher fighters' names and the initiatives", async () => {
    const flag = last(await play(["co", "60", "3"], context({ units: [highSchool] })));
    expect(flag.problems.map((p) => p.rule)).toEqual(["flag_needs_excellent"]);
    const withExcellent = last(await play(["co", "60", "2, 3"], context({ units: [highSchool] })));
    expect(withExcellent.problems).toEqual([]);
    expect(withExcellent.state?.collective).toEqual(["tap_the_lao_dong_xuat_sac", "co_thi_dua_tinh"]);
    const among = last(
      await play([
        "co",
        "60",
        "2",
        "ldtt 40, cstd co so 2, cstd cap tinh 1",
        "Lê Thị Mai, Đỗ Thu Hà",
        "Đỗ Thu Hà",
      ]),
    );
    expect(among.problems).toEqual([]);
    expect(among.state?.step).toBe("targets");
    const higher = last(
      await play([
        "co",
        "60",
        "2",
        "ldtt 40, cstd co so 2, cstd cap tinh 1",
        "Lê Thị Mai, Đỗ Thu Hà",
        "Ngô Minh Khoa",
      ]),
    );
    expect(higher.problems).toMatchObject([
      { rule: "cstd_higher_needs_base", params: { names: "Ngô Minh Khoa" } },
    ]);
    const initiatives = last(await play([...toSummary.slice(0, 6), "Sáng kiến: Đọc sách theo nhóm"]));
    expect(initiatives.problems).toMatchObject([
      { rule: "cstdcs_needs_initiative", params: { count: 4, initiatives: 1 } },
    ]);
    const names = last(await play([...toSummary.slice(0, 4), "Lê Thị Mai, Đỗ Thu Hà"]));
    expect(names.problems).toMatchObject([{ rule: "names_count", params: { count: 4, given: 2 } }]);
  });

  it("goes back, explains a step, changes an earlier answer by saying so, and cancels", async () => {
    const atSummary = last(await play(toSummary));
    expect(atSummary.state?.step).toBe("summary");
    const back = await registrationTurn(atSummary.state, "quay lại", context());
    expect(back.state?.step).toBe("initiatives");
    const help = await registrationTurn(atSummary.state, "giúp", context());
    expect(help.say[0]?.key).toBe("registration.help.summary");
    const fewer = await registrationTurn(atSummary.state, "sửa số CSTĐ cơ sở thành 3", context());
    expect(fewer.state?.individual?.find((i) => i.title === "chien_si_thi_dua_co_so")?.count).toBe(3);
    // Three fighters need three names again before the summary.
    expect(fewer.state?.step).toBe("names");
    const tooMany = await registrationTurn(atSummary.state, "sửa số CSTĐ cơ sở thành 9", context());
    expect(tooMany.problems.map((p) => p.rule)).toContain("cstdcs_ratio");
    expect(tooMany.state).toEqual(atSummary.state);
    const staff = await registrationTurn(atSummary.state, "sua bien che thanh 45", context());
    expect(staff.state?.staff).toBe(45);
    const cancelled = await registrationTurn(atSummary.state, "hủy", context());
    expect(cancelled).toMatchObject({ state: null, cancelled: true });
  });

  it("does not start after the plan's registration deadline, citing the plan", async () => {
    const closed = await registrationTurn(
      null,
      "",
      context({ deadline: { dueOn: "2025-09-15", plan: "1234/KH-SGDĐT" } }),
    );
    expect(closed).toMatchObject({ state: null, cancelled: true });
    expect(closed.say[0]).toEqual({
      key: "registration.closed",
      params: { due: "2025-09-15", plan: "1234/KH-SGDĐT" },
    });
  });

  it("offers to amend this year's registration, and to start from last year's", async () => {
    const sent: Registration = {
      unitId: 7,
      unitName: school.name,
      schoolYear: "2025-2026",
      staff: 36,
      collective: ["tap_the_lao_dong_tien_tien"],
      individual: [{ title: "lao_dong_tien_tien", count: 30, names: [] }],
      targets: [],
      initiatives: [],
    };
    const again = context({ existing: async () => ({ id: 11, registration: sent }) });
    const offered = last(await play(["co"], again));
    expect(offered.state?.offer).toBe("amend");
    const amending = await registrationTurn(offered.state, "có", again);
    expect(amending.state).toMatchObject({ step: "summary", amends: 11, staff: 36 });
    const lastYear = context({ lastYear: async () => ({ ...sent, schoolYear: "2024-2025" }) });
    const start = last(await play(["co"], lastYear));
    expect(start.state?.offer).toBe("last_year");
    const taken = await registrationTurn(start.state, "có", lastYear);
    expect(taken.state).toMatchObject({
      step: "summary",
      staff: 36,
      collective: ["tap_the_lao_dong_tien_tien"],
    });
  });

  it("never throws and never keeps an invalid answer, whatever is typed at any step", async () => {
    const steps: FlowState[] = [];
    const turns = await play([...toSummary]);
    for (const t of turns) if (t.state) steps.push(t.state);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...steps),
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom(
            "ldtt -3",
            "cstđcs 99999",
            "sửa số lđtt thành 0",
            "=1+1",
            "2, 2, 9",
            "00000",
            "2025-2027",
          ),
        ),
        async (state, text) => {
          const turn = await registrationTurn(state, text, context());
          if (turn.state) expect(flowStateSchema.safeParse(turn.state).success).toBe(true);
          if (turn.finished) {
            expect(registrationSchema.safeParse(turn.finished).success).toBe(true);
            expect(checkRegistration(turn.finished)).toEqual([]);
          }
          if (turn.problems.length) expect(turn.state).toEqual(state);
        },
      ),
      { numRuns: 300 },
    );
  });
});
