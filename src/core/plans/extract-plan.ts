import type { DeadlineContext, SchoolCalendar } from "../deadlines/types.js";
import { ErrorCode, ThiduaError } from "../errors.js";
import { extractAppendix } from "./extract-appendix.js";
import { extractChannels } from "./extract-channels.js";
import { extractHeader } from "./extract-header.js";
import { extractContacts, extractGroups } from "./extract-people.js";
import { extractProseDeadlines } from "./extract-prose.js";
import { extractRequirements } from "./extract-requirements.js";
import { extractSections } from "./extract-sections.js";
import type { PlanExtraction, PlanHeader } from "./extraction.js";
import { bodyParagraphs } from "./paragraphs.js";
import { type PlanLine, toPlanLines } from "./plan-text.js";

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

  const requirements = extractRequirements(paragraphs);
  const channels = extractChannels(paragraphs);
  const deadlines = [
    ...extractAppendix(lines, ctx),
    ...extractProseDeadlines(paragraphs, { deadline: ctx, sections, sectionAt }),
  ];
  linkDeadlines(deadlines, requirements, channels);

  const extraction: PlanExtraction = {
    document,
    sections,
    deadlines,
    requirements,
    channels,
    contacts: extractContacts(paragraphs),
    groups: extractGroups(paragraphs),
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
) {
  for (const deadline of deadlines) {
    if (deadline.source !== "text") continue;
    // The list on the deadline's own line, or the nearest list above it with no other deadline between.
    const requirement = requirements
      .filter((r) => r.line <= deadline.line && deadline.line - r.line <= 20)
      .sort((a, b) => b.line - a.line)
      .find(
        (r) =>
          r.line === deadline.line ||
          !deadlines.some(
            (d) => d !== deadline && d.source === "text" && d.line >= r.line && d.line < deadline.line,
          ),
      );
    if (requirement) deadline.requirement = requirement.name;
    const channel = channels.find((c) => c.line === deadline.line);
    if (channel) {
      deadline.channel = channel.address;
      if (channel.fileNamePattern) deadline.fileName = channel.fileNamePattern;
    }
  }
}
