import type { SchoolCalendar } from "../deadlines/types.js";
import type { Db } from "../storage/open-database.js";
import type { Clock } from "../time/clock.js";
import { extractPlan } from "./extract-plan.js";
import type { PlanExtraction } from "./extraction.js";
import { type Plan, saveDraftPlan, setPlanStatus } from "./plan-store.js";
import { readPlanFile } from "./read-plan-file.js";

export interface ImportResult {
  plan: Plan;
  extraction: PlanExtraction;
  /** False when the same file had been imported before and nothing new was stored. */
  created: boolean;
}

/** Reads a plan file, stores it as a draft (once per file content) and publishes it if asked. */
export async function importPlan(
  db: Db,
  file: { name: string; bytes: Uint8Array },
  options: { calendar: SchoolCalendar; clock: Clock; publish?: boolean },
): Promise<ImportResult> {
  const { text, sha256 } = await readPlanFile(file);
  const extraction = extractPlan(text, { calendar: options.calendar });
  let { plan, created } = await saveDraftPlan(db, { extraction, sourceName: file.name, sourceHash: sha256 });
  if (options.publish && plan.status !== "published") {
    plan = await setPlanStatus(db, plan.id, "published", options.clock.now());
  }
  return {
    plan,
    extraction: created ? extraction : ((plan.extraction as PlanExtraction | null) ?? extraction),
    created,
  };
}
