import { z } from "zod";
import {
  type CollectiveTitle,
  collectiveTitles,
  type IndividualTitle,
  individualTitles,
  type Registration,
} from "./registration.js";

/**
 * The rules a registration is checked against, as data: what each checks and the legal text it comes
 * from. A change in law is a change here (a ratio, a prerequisite, a source), not in the checking code.
 * The sources name the documents; their articles are for the office's legal staff to confirm. An office
 * changes, turns off or adds rules in its own file (REGISTRATION_RULES, read by loadRegistrationRules):
 * no ratio for collective titles is built in, for want of the legal figure.
 */
export const registrationRules: readonly RegistrationRule[] = [
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
];

const individual = z.enum(individualTitles);
const collective = z.enum(collectiveTitles);
const share = z.number().gt(0).max(1);

/** One rule as data: the office's file is read with this, so a bad row is refused with its path. */
export const registrationRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,60}$/, "must be lower-case letters, digits and _"),
  source: z.string().trim().min(3).max(500),
  check: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("at_most_staff"), title: individual }),
    z.strictObject({ kind: z.literal("at_most_title"), title: individual, of: individual }),
    z.strictObject({ kind: z.literal("ratio"), title: individual, of: individual, max: share }),
    z.strictObject({ kind: z.literal("names_within"), titles: z.array(individual).min(1), of: individual }),
    z.strictObject({ kind: z.literal("initiatives_per_title"), title: individual }),
    z.strictObject({ kind: z.literal("exclusive"), titles: z.array(collective).min(2) }),
    z.strictObject({ kind: z.literal("requires"), titles: z.array(collective).min(1), needs: collective }),
    // The share of the units under one parent (a Phòng's schools, a Sở's units) registering `title` in a year.
    z.strictObject({ kind: z.literal("collective_share"), title: collective, max: share }),
  ]),
});

/** A rule as data (see registrationRuleSchema). */
export type RegistrationRule = z.infer<typeof registrationRuleSchema>;

const ruleOff = z.strictObject({ id: registrationRuleSchema.shape.id, off: z.literal(true) });

/** An office's rows: a row with a built-in id replaces that rule, `off: true` drops it, a new id is added. */
export const officeRulesSchema = z.array(
  // A row with `off` is read as one, so that a broken rule's error names its field, not "no union matched".
  z.unknown().transform((row, ctx) => {
    const schema = typeof row === "object" && row !== null && "off" in row ? ruleOff : registrationRuleSchema;
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  }),
);

/** The built-in rules with an office's rows applied (see officeRulesSchema). */
export function rulesWithOffice(rows: z.infer<typeof officeRulesSchema>): RegistrationRule[] {
  const byId = new Map<string, RegistrationRule>(registrationRules.map((r) => [r.id, r]));
  for (const row of rows) {
    if ("off" in row) byId.delete(row.id);
    else byId.set(row.id, row);
  }
  return [...byId.values()];
}

/**
 * A rule a registration breaks: the rule's id (its message key, else its kind's), the figures it names
 * and its source.
 */
export interface RuleProblem {
  rule: string;
  kind?: RegistrationRule["check"]["kind"];
  params: Record<string, string | number>;
  source: string;
}

/** The parts of a registration a rule reads; a rule whose parts are not answered yet is not checked. */
export type RegistrationSoFar = Partial<
  Pick<Registration, "staff" | "collective" | "individual" | "initiatives">
> & { peers?: Peers | undefined };

/** The units under the same parent as the registering one, and how many of the others registered each collective title. */
export interface Peers {
  units: number;
  registered: Partial<Record<CollectiveTitle, number>>;
}

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
    problems.push({ rule: rule.id, kind: rule.check.kind, params, source: rule.source });
  for (const rule of rules) {
    const c = rule.check;
    switch (c.kind) {
      case "at_most_staff":
        if (r.staff !== undefined && r.individual && countOf(r, c.title) > r.staff)
          add(rule, { title: c.title, count: countOf(r, c.title), staff: r.staff });
        break;
      case "at_most_title":
        if (r.individual && countOf(r, c.title) > countOf(r, c.of))
          add(rule, { title: c.title, of: c.of, count: countOf(r, c.title), base: countOf(r, c.of) });
        break;
      case "ratio": {
        if (!r.individual) break;
        const allowed = Math.floor(countOf(r, c.of) * c.max);
        if (countOf(r, c.title) > allowed)
          add(rule, {
            title: c.title,
            of: c.of,
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
        if (outside.length) add(rule, { of: c.of, names: [...new Set(outside)].join(", ") });
        break;
      }
      case "initiatives_per_title":
        if (r.initiatives && countOf(r, c.title) > r.initiatives.length)
          add(rule, { title: c.title, count: countOf(r, c.title), initiatives: r.initiatives.length });
        break;
      case "exclusive":
        if (r.collective && c.titles.filter((t) => r.collective?.includes(t)).length > 1)
          add(rule, { options: c.titles.join("|") });
        break;
      case "requires":
        if (
          r.collective &&
          c.titles.some((t) => r.collective?.includes(t)) &&
          !r.collective.includes(c.needs)
        )
          add(rule, { needs: c.needs });
        break;
      case "collective_share": {
        if (!r.peers || !r.collective?.includes(c.title)) break;
        const allowed = Math.floor(r.peers.units * c.max);
        const count = (r.peers.registered[c.title] ?? 0) + 1;
        if (count > allowed)
          add(rule, {
            needs: c.title,
            count,
            units: r.peers.units,
            allowed,
            percent: Math.round(c.max * 100),
          });
        break;
      }
    }
  }
  return problems;
}
