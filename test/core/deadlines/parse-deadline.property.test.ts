import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDeadlines } from "../../../src/core/deadlines/find-deadlines.js";
import { parseDeadline } from "../../../src/core/deadlines/parse-deadline.js";
import { createSchoolCalendar } from "../../../src/core/deadlines/school-calendar.js";
import type { DeadlineContext } from "../../../src/core/deadlines/types.js";

const ctx: DeadlineContext = { calendar: createSchoolCalendar(), calendarYear: 2024 };
const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => d.toISOString().slice(0, 10);

const day = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2099-12-31T00:00:00Z"),
  noInvalidDate: true,
});
const writings: ((y: number, m: number, d: number) => string)[] = [
  (y, m, d) => `${d}/${m}/${y}`,
  (y, m, d) => `${pad(d)}/${pad(m)}/${y}`,
  (y, m, d) => `${d}-${m}-${y}`,
  (y, m, d) => `${d}.${m}.${y}`,
  (y, m, d) => `${pad(d)}/${pad(m)}/${String(y).slice(2)}`,
  (y, m, d) => `ngày ${d} tháng ${m} năm ${y}`,
  (y, m, d) => `ngay ${pad(d)} thang ${pad(m)} nam ${y}`,
];
const leads: [string, "before" | "by" | "on"][] = [
  ["Trước ngày", "before"],
  ["trước", "before"],
  ["chậm nhất ngày", "by"],
  ["cham nhat", "by"],
  ["hạn chót", "by"],
  ["đến hết ngày", "by"],
  ["", "on"],
];

describe("parseDeadline properties", () => {
  it("reads any valid date in any supported writing back to itself", () => {
    fc.assert(
      fc.property(day, fc.nat(writings.length - 1), fc.nat(leads.length - 1), (date, w, l) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const write = writings[w];
        const [lead, kind] = leads[l] ?? ["", "on"];
        if (!write) return;
        const text = `${lead} ${write(y, m, d)}`.trim();
        const result = parseDeadline(text, ctx);
        expect(result.ok, text).toBe(true);
        if (!result.ok) return;
        expect(result.deadline.kind).toBe(kind);
        const expectedDue = kind === "before" ? iso(new Date(date.getTime() - 86_400_000)) : iso(date);
        expect(result.deadline.due, text).toBe(expectedDue);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })),
        (text) => {
          parseDeadline(text, ctx);
          findDeadlines(text, ctx);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws on deadline-like noise", () => {
    const pieces = fc.constantFrom(
      "trước",
      "ngày",
      "từ",
      "đến",
      "hết",
      "tháng",
      "quý",
      "năm học",
      "-",
      "/",
      " ",
      "học kỳ",
      "99",
      "0",
      "31",
      "2024",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join(" ");
        expect(() => parseDeadline(text, ctx)).not.toThrow();
        expect(() => findDeadlines(text, ctx)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
