import type { DeadlineContext, SchoolCalendar } from "../deadlines/types.js";
import { ErrorCode, ThiduaError } from "../errors.js";
import { fold } from "../text/fold.js";
import { extractAppendix } from "./extract-appendix.js";
import { channelsInGroupTables, extractChannels } from "./extract-channels.js";
import { extractHeader } from "./extract-header.js";
import { extractContacts, extractGroups } from "./extract-people.js";
import { extractProseDeadlines } from "./extract-prose.js";
import { extractRequirementTables } from "./extract-requirement-tables.js";
import { extractRequirements } from "./extract-requirements.js";
import { extractSections } from "./extract-sections.js";
import type {
  ExtractedChannel,
  ExtractedContact,
  ExtractedDeadline,
  PlanExtraction,
  PlanHeader,
  PlanSection,
} from "./extraction.js";
import { bodyParagraphs } from "./paragraphs.js";
import { type PlanLine, toPlanLines } from "./plan-text.js";
import { resolveRelativeDeadlines } from "./resolve-relative.js";

/** The year context deadlines without a year resolve in (DESIGN.md §4). */
// "năm 2025", not "năm học 2024-2025" nor "năm 2024 - 2025".
const calendarYearPattern = /(?<!học\s)năm\s+(\d{4})(?!\s*[-–]\s*\d{4})/u;
// How far into a notice its calendar year is looked for when neither title nor date gives it.
const openingLines = 15;

function deadlineContext(header: PlanHeader, lines: PlanLine[], calendar: SchoolCalendar): DeadlineContext {
  const schoolYearStart = header.schoolYear ? Number(header.schoolYear.slice(0, 4)) : undefined;
  const titleYear = calendarYearPattern.exec(header.title ?? "")?.[1];
  const issuedYear = header.issuedOn?.slice(0, 4);
  // A reposted notice may have neither a title year nor a date, yet say "năm 2025" in its opening.
  const openingYear = lines
    .slice(0, openingLines)
    .map((l) => calendarYearPattern.exec(l.text)?.[1])
    .find(Boolean);
  const year = titleYear ?? issuedYear ?? openingYear;
  const calendarYear = year ? Number(year) : undefined;
  return { calendar, schoolYearStart, calendarYear, issuedOn: header.issuedOn ?? undefined };
}

/**
 * "Thư điện tử: Lê Văn Thắng - lvthang@…; …": an address written after an officer's name is that
 * officer's (kept with them), not a place to send dossiers.
 */
function withoutPersonalEmails(
  channels: ExtractedChannel[],
  contacts: ExtractedContact[],
): ExtractedChannel[] {
  return channels.filter((channel) => {
    if (channel.kind !== "email" || !channel.sentence) return true;
    const before = channel.sentence
      .slice(0, channel.sentence.indexOf(channel.address))
      .replace(/[\s\-–:(]+$/u, "");
    const owner = contacts.find((c) => before.endsWith(c.name));
    if (!owner) return true;
    owner.email ??= channel.address;
    return false;
  });
}

// "Cá nhân đã nghỉ hưu trước ngày 14/10/2018 …" in a letter of 2027: a date the rules refer to, years
// before the letter, is no step of it.
function longBefore(deadline: ExtractedDeadline, issuedOn: string | undefined): boolean {
  const day = deadline.due ?? deadline.start;
  if (!issuedOn || !day) return false;
  return Date.parse(day) < Date.parse(issuedOn) - 365 * 86_400_000;
}

/** Reads a plan's text into its header, sections, timeline, dossier lists, channels, contacts and groups. */
export function extractPlan(text: string, options: { calendar: SchoolCalendar }): PlanExtraction {
  const lines = toPlanLines(text.normalize("NFC"));
  const document = extractHeader(lines);
  const sections = extractSections(lines);
  const paragraphs = bodyParagraphs(lines);
  const ctx = deadlineContext(document, lines, options.calendar);

  const sectionStarts = sections.map((s) => s.line);
  const sectionAt = (line: number): number | null => {
    let found: number | null = null;
    for (const [i, start] of sectionStarts.entries()) if (start <= line) found = i;
    return found;
  };

  const requirements = [...extractRequirements(paragraphs), ...extractRequirementTables(lines)].sort(
    (a, b) => a.line - b.line,
  );
  const inText = extractChannels(paragraphs);
  const channels = [
    ...inText,
    ...channelsInGroupTables(lines).filter((c) => !inText.some((t) => t.address === c.address)),
  ];
  const deadlines = [
    ...extractAppendix(lines, ctx),
    ...extractProseDeadlines(paragraphs, { deadline: ctx, sections, sectionAt }),
  ].filter((d) => !longBefore(d, ctx.issuedOn));
  resolveRelativeDeadlines(deadlines, ctx);
  linkDeadlines(deadlines, requirements, channels, sections);
  linkReferences(deadlines, requirements, sections);

  const contacts = extractContacts(paragraphs, lines);
  const extraction: PlanExtraction = {
    document,
    sections,
    deadlines,
    requirements,
    channels: withoutPersonalEmails(channels, contacts),
    contacts,
    groups: extractGroups(paragraphs, lines),
  };
  if (!document.kind && !document.number && deadlines.length === 0 && requirements.length === 0) {
    throw new ThiduaError(
      ErrorCode.InputInvalid,
      "the text holds no plan: no header, deadline or dossier list",
      {
        messageKey: "errors.plan_nothing_found",
      },
    );
  }
  return extraction;
}

/** Ties a prose deadline to the dossier list it closes and the channel named in the same passage. */
function linkDeadlines(
  deadlines: PlanExtraction["deadlines"],
  requirements: PlanExtraction["requirements"],
  channels: PlanExtraction["channels"],
  sections: PlanSection[],
) {
  const parts = sections.filter((s) => s.parent === null).map((s) => s.line);
  // "1.4. Trường có thay đổi … gửi văn bản … chậm nhất …" under the list of "1.3.": another numbered point.
  const points = sections.filter((s) => /^\d+(?:\.\d+)*$/u.test(s.numbering ?? "")).map((s) => s.line);
  for (const deadline of deadlines) {
    if (deadline.source !== "text") continue;
    const ownPoint = (line: number) =>
      /hồ sơ/iu.test(deadline.task) || !points.some((p) => p > line && p <= deadline.line);
    // The list on the deadline's own line, or the nearest list above it in the same part of the plan
    // with no other deadline between.
    const requirement = requirements
      .filter(
        (r) =>
          r.line <= deadline.line &&
          deadline.line - r.line <= 20 &&
          !parts.some((line) => line > r.line && line <= deadline.line) &&
          ownPoint(r.line),
      )
      .sort((a, b) => b.line - a.line)
      .find(
        (r) =>
          r.line === deadline.line ||
          !deadlines.some(
            (d) => d !== deadline && d.source === "text" && d.line >= r.line && d.line < deadline.line,
          ),
      );
    // "Gửi hồ sơ đề nghị công nhận tiết dạy tốt … về Phòng" names its list, wherever the list stands;
    // "Nộp hồ sơ dự hội giảng – mầm non" names the list "Hồ sơ dự hội giảng (mầm non)".
    const task = fold(deadline.task);
    const names = (name: string) => {
      const [, base, whose] = /^(.+?)\s*\(([^()]+)\)$/u.exec(name) ?? [];
      return (
        task.includes(fold(name)) ||
        (!!base && !!whose && task.includes(fold(base)) && task.includes(fold(whose)))
      );
    };
    const named = requirement
      ? undefined
      : requirements
          .filter((r) => /^hồ sơ\s+\S+\s+\S+/iu.test(r.name) && names(r.name))
          .sort((a, b) => b.name.length - a.name.length)[0];
    const linked = requirement ?? named;
    if (linked) deadline.requirement = linked.name;
    const channel = channels.find((c) => c.line === deadline.line);
    if (channel) {
      deadline.channel = channel.address;
      if (channel.fileNamePattern) deadline.fileName = channel.fileNamePattern;
    }
  }
}

// "hồ sơ tại điểm a và điểm c mục III", "hồ sơ quy định tại điểm b khoản 2 mục IV"
const referencePattern =
  /(?:các\s+)?hồ sơ\s+(?:quy định\s+)?tại\s+điểm\s+([a-zđ])((?:\s*(?:,|và)\s*(?:điểm\s+)?[a-zđ])*)\s+(?:khoản\s+(\d+)\s+)?mục\s+([IVX]+)(?![\p{L}\p{N}])/iu;

// "Nộp hồ sơ đề nghị khen thưởng cuối năm học (mục V)", "hồ sơ theo mục IV": a whole part of the plan.
const sectionReference =
  /hồ sơ.*?(?:\(|\s(?:tại|theo|ở|nêu ở|quy định tại)\s+)mục\s+([IVX]+)(?![\p{L}\p{N}])/iu;

/** A deadline for the dossier "(mục V)" names belongs to that part's list, the one that shares most of its words. */
function linkWholeSection(
  deadline: PlanExtraction["deadlines"][number],
  requirements: PlanExtraction["requirements"],
  sections: PlanSection[],
) {
  const numbering = sectionReference.exec(deadline.task)?.[1]?.toUpperCase();
  const top = sections.findIndex((s) => s.parent === null && s.numbering === numbering);
  const section = sections[top];
  if (!section) return;
  const next = sections.findIndex((s, j) => j > top && s.parent === null);
  const end = next < 0 ? Number.POSITIVE_INFINITY : (sections[next]?.line ?? 0);
  const words = new Set(fold(deadline.task).split(/\W+/u));
  const shared = (name: string) =>
    fold(name)
      .split(/\W+/u)
      .filter((w) => words.has(w)).length;
  const best = requirements
    .filter((r) => r.line >= section.line && r.line < end)
    .sort((a, b) => shared(b.name) - shared(a.name))[0];
  if (best) deadline.requirement = best.name;
}

// "gửi hồ sơ của cụm (mục 1.3 Phần II)": a numbered point of a part.
const pointReference = /hồ sơ.*?\(\s*(?:tại\s+)?mục\s+(\d+(?:\.\d+)+)\.?\s+phần\s+([IVX]+)\s*\)/iu;

/** A deadline for "hồ sơ … (mục 1.3 Phần II)" belongs to the list that point holds; false when it names none. */
function linkNumberedPoint(
  deadline: PlanExtraction["deadlines"][number],
  requirements: PlanExtraction["requirements"],
  sections: PlanSection[],
): boolean {
  const m = pointReference.exec(deadline.task);
  if (!m?.[1] || !m[2]) return false;
  const part = sections.findIndex((s) => s.parent === null && s.numbering === m[2]?.toUpperCase());
  const under = (i: number): boolean => {
    const parent = sections[i]?.parent ?? null;
    return parent === part || (parent !== null && under(parent));
  };
  const point = sections.findIndex((s, i) => s.numbering === m[1] && under(i));
  const section = sections[point];
  if (part < 0 || !section) return false;
  const next = sections.findIndex(
    (s, j) => j > point && (s.parent === section.parent || s.parent === null || s.line <= section.line),
  );
  const end = next < 0 ? Number.POSITIVE_INFINITY : (sections[next]?.line ?? 0);
  const list = requirements.find((r) => r.line >= section.line && r.line < end);
  if (list) deadline.requirement = list.name;
  return list !== undefined;
}

/** The sections a "điểm a, khoản 1, mục III" reference points to. */
function referencedSections(sections: PlanSection[], m: RegExpExecArray): number[] {
  const letters = [m[1] ?? "", ...(m[2] ?? "").split(/,|và|điểm/iu)]
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const top = sections.findIndex((s) => s.parent === null && s.numbering === (m[4] ?? "").toUpperCase());
  if (top < 0) return [];
  const clause = m[3] ? sections.findIndex((s) => s.parent === top && s.numbering === m[3]) : top;
  if (clause < 0) return [];
  return sections.flatMap((s, i) => (s.parent === clause && letters.includes(s.numbering ?? "") ? [i] : []));
}

/**
 * A deadline for "hồ sơ tại điểm a và điểm c mục III" names the dossiers of those points: its task
 * says their names and it belongs to the first, wherever it stands in the plan.
 */
function linkReferences(
  deadlines: PlanExtraction["deadlines"],
  requirements: PlanExtraction["requirements"],
  sections: PlanSection[],
) {
  for (const deadline of deadlines) {
    const m = referencePattern.exec(deadline.task);
    if (!m) {
      if (!linkNumberedPoint(deadline, requirements, sections))
        linkWholeSection(deadline, requirements, sections);
      continue;
    }
    const named = referencedSections(sections, m).flatMap((i) => {
      const section = sections[i];
      const next = sections.findIndex((s, j) => j > i && s.parent === section?.parent);
      const end = next < 0 ? Number.POSITIVE_INFINITY : (sections[next]?.line ?? 0);
      const list = requirements.find((r) => section && r.line >= section.line && r.line < end);
      return list ? [list.name] : [];
    });
    if (!named.length) continue;
    deadline.requirement = named[0];
    const names = named.map((name) => name.replace(/^Hồ sơ/u, "hồ sơ")).join(" và ");
    const said = m.index === 0 ? names.charAt(0).toUpperCase() + names.slice(1) : names;
    deadline.task = deadline.task.replace(m[0], said);
  }
}
