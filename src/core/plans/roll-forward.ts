import { parseDeadline } from "../deadlines/parse-deadline.js";
import type { SchoolCalendar } from "../deadlines/types.js";
import { ErrorCode, ThiduaError } from "../errors.js";
import type { Db } from "../storage/open-database.js";
import type { ExtractedDeadline, PlanExtraction } from "./extraction.js";
import { findPlan, type Plan, saveDraftPlan } from "./plan-store.js";

/** Moves an ISO day by whole years, keeping 29/02 on the last day of February. */
export function shiftYears(isoDay: string, years: number): string {
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

const shiftText = (text: string, years: number) =>
  text.replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + years));

/** The plan's own year: the first year of its school year, else its calendar year. */
function baseYear(extraction: PlanExtraction): number | null {
  const d = extraction.document;
  if (d.schoolYear) return Number(d.schoolYear.slice(0, 4));
  const titleYear = /năm\s+(\d{4})/u.exec(d.title ?? "")?.[1];
  if (titleYear) return Number(titleYear);
  return d.issuedOn ? Number(d.issuedOn.slice(0, 4)) : null;
}

function shiftDeadline(d: ExtractedDeadline, years: number, calendar: SchoolCalendar): ExtractedDeadline {
  const shifted: ExtractedDeadline = {
    ...d,
    task: shiftText(d.task, years),
    raw: shiftText(d.raw, years),
    start: d.start ? shiftYears(d.start, years) : null,
    due: d.due ? shiftYears(d.due, years) : null,
  };
  if (d.kind === "semester" || d.kind === "school_year") {
    // The school calendar, not a plain shift, says when next year's semester ends.
    const again = parseDeadline(shifted.raw, { calendar });
    if (again.ok) Object.assign(shifted, { start: again.deadline.start, due: again.deadline.due });
  }
  if (d.kind !== "unscheduled") shifted.warning = "rolled_forward";
  return shifted;
}

/** Drafts next year's plan from a stored one: dates shifted by whole years, every dated task flagged for review. */
export async function rollForwardPlan(
  db: Db,
  planId: number,
  options: { toYear: number; calendar: SchoolCalendar },
): Promise<{ plan: Plan; extraction: PlanExtraction; created: boolean }> {
  const source = await findPlan(db, String(planId));
  const extraction = source.extraction as PlanExtraction | null;
  const from = extraction ? baseYear(extraction) : null;
  if (!extraction || from === null) {
    throw new ThiduaError(ErrorCode.InputInvalid, `plan ${planId} has no year to roll forward from`, {
      messageKey: "errors.plan_no_year",
      params: { plan: String(planId) },
    });
  }
  const years = options.toYear - from;
  const d = extraction.document;
  const rolled: PlanExtraction = {
    ...extraction,
    document: {
      ...d,
      number: null,
      issuedOn: null,
      title: d.title ? shiftText(d.title, years) : null,
      schoolYear: d.schoolYear ? shiftText(d.schoolYear, years) : null,
    },
    deadlines: extraction.deadlines.map((x) => shiftDeadline(x, years, options.calendar)),
    requirements: extraction.requirements.map((r) => ({
      ...r,
      items: r.items.map((i) => shiftText(i, years)),
    })),
  };
  const saved = await saveDraftPlan(db, {
    extraction: rolled,
    sourceName: source.sourceName,
    sourceHash: `${source.sourceHash}:roll:${options.toYear}`,
    rolledFromPlanId: source.id,
  });
  return { ...saved, extraction: (saved.plan.extraction as PlanExtraction | null) ?? rolled };
}
