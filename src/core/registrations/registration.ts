import { z } from "zod";

/** Titles a collective (the unit itself) registers for. */
export const collectiveTitles = [
  "tap_the_lao_dong_tien_tien",
  "tap_the_lao_dong_xuat_sac",
  "co_thi_dua_tinh",
  "co_thi_dua_bo",
  "bang_khen_tinh",
  "bang_khen_bo",
] as const;
export type CollectiveTitle = (typeof collectiveTitles)[number];

/** Titles individuals of the unit register for, by count (and names where the form asks). */
export const individualTitles = [
  "lao_dong_tien_tien",
  "chien_si_thi_dua_co_so",
  "chien_si_thi_dua_tinh",
  "chien_si_thi_dua_bo",
  "bang_khen_tinh",
  "bang_khen_bo",
] as const;
export type IndividualTitle = (typeof individualTitles)[number];

/** Individual titles whose registration names the people (the others are counts). */
export const namedTitles = new Set<IndividualTitle>([
  "chien_si_thi_dua_co_so",
  "chien_si_thi_dua_tinh",
  "chien_si_thi_dua_bo",
  "bang_khen_tinh",
  "bang_khen_bo",
]);

const personName = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[\p{L}][\p{L}\p{M} .'-]*$/u, "a person's name");

/** A unit's registration of emulation titles for a school year, as stored and as the forms show it. */
export const registrationSchema = z.object({
  unitId: z.number().int().positive(),
  unitName: z.string().min(1),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
  /** Staff of the unit (cán bộ, giáo viên, nhân viên): the base of the ratios. */
  staff: z.number().int().min(1).max(10_000),
  collective: z.array(z.enum(collectiveTitles)).max(collectiveTitles.length),
  individual: z
    .array(
      z.object({
        title: z.enum(individualTitles),
        count: z.number().int().min(1).max(10_000),
        names: z.array(personName).max(200),
      }),
    )
    .max(individualTitles.length),
  /** Chỉ tiêu thi đua the unit commits to, one per line. */
  targets: z.array(z.string().trim().min(3).max(500)).max(30),
  /** Sáng kiến and đề tài the unit registers. */
  initiatives: z
    .array(
      z.object({
        kind: z.enum(["sang_kien", "de_tai"]),
        title: z.string().trim().min(3).max(300),
        author: personName.optional(),
      }),
    )
    .max(200),
});
export type Registration = z.infer<typeof registrationSchema>;
