import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkRegistration, ErrorCode, loadRegistrationRules, ThiduaError } from "../../../src/core/index.js";
import { registrationRules } from "../../../src/core/registrations/registration-rules.js";

const dir = mkdtempSync(join(tmpdir(), "thidua-rules-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const rulesFile = (content: unknown) => {
  const file = join(dir, `rules-${n++}.json`);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
};
const quota = (max: number) => ({
  id: "ttldxs_quota",
  check: { kind: "collective_share", title: "tap_the_lao_dong_xuat_sac", max },
  source: "Chỉ tiêu của Phòng (ví dụ)",
});

describe("registration rules from the office's file", () => {
  it("keeps the built-in rules when no file is given", () => {
    expect(loadRegistrationRules(undefined)).toBe(registrationRules);
  });

  it("checks a collective title against the share of the units under the same parent", () => {
    const rules = loadRegistrationRules(rulesFile([quota(0.2)]));
    const r = { collective: ["tap_the_lao_dong_xuat_sac" as const] };
    // Ten schools under the Phòng: two may register; one other already has.
    expect(
      checkRegistration({ ...r, peers: { units: 10, registered: { tap_the_lao_dong_xuat_sac: 1 } } }, rules),
    ).toEqual([]);
    const [problem] = checkRegistration(
      { ...r, peers: { units: 10, registered: { tap_the_lao_dong_xuat_sac: 2 } } },
      rules,
    );
    expect(problem).toMatchObject({
      rule: "ttldxs_quota",
      kind: "collective_share",
      params: { count: 3, units: 10, allowed: 2, percent: 20 },
      source: "Chỉ tiêu của Phòng (ví dụ)",
    });
    // Another title, or no peers known yet, is not held to it.
    expect(
      checkRegistration(
        { collective: ["tap_the_lao_dong_tien_tien"], peers: { units: 1, registered: {} } },
        rules,
      ),
    ).toEqual([]);
    expect(checkRegistration(r, rules)).toEqual([]);
  });

  it("replaces a built-in rule by its id, turns one off, and adds new ones", () => {
    const rules = loadRegistrationRules(
      rulesFile([
        {
          id: "cstdcs_ratio",
          check: { kind: "ratio", title: "chien_si_thi_dua_co_so", of: "lao_dong_tien_tien", max: 0.1 },
          source: "Văn bản mới (ví dụ)",
        },
        { id: "one_collective_level", off: true },
        quota(0.5),
      ]),
    );
    const ids = rules.map((r) => r.id);
    expect(ids).not.toContain("one_collective_level");
    expect(ids.at(-1)).toBe("ttldxs_quota");
    const individual = [
      { title: "lao_dong_tien_tien" as const, count: 20, names: [] },
      { title: "chien_si_thi_dua_co_so" as const, count: 3, names: [] },
    ];
    // 3 of 20 is within the built-in 15 %, not within the office's 10 %.
    expect(checkRegistration({ individual })).toEqual([]);
    expect(checkRegistration({ individual }, rules)).toEqual([
      expect.objectContaining({
        rule: "cstdcs_ratio",
        params: expect.objectContaining({ allowed: 2, percent: 10 }),
      }),
    ]);
    expect(
      checkRegistration({ collective: ["tap_the_lao_dong_tien_tien", "tap_the_lao_dong_xuat_sac"] }, rules),
    ).toEqual([]);
  });

  it("refuses a file that is not JSON, or a rule that does not read, naming where", () => {
    const refusal = (content: unknown) => {
      try {
        loadRegistrationRules(rulesFile(content));
      } catch (error) {
        return error as ThiduaError;
      }
      throw new Error("accepted");
    };
    const notJson = refusal("[{ id: ");
    expect(notJson).toBeInstanceOf(ThiduaError);
    expect(notJson.code).toBe(ErrorCode.ConfigInvalid);
    expect(notJson.message).toContain("REGISTRATION_RULES cannot be read as JSON");
    expect(refusal([quota(1.5)]).message).toMatch(
      /REGISTRATION_RULES is not a valid list of rules at 0\.check\.max/,
    );
    expect(refusal([{ ...quota(0.2), check: { kind: "share_of_moon", max: 0.2 } }]).message).toContain(
      "at 0.check",
    );
    expect(refusal([{ ...quota(0.2), source: "" }]).message).toContain("at 0.source");
    expect(refusal({ rules: [] }).code).toBe(ErrorCode.ConfigInvalid);
  });
});
