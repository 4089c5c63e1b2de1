import type { IsoDay } from "./calendar-days.js";

// The first day of Tết Nguyên Đán by the Vietnamese lunar calendar (Asia/Ho_Chi_Minh). A table, not a
// lunar computation: the years a school plan can be about, and a new line each decade.
const firstDayOfTet: Record<number, IsoDay> = {
  2019: "2019-02-05",
  2020: "2020-01-25",
  2021: "2021-02-12",
  2022: "2022-02-01",
  2023: "2023-01-22",
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
  2028: "2028-01-26",
  2029: "2029-02-13",
  2030: "2030-02-03",
};

/** The first day of the next Tết on or after `day`, or undefined beyond the years known. */
export function nextLunarNewYear(day: IsoDay): IsoDay | undefined {
  const year = Number(day.slice(0, 4));
  const thisYear = firstDayOfTet[year];
  if (thisYear && thisYear >= day) return thisYear;
  return firstDayOfTet[year + 1];
}
