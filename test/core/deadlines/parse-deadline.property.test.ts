import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../src/core/deadlines/calendar-days.js";
import { findDeadlines } from "../../../src/core/deadlines/find-deadlines.js";
import { parseDeadline } from "../../../src/core/deadlines/parse-deadline.js";
import { createSchoolCalendar } from "../../../src/core/deadlines/school-calendar.js";
import type { DeadlineContext, DeadlineKind } from "../../../src/core/deadlines/types.js";

const ctx: DeadlineContext = { calendar: createSchoolCalendar(), calendarYear: 2024 };
const pad = (n: number) => String(n).padStart(2, "0");

const day = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => ({
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    iso: d.toISOString().slice(0, 10),
  }));

// Each writing of a date the parser supports; the lead decides whether "ngày" may come before it.
const writings: ((y: number, m: number, d: number) => string)[] = [
  (y, m, d) => `${d}/${m}/${y}`,
  (y, m, d) => `${pad(d)}/${pad(m)}/${y}`,
  (y, m, d) => `${d}-${m}-${y}`,
  (y, m, d) => `${pad(d)}-${pad(m)}-${y}`,
  (y, m, d) => `${d}.${m}.${y}`,
  (y, m, d) => `${pad(d)}/${pad(m)}/${String(y).slice(2)}`,
  (y, m, d) => `${d} / ${m} / ${y}`,
  (y, m, d) => `ngày ${d} tháng ${m} năm ${y}`,
  (y, m, d) => `ngay ${pad(d)} thang ${pad(m)} nam ${y}`,
  (y, m, d) => `${d} tháng ${m} năm ${y}`,
  // Two-digit years and spaces a word processor puts inside dates (issue 16).
  (y, m, d) => `${d}-${m}-${String(y).slice(2)}`,
  (y, m, d) => `${pad(d)}.${pad(m)}.${String(y).slice(2)}`,
  (y, m, d) => `ngày ${d} tháng ${m} năm ${String(y).slice(2)}`,
  (y, m, d) => `${d}\u00a0/\u00a0${m}\u00a0/\u00a0${y}`,
  (y, m, d) => `ngày\u00a0${d}\u202ftháng\u00a0${m} năm\u00a0${y}`,
  (y, m, d) => `${d} - ${m} - ${y}`,
];
const leads: [string, DeadlineKind][] = [
  ["", "on"],
  ["ngày", "on"],
  ["Trước ngày", "before"],
  ["trước", "before"],
  ["TRUOC NGAY", "before"],
  ["chậm nhất", "by"],
  ["chậm nhất là ngày", "by"],
  ["cham nhat vao ngay", "by"],
  ["hạn chót", "by"],
  ["Hạn cuối", "by"],
  ["đến hết ngày", "by"],
  ["không quá ngày", "by"],
  ["muộn nhất", "by"],
];
const markup = fc.constantFrom(["", ""], ["**", "**"], ["*", "*"], ["  ", " . "]);

describe("parseDeadline properties", () => {
  it("reads any valid date in any supported writing, after any lead word, back to itself", () => {
    fc.assert(
      fc.property(
        day,
        fc.nat(writings.length - 1),
        fc.nat(leads.length - 1),
        markup,
        (date, w, l, [open, close]) => {
          const write = writings[w] ?? writings[0];
          const [lead, kind] = leads[l] ?? ["", "on"];
          let written = write?.(date.y, date.m, date.d) ?? "";
          // "ngày" is written once: a lead ending in it takes the date without its own.
          if (/ng[aà]y$/i.test(lead)) written = written.replace(/^ng[aà]y\s/i, "");
          const text = `${lead} ${open}${written}${close}`;
          const result = parseDeadline(text, ctx);
          expect(result.ok, text).toBe(true);
          if (!result.ok) return;
          expect(result.deadline.kind, text).toBe(kind);
          expect(result.deadline.due, text).toBe(kind === "before" ? addDays(date.iso, -1) : date.iso);
          expect(result.deadline.start, text).toBe(kind === "on" ? date.iso : null);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads any range of two valid dates in order, and refuses them reversed", () => {
    fc.assert(
      fc.property(day, day, fc.constantFrom(" - ", " – ", " đến ", " đến hết ngày "), (a, b, sep) => {
        const [first, last] = a.iso <= b.iso ? [a, b] : [b, a];
        const forward = parseDeadline(
          `Từ ngày ${first.d}/${first.m}/${first.y}${sep}${last.d}/${last.m}/${last.y}`,
          ctx,
        );
        expect(forward).toMatchObject({
          ok: true,
          deadline: { kind: "range", start: first.iso, due: last.iso },
        });
        if (first.iso !== last.iso) {
          const backward = parseDeadline(
            `Từ ngày ${last.d}/${last.m}/${last.y}${sep}${first.d}/${first.m}/${first.y}`,
            ctx,
          );
          expect(backward).toMatchObject({ ok: false, reason: "reversed_range" });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives a date written without a year the plan's year, in every writing (DESIGN §4)", () => {
    const yearless: ((m: number, d: number) => string)[] = [
      (m, d) => `${d}-${m}`,
      (m, d) => `${pad(d)}.${pad(m)}`,
      (m, d) => `${d}/${m}`,
      (m, d) => `ngày ${d} tháng ${m}`,
      (m, d) => `${d}\u00a0/\u00a0${pad(m)}`,
    ];
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 2000, max: 2098 }),
        fc.nat(yearless.length - 1),
        fc.boolean(),
        (date, start, w, inSchoolYear) => {
          if (date.m === 2 && date.d === 29) return; // a leap day needs its year written
          const written = yearless[w]?.(date.m, date.d) ?? "";
          const context: DeadlineContext = inSchoolYear
            ? { calendar: ctx.calendar, schoolYearStart: start }
            : { calendar: ctx.calendar, calendarYear: start };
          const year = inSchoolYear && date.m < 8 ? start + 1 : start;
          const iso = `${year}-${pad(date.m)}-${pad(date.d)}`;
          expect(parseDeadline(`chậm nhất ${written}`, context), written).toMatchObject({
            ok: true,
            deadline: { kind: "by", due: iso },
          });
          // The finder reads the same words inside a sentence.
          const hits = findDeadlines(
            `Các đơn vị gửi hồ sơ trước ngày ${written.replace(/^ngày /, "")}.`,
            context,
          );
          expect(hits.map((h) => (h.result.ok ? h.result.deadline.due : h.result.reason))).toEqual([
            addDays(iso, -1),
          ]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reads no date in a decimal, a time or a section number", () => {
    const notDates = fc.oneof(
      // a decimal or time: the part after the dot is no month
      fc
        .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 13, max: 99 }))
        .map(([a, b]) => `${a}.${b}`),
      // a quantity: a dot followed by a unit
      fc
        .tuple(
          fc.integer({ min: 1, max: 31 }),
          fc.integer({ min: 1, max: 12 }),
          fc.constantFrom("lần", "%", "tháng", "điểm", "tỷ"),
        )
        .map(([a, b, unit]) => `${a}.${b} ${unit}`),
      // a section number of three levels
      fc
        .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }))
        .map(([a, b, c]) => `${a}.${b}.${c}`),
    );
    fc.assert(
      fc.property(notDates, fc.constantFrom("Xem", "trong", "vào", "khoảng", "Theo mục"), (words, lead) => {
        const sentence = `${lead} ${words} của kế hoạch.`;
        expect(findDeadlines(sentence, ctx), sentence).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses a day the month does not have, never shifting it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (y, m, extra) => {
          const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
          const result = parseDeadline(`trước ngày ${last + extra}/${m}/${y}`, ctx);
          expect(result).toMatchObject({ ok: false, reason: "impossible_date" });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(
        // fast-check 4's "binary" unit is any code point, lone surrogates included (v3's fullUnicodeString).
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc.string({ unit: "binary" }),
          fc.string({ unit: "binary-ascii", maxLength: 200 }),
        ),
        (text) => {
          const parsed = parseDeadline(text, ctx);
          expect(typeof parsed.ok).toBe("boolean");
          for (const hit of findDeadlines(text, ctx)) {
            expect(hit.index).toBeGreaterThanOrEqual(0);
            expect(hit.index + hit.length).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 1000 },
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
      "II",
      "năm học",
      "học kỳ",
      "HK",
      "6 tháng đầu năm",
      "nay",
      "giờ",
      "17h",
      "thứ",
      "(",
      ")",
      ":",
      ",",
      "và",
      "-",
      "–",
      "/",
      ".",
      " ",
      "**",
      "99",
      "0",
      "31",
      "2",
      "12",
      "2024",
      "24",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), fc.boolean(), (parts, spaced) => {
        const text = parts.join(spaced ? " " : "");
        const parsed = parseDeadline(text, ctx);
        if (parsed.ok) {
          const { start, due } = parsed.deadline;
          if (start && due) expect(start <= due, text).toBe(true);
        } else {
          expect(parsed.detail.length, text).toBeGreaterThan(0);
        }
        for (const hit of findDeadlines(text, ctx)) expect(hit.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});
