import type { CollectiveTitle, IndividualTitle, Registration } from "./registration.js";

/**
 * The rules a registration is checked against, as data: what each checks and the legal text it comes
 * from. A change in law is a change here (a ratio, a prerequisite, a source), not in the checking code.
 * The sources name the documents; their articles are for the office's legal staff to confirm.
 */
export const registrationRules = [
  {
    id: "ldtt_within_staff",
    check: { kind: "at_most_staff", title: "lao_dong_tien_tien" },
    source:
      "Luật Thi đua, khen thưởng 2022 (danh hiệu Lao động tiên tiến xét tặng cho cán bộ, công chức, viên chức, người lao động của đơn vị)",
  },
  {
    id: "cstdcs_needs_ldtt",
    check: { kind: "at_most_title", title: "chien_si_thi_dua_co_so", of: "lao_dong_tien_tien" },
    source:
      "Luật Thi đua, khen thưởng 2022 (Chiến sĩ thi đua cơ sở xét trong số cá nhân đạt Lao động tiên tiến)",
  },
  {
    id: "cstdcs_ratio",
    check: { kind: "ratio", title: "chien_si_thi_dua_co_so", of: "lao_dong_tien_tien", max: 0.15 },
    source:
      "Nghị định 98/2023/NĐ-CP (tỷ lệ Chiến sĩ thi đua cơ sở không quá 15% số cá nhân đạt Lao động tiên tiến)",
  },
  {
    id: "cstd_higher_needs_base",
    check: {
      kind: "names_within",
      titles: ["chien_si_thi_dua_tinh", "chien_si_thi_dua_bo"],
      of: "chien_si_thi_dua_co_so",
    },
    source:
      "Luật Thi đua, khen thưởng 2022 (Chiến sĩ thi đua cấp tỉnh, cấp bộ xét trong số cá nhân đạt Chiến sĩ thi đua cơ sở)",
  },
  {
    id: "cstdcs_needs_initiative",
    check: { kind: "initiatives_per_title", title: "chien_si_thi_dua_co_so" },
    source:
      "Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP (Chiến sĩ thi đua cơ sở phải có sáng kiến hoặc đề tài được công nhận)",
  },
  {
    id: "one_collective_level",
    check: { kind: "exclusive", titles: ["tap_the_lao_dong_tien_tien", "tap_the_lao_dong_xuat_sac"] },
    source: "Luật Thi đua, khen thưởng 2022 (một tập thể được xét một danh hiệu tập thể trong năm)",
  },
  {
    id: "flag_needs_excellent",
    check: {
      kind: "requires",
      titles: ["co_thi_dua_tinh", "co_thi_dua_bo"],
      needs: "tap_the_lao_dong_xuat_sac",
    },
    source:
      "Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP (Cờ thi đua xét trong số tập thể đạt Tập thể lao động xuất sắc)",
  },
] as const satisfies readonly RegistrationRule[];

export type RegistrationRule = {
  id: string;
  source: string;
  check:
    | { kind: "at_most_staff"; title: IndividualTitle }
    | { kind: "at_most_title"; title: IndividualTitle; of: IndividualTitle }
    | { kind: "ratio"; title: IndividualTitle; of: IndividualTitle; max: number }
    | { kind: "names_within"; titles: readonly IndividualTitle[]; of: IndividualTitle }
    | { kind: "initiatives_per_title"; title: IndividualTitle }
    | { kind: "exclusive"; titles: readonly CollectiveTitle[] }
    | { kind: "requires"; titles: readonly CollectiveTitle[]; needs: CollectiveTitle };
};

/** A rule a registration breaks: the rule's id (its message key), the figures it names and its source. */
export interface RuleProblem {
  rule: string;
  params: Record<string, string | number>;
  source: string;
}

/** The parts of a registration a rule reads; a rule whose parts are not answered yet is not checked. */
export type RegistrationSoFar = Partial<
  Pick<Registration, "staff" | "collective" | "individual" | "initiatives">
>;

const countOf = (r: RegistrationSoFar, title: IndividualTitle) =>
  r.individual?.find((i) => i.title === title)?.count ?? 0;
const namesOf = (r: RegistrationSoFar, title: IndividualTitle) =>
  r.individual?.find((i) => i.title === title)?.names ?? [];
const sameName = (a: string, b: string) =>
  a.normalize("NFC").toLowerCase().trim() === b.normalize("NFC").toLowerCase().trim();

/** The rules a registration so far breaks, in the table's order. */
export function checkRegistration(
  r: RegistrationSoFar,
  rules: readonly RegistrationRule[] = registrationRules,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (rule: RegistrationRule, params: Record<string, string | number>) =>
    problems.push({ rule: rule.id, params, source: rule.source });
  for (const rule of rules) {
    const c = rule.check;
    switch (c.kind) {
      case "at_most_staff":
        if (r.staff !== undefined && r.individual && countOf(r, c.title) > r.staff)
          add(rule, { count: countOf(r, c.title), staff: r.staff });
        break;
      case "at_most_title":
        if (r.individual && countOf(r, c.title) > countOf(r, c.of))
          add(rule, { count: countOf(r, c.title), base: countOf(r, c.of) });
        break;
      case "ratio": {
        if (!r.individual) break;
        const allowed = Math.floor(countOf(r, c.of) * c.max);
        if (countOf(r, c.title) > allowed)
          add(rule, {
            count: countOf(r, c.title),
            base: countOf(r, c.of),
            allowed,
            percent: Math.round(c.max * 100),
          });
        break;
      }
      case "names_within": {
        // Checked once the base title's names are given.
        const base = namesOf(r, c.of);
        if (!base.length) break;
        const outside = c.titles
          .flatMap((t) => namesOf(r, t))
          .filter((n) => !base.some((b) => sameName(b, n)));
        if (outside.length) add(rule, { names: [...new Set(outside)].join(", ") });
        break;
      }
      case "initiatives_per_title":
        if (r.initiatives && countOf(r, c.title) > r.initiatives.length)
          add(rule, { count: countOf(r, c.title), initiatives: r.initiatives.length });
        break;
      case "exclusive":
        if (r.collective && c.titles.filter((t) => r.collective?.includes(t)).length > 1) add(rule, {});
        break;
      case "requires":
        if (
          r.collective &&
          c.titles.some((t) => r.collective?.includes(t)) &&
          !r.collective.includes(c.needs)
        )
          add(rule, {});
        break;
    }
  }
  return problems;
}
