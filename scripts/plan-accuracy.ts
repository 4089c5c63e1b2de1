// Scores an extraction against a hand-checked shared/plans/expected/*.json file. Shared by the
// accuracy test and `npm run eval:plans`, so the figure printed is the one the tests hold to.

import type { PlanExtraction } from "../src/core/index.js";
import { fold } from "../src/core/index.js";

export interface ExpectedDeadline {
  source: "appendix" | "text";
  row?: number;
  line?: number;
  task: string;
  responsible: string | null;
  coordinating?: string | null;
  raw: string;
  kind: string;
  start: string | null;
  due: string | null;
  inherited?: boolean;
  dueWithin?: [string, string];
}

export interface ExpectedPlan {
  file: string;
  document: Record<string, string | null>;
  deadlines: ExpectedDeadline[];
  requirements: { name: string; items: string[]; copies?: string }[];
  channels: { kind: string; address: string; line: number; fileNamePattern?: string }[];
  contacts: { name: string; scope: string }[];
  groups?: { name: string; leader: string }[] | null;
}

const words = (text: string) =>
  new Set(
    fold(text)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .split(" ")
      .filter((w) => w.length > 1),
  );

/** Share of the smaller text's words found in the other (1 = one says all the other says). */
export function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.size || !wb.size) return wa.size === wb.size ? 1 : 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}

// An item's own copies ("Tờ trình (02 bản)", "(02 bộ)", "(bản photo công chứng)", "Tờ trình: 01 bản chính, …",
// "Tờ trình - 01 bản chính", "Tờ trình – 02 bản chính") are kept in its text, where people read them; expected files write them
// their own way or move them to the list's copies, so they do not decide whether the item was found.
export const normaliseItem = (text: string) =>
  fold(text)
    .replace(/[.;,:]+$/u, "")
    .replace(/\s*\(\s*(?:0?\d+\s+(?:ban|bo)|ban (?:photo|sao|chinh))[^)]*\)$/u, "")
    .replace(/\s*(?::|\s[-–])\s*0?\d+\s+(?:ban|bo|file)(?![a-z]).*$/u, "")
    .replace(/\s+/g, " ")
    .trim();

// A prose deadline's words are quoted from its date ("quý IV/2026"); an expected file may keep the
// "trong"/"vào" before it. A body table's row is a text deadline in some files, a table's in others.
const sameWords = (a: string, b: string) => {
  const bare = (s: string) => fold(s).replace(/^(?:trong|vao)\s+/u, "");
  return bare(a) === bare(b);
};

/** The extracted deadline standing where the expected one stands: same appendix row, or same line. */
export function counterpart(expected: ExpectedDeadline, actual: PlanExtraction["deadlines"]) {
  return actual.find((d) =>
    expected.source === "appendix"
      ? d.source === "appendix" && d.row === expected.row
      : d.source === "text" && d.line === expected.line && fold(d.raw) === fold(expected.raw),
  );
}

/** Whether kind, start and due agree (start is not graded where the expected file gives a window). */
export function datesAgree(expected: ExpectedDeadline, actual: PlanExtraction["deadlines"][number]): boolean {
  // Some expected files mark a count of days from an event "relative"; the extractor dates it as due
  // on the counted day ("by") or, when the plan does not date the event, leaves it unscheduled.
  // A week is a range of days to the extractor (DESIGN.md's kinds have no week).
  const kind =
    expected.kind === "relative"
      ? expected.due || expected.dueWithin
        ? "by"
        : "unscheduled"
      : expected.kind === "week"
        ? "range"
        : expected.kind;
  if (actual.kind !== kind) return false;
  if (expected.dueWithin) {
    const [from, to] = expected.dueWithin;
    return actual.due !== null && actual.due >= from && actual.due <= to;
  }
  // An event on one day starts that day; some expected files leave its start null.
  const start = expected.kind === "on" ? (expected.start ?? expected.due) : expected.start;
  return actual.start === start && actual.due === expected.due;
}

export interface PlanScore {
  file: string;
  deadlines: { expected: number; found: number; right: number };
  items: { expected: number; found: number; right: number };
}

/** Counts deadlines whose kind, start and due are right, and dossier items found word for word. */
export function scorePlan(
  expected: ExpectedPlan,
  actual: PlanExtraction,
  options: { byLine?: boolean } = {},
): PlanScore {
  // expected/*.json gives the .txt's line numbers; a Word file or a PDF lays lines out its own way,
  // so there a prose deadline is found by its words instead.
  const byLine = options.byLine ?? true;
  let right = 0;
  const used = new Set<PlanExtraction["deadlines"][number]>();
  for (const e of expected.deadlines) {
    const a = actual.deadlines.find(
      (d) =>
        !used.has(d) &&
        datesAgree(e, d) &&
        (e.source === "appendix"
          ? d.row === e.row
          : byLine
            ? d.line === e.line
            : (d.source === "text" || e.row !== undefined) && sameWords(d.raw, e.raw)),
    );
    if (a) {
      used.add(a);
      right++;
    }
  }
  const expectedItems = expected.requirements.flatMap((r) => r.items.map(normaliseItem));
  const actualItems = actual.requirements.flatMap((r) => r.items.map(normaliseItem));
  const pool = [...actualItems];
  let itemsRight = 0;
  for (const item of expectedItems) {
    const i = pool.indexOf(item);
    if (i >= 0) {
      pool.splice(i, 1);
      itemsRight++;
    }
  }
  return {
    file: expected.file,
    deadlines: { expected: expected.deadlines.length, found: actual.deadlines.length, right },
    items: { expected: expectedItems.length, found: actualItems.length, right: itemsRight },
  };
}
