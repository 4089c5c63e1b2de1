import type { unitKinds } from "../storage/repositories/units.js";
import { expandAbbreviations } from "../text/abbreviations.js";
import { fold } from "../text/fold.js";

export type UnitKind = (typeof unitKinds)[number];

const schools: UnitKind[] = ["mam_non", "tieu_hoc", "thcs", "thpt", "lien_cap", "gdtx"];
const underSo: UnitKind[] = ["truc_thuoc", "thpt", "gdtx"];

/** What a plan's issuer is, by the first word of its name. */
export function issuerKind(issuer: string | null): UnitKind | null {
  const f = fold(issuer ?? "");
  if (/^so\b/.test(f)) return "so";
  if (/^phong\b/.test(f)) return "phong";
  if (/\btruong\b/.test(f)) return "tieu_hoc";
  return null;
}

// Rules kept as data: folded words of the "đơn vị thực hiện" cell, abbreviations spelled out
// (abbreviations.ts), → who must act. "issuer" is the office that issued the plan. First the
// issuer's own bodies.
export const audienceRules: { pattern: RegExp; audience: UnitKind[] | "issuer" }[] = [
  { pattern: /\bso giao duc\b(?! va dao tao (quan|huyen))/, audience: "issuer" },
  {
    pattern: /\b(hoi dong thi dua|thanh vien hoi dong|van phong so|bo phan thi dua)/,
    audience: "issuer",
  },
  // "Các phòng thuộc cơ quan Sở", "các phòng, ban thuộc Sở": the Sở's own departments.
  { pattern: /\bphong(?:,? ban)? (?:chuyen mon |nghiep vu )?thuoc (?:co quan )?so\b/, audience: "issuer" },
  {
    // "Phòng GDĐT" in a Sở's plan, or its own: the district office either way; not the Sở's own
    // "Phòng Giáo dục Trung học" or "Phòng Giáo dục Mầm non – Tiểu học".
    pattern: /\bphong giao duc\b(?! (trung hoc|mam non|tieu hoc|thuong xuyen|chuyen nghiep|dan toc))/,
    audience: ["phong"],
  },
  // "Phòng tổng hợp, gửi Sở …": the Phòng named bare, its own in a Phòng's plan, the district offices in a Sở's.
  { pattern: /^(cac )?phong$/, audience: ["phong"] },
  { pattern: /\btruc thuoc\b|\bdon vi thuoc\b/, audience: underSo },
  // A GDTX or GDNN-GDTX centre is under the Sở: its focal person may be filed as either kind.
  {
    pattern: /\btrung tam (giao duc thuong xuyen|gdtx|giao duc nghe nghiep|gdnn)/,
    audience: ["gdtx", "truc_thuoc"],
  },
  // "trường chuyên", "trường PT DTNT": upper-secondary schools of the Sở (not "tổ trưởng chuyên môn",
  // which folds alike).
  { pattern: /\btruong (thpt )?chuyen\b(?! mon)|\bdan toc noi tru\b|\bdtnt\b/, audience: ["thpt"] },
  { pattern: /\b(truong )?mam non\b/, audience: ["mam_non"] },
  { pattern: /\b(truong )?tieu hoc\b/, audience: ["tieu_hoc"] },
  { pattern: /\btrung hoc co so\b/, audience: ["thcs"] },
  { pattern: /\btrung hoc pho thong\b/, audience: ["thpt"] },
];
// A school of two levels: "trường tiểu học và THCS", "trường THCS và THPT" (abbreviations spelled out).
const twoLevels =
  /(?<!\b(?:cac|nhung|moi) )\btruong (?:tieu hoc|trung hoc co so) (?:va|&) (?:trung hoc co so|trung hoc pho thong)\b|\blien cap\b/g;
// Schools in general, unless the same clause names their level ("các trường tiểu học công lập").
const anySchool = /\b(cac truong|cap truong|nha truong)\b/;
// Khối and cụm thi đua group every kind of unit under the issuer: a Sở's khối hold Phòng GDĐT too.
const anyGroup = /\b(khoi (truong )?thi dua|cac khoi|khoi truong|cum truong|cum thi dua|cac cum)\b/;
const levels: UnitKind[] = ["mam_non", "tieu_hoc", "thcs", "thpt"];
// "các đơn vị" alone: every kind under the issuer; only when nothing more precise was named.
const anyUnit = /\b(cac don vi|tat ca cac don vi|don vi)\b/;

function below(issuer: UnitKind | null): UnitKind[] {
  if (issuer === "so") return ["phong", ...underSo, ...schools];
  if (issuer === "phong") return schools;
  return [...schools];
}

/** Whether words name one school or office by its own name ("Trường THPT Yên Khê", "Phòng GDĐT huyện Mường Khê"), not a kind ("các trường THPT", "Trường Mầm non"). */
export const namesOneUnit = (words: string) =>
  /^(?:Trường|Phòng|Trung tâm)\s.*\s\p{Lu}\p{Ll}+$/u.test(words.trim());

/**
 * The unit kinds a task's "đơn vị thực hiện" words name, or null when they name nobody in particular
 * (then every unit sees the task).
 */
export function resolveAudience(words: string | null, issuer: string | null): UnitKind[] | null {
  // "TH và THCS", "TH&THCS" written short name the school of two levels ("các trường TH và THCS" may be both).
  const f = expandAbbreviations(
    fold(words ?? "").replace(/(?<!\b(?:cac|nhung|moi) truong )\bth\s*(?:va|&)\s*thcs\b/g, "lien cap"),
  );
  if (!f) return null;
  const own = issuerKind(issuer);
  const issuerName = expandAbbreviations(fold(issuer ?? ""))
    .split(" ")
    .slice(0, 6)
    .join(" ");
  const kinds = new Set<UnitKind>();
  // The issuing office named by its own name ("Phòng Giáo dục và Đào tạo" in the Phòng's own plan).
  if (issuerName && f.replace(/^(cac )?/, "").startsWith(issuerName) && own) kinds.add(own);
  for (const written of f.split(/\s*;\s*/)) {
    const named = new Set<UnitKind>();
    // "trường Tiểu học và THCS Ngôi Sao Việt", "trường TH và THCS": one school of two levels.
    const clause = written.replace(twoLevels, () => {
      named.add("lien_cap");
      return " ";
    });
    for (const rule of audienceRules) {
      if (!rule.pattern.test(clause)) continue;
      const audience = rule.audience === "issuer" ? (own ? [own] : []) : rule.audience;
      for (const kind of audience) named.add(kind);
    }
    if (anySchool.test(clause) && !named.has("lien_cap") && !levels.some((level) => named.has(level)))
      for (const kind of schools) named.add(kind);
    else if (anyGroup.test(clause) && !named.size) for (const kind of below(own)) named.add(kind);
    for (const kind of named) kinds.add(kind);
  }
  if (!kinds.size && anyUnit.test(f)) for (const kind of below(own)) kinds.add(kind);
  return kinds.size ? [...kinds] : null;
}

/** The unit kinds that must do a task: the officer's override when set, else what its words name. */
export function taskAudience(
  task: { responsible: string | null; audienceOverride: unknown },
  issuer: string | null,
): UnitKind[] | null {
  const override = task.audienceOverride as UnitKind[] | null;
  return override ?? resolveAudience(task.responsible, issuer);
}

/** The kinds of unit under a plan's issuer: who "every unit" means. */
export function kindsBelowIssuer(issuer: string | null): UnitKind[] {
  return below(issuerKind(issuer));
}
