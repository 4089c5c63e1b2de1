import type { PlanExtraction } from "./extraction.js";

/** The extraction in the shape of shared/plans/expected/*.json, for `plan import --json`. */
export function toExpectedShape(extraction: PlanExtraction, file: string) {
  return {
    file,
    document: extraction.document,
    deadlines: extraction.deadlines,
    requirements: extraction.requirements,
    channels: extraction.channels,
    contacts: extraction.contacts,
    groups: extraction.groups,
  };
}
