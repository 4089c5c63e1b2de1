import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  counterpart,
  datesAgree,
  type ExpectedPlan,
  normaliseItem,
  overlap,
  scorePlan,
} from "../../../scripts/plan-accuracy.js";
import { createSchoolCalendar, extractPlan, fold, type PlanExtraction } from "../../../src/core/index.js";

const plansDir = new URL("../../../../shared/plans/", import.meta.url);
const samples = readdirSync(new URL("expected/", plansDir))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(`expected/${name}`, plansDir), "utf8")) as ExpectedPlan);
const calendar = createSchoolCalendar();
const extract = (file: string): PlanExtraction =>
  extractPlan(readFileSync(new URL(file, plansDir), "utf8"), { calendar });

describe.each(samples)("extraction of $file", (expected) => {
  const actual = extract(expected.file);

  it("reads the header", () => {
    const doc = expected.document;
    for (const field of ["kind", "number", "issuedOn", "title", "signer", "schoolYear"] as const) {
      if (field in doc) expect.soft(actual.document[field], field).toBe(doc[field]);
    }
    // The hand-checked issuer adds a place in parentheses where the text has none.
    const issuer = (doc.issuer ?? "").replace(/\s*\([^)]*\)/g, "");
    expect(actual.document.issuer, "issuer").not.toBeNull();
    expect(overlap(issuer, actual.document.issuer ?? "")).toBeGreaterThanOrEqual(0.75);
  });

  it("finds every deadline with its kind, start and due, and no others", () => {
    const score = scorePlan(expected, actual);
    expect(score.deadlines.right).toBe(score.deadlines.expected);
    expect(score.deadlines.found).toBe(score.deadlines.expected);
  });

  it.each(
    expected.deadlines.map((d) => [d.source === "appendix" ? `row ${d.row}` : `line ${d.line}`, d] as const),
  )("deadline at %s: words, dates, task and units", (_, e) => {
    const a = counterpart(e, actual.deadlines);
    expect(a, "found").toBeDefined();
    if (!a) return;
    expect(fold(a.raw)).toBe(fold(e.raw.replace(/\*/g, "")));
    expect(datesAgree(e, a)).toBe(true);
    // Tasks are the hand-checker's wording of the same sentence: most of its words must be there.
    expect(overlap(e.task, a.task), `task: ${a.task}`).toBeGreaterThanOrEqual(0.6);
    if (e.responsible)
      // The checker sometimes names the units from the section ("các trường (cấp trường)") where the
      // text names them in the sentence before ("Tất cả các đơn vị"): a shared word is required.
      expect(overlap(e.responsible, a.responsible ?? ""), `who: ${a.responsible}`).toBeGreaterThanOrEqual(
        0.3,
      );
    if (e.source === "appendix") {
      expect(a.responsible).toBe(e.responsible);
      expect(a.coordinating).toBe(e.coordinating ?? null);
      expect(a.inherited).toBe(e.inherited);
      expect(a.task).toBe(e.task);
    }
  });

  it("finds every dossier list item for item", () => {
    for (const e of expected.requirements) {
      const a = actual.requirements.find(
        (r) => r.items.map(normaliseItem).join("|") === e.items.map(normaliseItem).join("|"),
      );
      expect(a, `list "${e.name}"`).toBeDefined();
      expect(overlap(e.name, a?.name ?? "")).toBeGreaterThan(0);
      if (e.copies) expect(a?.copies).toBe(e.copies);
    }
    expect(actual.requirements).toHaveLength(expected.requirements.length);
  });

  it("finds the submission channels", () => {
    expect(actual.channels.map((c) => [c.kind, c.address, c.line])).toEqual(
      expected.channels.map((c) => [c.kind, c.address, c.line]),
    );
    for (const [i, c] of expected.channels.entries()) {
      if (c.fileNamePattern) expect(actual.channels[i]?.fileNamePattern).toBe(c.fileNamePattern);
    }
  });

  it("finds the officers in charge and the emulation groups", () => {
    expect(actual.contacts.map((c) => c.name)).toEqual(expected.contacts.map((c) => c.name));
    for (const [i, c] of expected.contacts.entries()) {
      const scope = fold(actual.contacts[i]?.scope ?? "");
      expect(scope.includes(fold(c.scope)) || fold(c.scope).includes(scope)).toBe(true);
    }
    expect(actual.groups.map((g) => [g.name, g.leader])).toEqual(
      (expected.groups ?? []).map((g) => [g.name, g.leader]),
    );
  });
});

describe("the scorer's reading of an item", () => {
  it("leaves out the copies an item gives, however they are written", () => {
    const paper = normaliseItem("Giấy đề nghị của tổ (Mẫu 03)");
    for (const written of [
      "Giấy đề nghị của tổ (Mẫu 03) (02 bản)",
      "Giấy đề nghị của tổ (Mẫu 03): 02 bản chính, tổ trưởng ký",
      "Giấy đề nghị của tổ (Mẫu 03) - 01 bản sao",
      "Giấy đề nghị của tổ (Mẫu 03) – 03 bản, kèm file Excel",
      "Giấy đề nghị của tổ (Mẫu 03): 01 file PDF",
    ])
      expect(normaliseItem(written), written).toBe(paper);
    // A number that is part of the paper's own words stays.
    expect(normaliseItem("Báo cáo thành tích 02 năm học")).toBe("bao cao thanh tich 02 nam hoc");
  });
});
