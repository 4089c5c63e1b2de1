import { addDays } from "../deadlines/calendar-days.js";
import { findDeadlines } from "../deadlines/find-deadlines.js";
import { parseDeadline } from "../deadlines/parse-deadline.js";
import type { DeadlineContext } from "../deadlines/types.js";
import { midSentence } from "../text/sentence-case.js";
import { namesOneUnit } from "../units/audience.js";
import type { ExtractedDeadline, PlanSection } from "./extraction.js";
import { levelName, levelPoint } from "./level-points.js";
import { lineAt, type Paragraph } from "./paragraphs.js";
import { isListItem, listItemText, stripMarkup } from "./plan-text.js";

// The plan's own date line is never a deadline.
const placeDate = /^[^,]{2,40},\s*ngày\s*\d{1,2}\s*tháng/iu;

const verbs =
  "triển khai|thực hiện|chủ trì|xem xét|gửi|nộp|hoàn tất|hoàn thành|hoàn chỉnh|tổ chức|báo cáo|xây dựng|tổng hợp|họp|đăng ký|bình chọn|bình xét|tiến hành|rà soát|chuẩn bị|tham mưu|nhập|cập nhật|phát động|xét|lựa chọn|chọn|chuyển|thẩm định|kiểm tra|tự chấm điểm|chấm điểm|ban hành|sinh hoạt|hoàn thiện|bổ sung|thông báo";
// "Trường hợp …" opens a condition, not a school; "các khối hoàn thành …" are the groups themselves.
const unitWords =
  "(?:Tất cả\\s+)?(?:(?:các|mỗi|từng)\\s+(?:khối|cụm)(?![\\p{L}\\p{N}])|(?:các\\s+|mỗi\\s+|từng\\s+)?(?:đơn vị khối trưởng|đơn vị|trường(?!\\s+hợp)|khối(?: trường)? thi đua|khối trưởng|cụm trưởng|cụm thi đua|cụm|phòng GDĐT|phòng Giáo dục và Đào tạo|phòng Văn hóa - Xã hội|phòng(?!\\s+(?:họp|học|làm việc|số|\\d))|Bộ phận thi đua|Hội đồng|Sở|cơ sở giáo dục|Thủ trưởng|Hiệu trưởng|Văn phòng Sở|Trung tâm))";
// The subject stays in its sentence: "Trường có từ 50 giáo viên … trên. Trường không cử … báo cáo" names no one.
// "mỗi trường THPT đề nghị 01 cá nhân": a unit proposing someone acts too.
const subjectPattern = new RegExp(
  `^(${unitWords}(?:(?!\\.\\s+\\p{Lu})[^:;])*?)\\s+(?=(?:${verbs})(?![\\p{L}\\p{N}])|đề nghị\\s+(?:\\d|xét|tặng|công nhận))`,
  "iu",
);
const doneByPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])do\\s+(${unitWords}(?:\\s+[\\p{L}\\p{N}]+){0,3}?)\\s+(?=(?:${verbs})(?![\\p{L}\\p{N}]))`,
  "iu",
);
// "Hồ sơ đề nghị Hội đồng … xét" names a dossier and "để đề nghị" a purpose; only a bare "đề nghị" asks.
const askPattern = new RegExp(
  `(?<!(?:hồ sơ|tờ trình|danh sách|đơn|văn bản|công văn|biên bản|báo cáo|để)\\s)(?:yêu cầu|đề nghị)\\s+(${unitWords}[^]*?)\\s+(?=(?:${verbs})(?![\\p{L}\\p{N}]))`,
  "giu",
);
const refusal = /(?<![\p{L}\p{N}])không\s+(?:được|xét|tiếp nhận|nhận|tổ chức)(?![\p{L}\p{N}])/iu;
const namesPapers =
  /(?<![\p{L}\p{N}])(?:hồ sơ|báo cáo|danh sách|kế hoạch|sản phẩm|biên bản|tờ trình|bài dự thi)(?![\p{L}\p{N}])/iu;
const counted = /(?<![\p{L}\p{N}])(?:được tính|tính từ|tính trong|tính thành tích)(?![\p{L}\p{N}])/iu;
// "b) Tiêu chuẩn: có ít nhất 02 lần … (từ năm học 2021 - 2022 đến …)": a criterion's years, not a step.
const criterion = /^(?:tiêu chuẩn|điều kiện|đối tượng)(?:\s+\p{L}+){0,3}\s*:/iu;
const ruledOutAfter = /^\s*(?:thì\s+)?(?:không thuộc|không được (?:xét|đề nghị|xem xét))(?![\p{L}\p{N}])/iu;
const labelOnly = /^(Thời gian|Thời hạn|Hạn|Lịch)(?![\p{L}\p{N}])[^.]*$/iu;
// A label of time and place alone ("1. Thời gian, địa điểm"), which names no task of its own.
const bareLabel =
  /^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+|[a-zđ]\)\s+)?(?:thời gian|thời điểm|lịch)(?:\s*(?:,|và)\s*địa điểm)?(?:\s+tổ chức(?:\s+(?:hội nghị|hội thi|cuộc họp|lễ))?)?$/iu;
const unitHeading = new RegExp(`^${unitWords}`, "iu");

// "Trong [tháng 12]", "Vào [ngày …]": a word the date's reading leaves out, not words of the step.
const leadWordOnly = /^(?:trong|vào(?: lúc)?|lúc|khoảng|dự kiến|từ)$/iu;
// "Cụm 2, Cụm 3 và Cụm 4", "Khối I": cụm or khối named by number.
const groupName = String.raw`(?:Cụm|Khối)(?:\s+thi đua)?(?:\s+số)?\s+(?:\d{1,2}|[IVX]{1,4})`;
const groupList = `${groupName}(?:\\s*(?:,|và)\\s*${groupName})*`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// A ";" inside brackets ("(số, ngày quyết định; danh sách …)") lists within the clause; it does not end it.
const bracketedSemicolon = "\uE000";
const hideBracketed = (text: string) =>
  text.replace(/\([^()]*\)/gu, (inner) => inner.replace(/;/gu, bracketedSemicolon));
const showBracketed = (text: string) => text.replace(/\uE000/gu, ";");

function firstClause(text: string): string {
  const hidden = hideBracketed(text);
  const cut = hidden.search(/[;]|\.(\s|$)/u);
  return showBracketed(cut >= 0 ? hidden.slice(0, cut) : hidden).trim();
}

// "… yêu cầu các đơn vị trực thuộc Sở;" with no verb of its own: the request goes on in the next clause.
const openRequest = new RegExp(`(?:yêu cầu|đề nghị)\\s+${unitWords}[^]*$`, "iu");
// askPattern without its "g", for a test that keeps no position between calls.
const asksSomething = new RegExp(askPattern.source, "iu");

function lastClause(text: string): string {
  const parts = hideBracketed(text)
    .split(/(?<=[.;])\s+(?=\p{Lu})|;\s*/u)
    .map(showBracketed);
  let first = parts.length - 1;
  // "Sở yêu cầu các đơn vị trực thuộc Sở; đề nghị các Phòng GDĐT … triển khai …": one request to both.
  while (
    first > 0 &&
    /^(?:yêu cầu|đề nghị)\s/iu.test(parts[first] ?? "") &&
    openRequest.test(parts[first - 1] ?? "") &&
    !asksSomething.test(parts[first - 1] ?? "")
  )
    first--;
  return parts.slice(first).join("; ").trim();
}

const tidy = (text: string) =>
  stripMarkup(text)
    .replace(/^([-+•–]\s*)+/, "")
    // A point's own mark ("c)", "2.1.") is not part of its words.
    .replace(/^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s+/u, "")
    // "…, email: abc@…" is where it goes; "qua e-mail: mầm non chậm nhất …" goes on to who sends by when.
    .replace(/,?\s*(địa chỉ\s+)?(hộp thư điện tử|email|e-mail)\s*:(?=\s*\S+@).*$/iu, "")
    .replace(/\s*(\(\s*)?$/u, "")
    .replace(/[\s,:;.(/]+$/u, "")
    .trim();

/** Who a sentence asks to act: the units after "yêu cầu"/"đề nghị", or the sentence's own subject. */
function responsibleOf(clause: string): { responsible: string | null; task: string } {
  // "Các trường nộp sáng kiến … đề nghị Hội đồng … xét công nhận": a request after the sentence's own
  // subject and verb is its purpose; the subject acts.
  const own = subjectPattern.exec(clause);
  const asked = [...clause.matchAll(askPattern)].filter((m) => !own || (m.index ?? 0) < own[0].length);
  if (asked.length) {
    const units = asked.map((m) =>
      (m[1] ?? "")
        .replace(/;\s*(?:yêu cầu|đề nghị)\s+/giu, "; ")
        .replace(/[;,]\s*$/u, "")
        .trim(),
    );
    const lastMatch = asked[asked.length - 1];
    const taskStart = (lastMatch?.index ?? 0) + (lastMatch?.[0].length ?? 0);
    return { responsible: units.join("; "), task: clause.slice(taskStart).trim() };
  }
  // "c) Phòng GDĐT: xây dựng kế hoạch … gửi về Sở …", "Đối với các trường THPT, …: nộp hồ sơ …": the
  // units a duty is given to, then the duty.
  const duty = /^(?:Đối với\s+(?=[^:]{2,160}:))?([^:]{2,160}):\s*(\S.*)$/iu.exec(clause);
  const forWhom = duty?.[0].length !== undefined && /^Đối với\s/iu.test(clause);
  if (duty?.[1] && duty[2] && (forWhom || duty[1].length <= 60) && unitHeading.test(duty[1]))
    return { responsible: duty[1].trim(), task: capitalise(duty[2]) };
  // "Đối với cá nhân …: đơn vị vẫn nộp …", "Giấy khen …: mỗi trường đề nghị 01 cá nhân, gửi …": who acts
  // is said after the condition or the award the step is for.
  const conditioned = duty?.[2] ? subjectPattern.exec(duty[2]) : null;
  if (conditioned?.[1])
    return {
      responsible: conditioned[1].replace(/\s+(?:vẫn|cũng|đều|phải|cần|sẽ)$/u, "").trim(),
      task: clause,
    };
  // "Thời hạn: các trường tiểu học gửi …": the subject follows a short label.
  const unlabelled = clause.replace(/^[^:]{1,30}:\s*/u, "");
  // "Sau hội nghị khối lần 2, khối trưởng gửi …": the subject follows a phrase of time or purpose.
  // "Trường hợp có thay đổi (chuyển công tác, nghỉ hưu) …, đơn vị gửi …": so does a condition.
  const afterComma =
    /^(?:sau|trước|trong|khi|kết thúc|cuối|đầu|để)\s[^,]{2,60},\s*(.+)$/iu.exec(clause)?.[1] ??
    /^(?:trường hợp|nếu)\s(?:[^,()]|\([^()]*\)){2,160}?,\s*(.+)$/iu.exec(clause)?.[1] ??
    "";
  const subject =
    own ?? subjectPattern.exec(unlabelled) ?? (afterComma ? subjectPattern.exec(afterComma) : null);
  // "Biên bản … do cụm trưởng nộp về Phòng": the papers first, who sends them after "do".
  const doneBy = subject ? null : doneByPattern.exec(clause);
  // "Trường A và Phòng B (bị ảnh hưởng của …) được gửi": the units, without why nor the modal verb.
  const who = (subject?.[1] ?? doneBy?.[1])
    ?.replace(/\s*\([^()]*\)/gu, "")
    .replace(/\s+(?:được|phải|cần|sẽ|vẫn|cũng|đều)$/u, "")
    .trim();
  return { responsible: who || null, task: clause };
}

export interface ProseContext {
  deadline: DeadlineContext;
  sections: PlanSection[];
  /** The section a line falls under (index into sections), for tasks worded as a bare label. */
  sectionAt(line: number): number | null;
}

/** Finds the deadlines written in the body's sentences, with the task and units each belongs to. */
export function extractProseDeadlines(paragraphs: Paragraph[], ctx: ProseContext): ExtractedDeadline[] {
  const found: ExtractedDeadline[] = [];
  let lastTaskParagraph: string | null = null;
  let lastTaskLine = 0;
  // The units the latest sentences named, for a deadline worded as a bare label ("Thời gian nộp: …").
  let lastUnits: { units: string; line: number } | null = null;
  // The step that points by level ("+ Cấp mầm non: chậm nhất …") give the dates of.
  let openLead: string | null = null;
  // "Tháng 10/2026:" standing alone: the time of the points under it that give none of their own.
  let periodHeading: Pick<ExtractedDeadline, "raw" | "kind" | "start" | "due"> | null = null;
  for (const paragraph of paragraphs) {
    const text = paragraph.text;
    if (placeDate.test(text) || inCountedSpan(ctx, paragraph.line)) continue;
    const hits = findDeadlines(paragraph.raw, ctx.deadline);
    const [only] = hits;
    if (
      hits.length === 1 &&
      only?.result.ok &&
      !tidy(paragraph.raw.slice(0, only.index)) &&
      /^\s*:\s*$/u.test(stripMarkup(paragraph.raw.slice(only.index + only.length)))
    ) {
      const { raw, kind, start, due } = only.result.deadline;
      periodHeading = { raw, kind, start, due };
      continue;
    }
    if (!isListItem(text) && hits.length) periodHeading = null;
    // "5. Nộp hồ sơ sơ kết: chậm nhất ngày A (tiểu học) và ngày B (THCS); riêng mầm non …": the point's
    // step, before its colon, which each level's date is for.
    const pointStep = /^(?:\d{1,2}[.)]\s*)?([^:;]{6,120}?)\s*:\s+\S/u.exec(stripMarkup(paragraph.raw))?.[1];
    // The step a sentence's dates by level belong to, once its first level has named it.
    let levelLead: { text: string; hit: number } | null = null;
    let roundLead: { task: string; responsible: string | null; hit: number } | null = null;
    let levelled = false;
    for (const [n, hit] of hits.entries()) {
      if (!hit.result.ok) continue;
      // "Tuần 2 tháng 01/2027 (từ 11/01 đến 16/01/2027)": the days in the parenthesis say it exactly.
      const next = hits[n + 1];
      const spelledOut =
        next?.result.ok &&
        /^\s*\(\s*$/u.test(paragraph.raw.slice(hit.index + hit.length, next.index)) &&
        /^\s*\)/u.test(paragraph.raw.slice(next.index + next.length));
      if (spelledOut) continue;
      // "… trong vòng 02 ngày làm việc sau Lễ kỷ niệm ngày 20/11, tức chậm nhất ngày 24/11/2026": the
      // same limit, worked out by the plan; its day is the one kept.
      const said = hits[n - 1];
      const stated = found.at(-1);
      if (
        said?.result.ok &&
        stated?.raw === said.result.deadline.raw &&
        /^\s*,?\s*(?:tức(?:\s+là)?|nghĩa là)\s*$/u.test(
          paragraph.raw.slice(said.index + said.length, hit.index),
        )
      ) {
        stated.raw = `${stated.raw}, tức ${hit.result.deadline.raw}`;
        ({ kind: stated.kind, start: stated.start, due: stated.due } = hit.result.deadline);
        continue;
      }
      // "Công văn số 812 quy định gửi trước ngày 05/6, nay gia hạn đến …": the old date is withdrawn.
      const later = hits[n + 1];
      if (
        later?.result.ok &&
        superseding.test(stripMarkup(paragraph.raw.slice(hit.index + hit.length, later.index)))
      )
        continue;
      // "(bị ảnh hưởng của đợt mưa lũ từ ngày 28/5 đến ngày 30/5)": why, not when anything is done.
      if (/\((?:do|vì|bị)\s[^()]*$/u.test(paragraph.raw.slice(0, hit.index))) continue;
      const before = tidy(paragraph.raw.slice(0, hit.index));
      // "(thứ Sáu): …", "…/2026): …": a weekday or the parenthesis the date stood in, then the step.
      const afterDate = stripMarkup(paragraph.raw.slice(hit.index + hit.length));
      // "Chậm nhất ngày 26/02/2027 (tính theo dấu bưu điện): …": a remark on how the day counts stays with it.
      const remark = /^\s*\(([^():]{21,60})\)\s*(?=:)/u.exec(afterDate)?.[1];
      // "(thứ Ba), từ 7h30:": the weekday and the hour before the step's colon.
      const afterRaw = afterDate.replace(
        /^\s*(?:\([^():]{1,60}\)|\))?\s*(?:,\s*(?:từ|lúc)?\s*\d{1,2}\s*(?:h|giờ)\s*\d{0,2}(?:\s*phút)?)?\s*(?=:)/u,
        "",
      );
      let clause: string;
      if (/^:/.test(afterRaw)) {
        // "Từ ngày A - B: Các đơn vị …" or "Đợt 1: Từ nay đến hết năm 2024: phát động …"
        // "Trong [tháng 12]: …": a word of the date's own, not a label.
        // A point's own number ("1. **Từ … đến …:** …") is no label.
        const label =
          before &&
          before.length < 20 &&
          !leadWordOnly.test(before) &&
          !/^(?:\d{1,2}|[a-zđ])[.)]?$/u.test(before)
            ? `${before}: `
            : "";
        clause = label + firstClause(afterRaw.replace(/^:\s*/, ""));
      } else if ((!before || leadWordOnly.test(before)) && /^\s*,\s*\p{L}/u.test(afterRaw)) {
        // "- Từ ngày A đến ngày B, bộ phận thi đua thẩm định hồ sơ; …", "Trong tháng 3/2027, các tổ …":
        // the date opens its sentence.
        clause = firstClause(afterRaw.replace(/^\s*,\s*/u, ""));
      } else {
        clause = lastClause(before);
        // "… sẽ không được xem xét … vào cuối năm học" is a rule about the time, not a task due then;
        // "Thành tích … được tính trong năm học (từ … đến …)" is the span achievements count in.
        if (refusal.test(clause) || counted.test(clause) || criterion.test(clause)) continue;
        // "… từ ngày A đến hết ngày B, kể cả sáng thứ Bảy ngày C": a day the span takes in, not a step.
        if (/(?<![\p{L}])kể cả(?:\s+\S+){0,4}\s*$/u.test(before)) continue;
        // "Nhà giáo đã nghỉ hưu trước ngày 01/6/2026 không thuộc đối tượng …": who is left out, not a step.
        if (ruledOutAfter.test(afterRaw)) continue;
        // "… hoàn thành việc họp chậm nhất ngày 21/5 và gửi ngay kết quả cho các đơn vị": done by then too.
        const goesOn = goesOnAfter.exec(afterRaw)?.[1];
        if (goesOn && !/\d/u.test(goesOn)) clause = `${clause} và ${goesOn.trim()}`;
      }
      // "… các trường THPT hoàn thành đăng ký trước …; Phòng GDĐT hoàn thành chậm nhất …": the second
      // clause leaves out what the first one names.
      const elided =
        n > 0 && hits[n - 1]?.result.ok
          ? elidedObject(clause, paragraph.raw.slice(0, hits[n - 1]?.index))
          : null;
      // What the first clause times ("… nộp trong vòng 02 ngày …, tức") is no object of the second.
      if (elided && !/\d/u.test(elided)) clause = `${clause} ${elided}`;
      let { responsible, task } = responsibleOf(clause);
      // "Hồ sơ X: Công văn số 812 quy định gửi trước …, nay gia hạn đến …": the step is sending X, by the new date.
      const extended = extendedStep.exec(clause);
      if (extended?.[1] && extended[2]) {
        const papers = extended[1].trim();
        task = `${/^(?:hồ sơ|báo cáo)/iu.test(papers) ? `Gửi ${midSentence(papers)}` : papers} (${extended[2].toLowerCase()})`;
        if (
          hit.result.deadline.kind === "on" &&
          /(?:gia hạn|lùi|kéo dài)\s+(?:đến|tới)(?:\s+hết)?[\s*]*(?:\d{1,2}\s*(?:giờ|h)\s*\d{0,2}(?:\s*phút)?[\s*,]*)?$/iu.test(
            paragraph.raw.slice(0, hit.index),
          )
        ) {
          hit.result.deadline.kind = "by";
          hit.result.deadline.start = null;
        }
      }
      // "… ngày 20/01/2027 (tiểu học) và ngày 22/01/2027 (THCS, TH&THCS)": the levels in the bracket after
      // the date, for the point's step.
      const bracketLevels = /^\s*\(([^()]{2,60})\)/u.exec(afterDate)?.[1]?.trim();
      const levelsAfter = bracketLevels && levelPoint.test(bracketLevels) ? bracketLevels : null;
      if (levelsAfter && pointStep && actionVerb.test(pointStep)) {
        responsible = `các trường ${levelsAfter.replace(/^(?:các\s+)?(?:trường|cấp(?:\s+học)?)\s+/iu, "")}`;
        task = `${pointStep} (${levelsAfter})`;
      }
      // "… gửi bản đăng ký trước ngày A (đợt thứ nhất) và trước ngày B (đợt thứ hai)": one step, a date
      // for each round.
      const round = bracketLevels && roundWord.test(bracketLevels) ? bracketLevels : null;
      if (round) {
        const previousHit = hits[n - 1];
        const joined: boolean =
          roundLead?.hit === n - 1 &&
          previousHit !== undefined &&
          /^\s*(?:\([^()]*\))?\s*(?:và|,|;)?\s*$/u.test(
            paragraph.raw.slice(previousHit.index + previousHit.length, hit.index),
          );
        const base: { task: string; responsible: string | null } =
          joined && roundLead ? roundLead : { task, responsible };
        roundLead = { task: base.task, responsible: base.responsible ?? null, hit: n };
        task = `${base.task} (${round})`;
        responsible = base.responsible ?? responsible;
      } else roundLead = null;
      // "chậm nhất ngày A (…) và ngày B (…)": the second date is as late as the first says.
      const before0 = hits[n - 1];
      if (
        (levelsAfter || round) &&
        hit.result.deadline.kind === "on" &&
        before0?.result.ok &&
        (before0.result.deadline.kind === "by" || before0.result.deadline.kind === "before") &&
        /^\s*(?:\([^()]*\))?\s*(?:và|,)\s*$/u.test(
          paragraph.raw.slice(before0.index + before0.length, hit.index),
        )
      ) {
        const due = hit.result.deadline.due;
        hit.result.deadline.kind = before0.result.deadline.kind;
        hit.result.deadline.start = null;
        if (due && before0.result.deadline.kind === "before") hit.result.deadline.due = addDays(due, -1);
      }
      // "(hạn chót 15/11; riêng mầm non hạn chót 13/11)": the line's step, for those schools alone.
      const apart = /^riêng\s+(.+)$/iu.exec(clause)?.[1];
      const apartLevels = apart ? levelWords.exec(apart.trim())?.[1] : undefined;
      const stepOfLine = found.at(-1);
      if (apartLevels && stepOfLine?.line === paragraph.line) {
        responsible = `các trường ${apartLevels}`;
        task = `${pointStep ?? stepOfLine.task} (${responsible})`;
      }
      // "6. Họp sơ kết cụm: Cụm 2, Cụm 3 và Cụm 4 tổ chức từ …; riêng Cụm 1 tổ chức sớm hơn, từ …": the point's
      // step, for the cụm or khối each clause names.
      const groupsNamed = new RegExp(`^(?:riêng\\s+)?(${groupList})(?=\\s|,|$)`, "iu").exec(
        clause.replace(/^[^:]*:\s*/u, ""),
      )?.[1];
      if (groupsNamed && pointStep && !new RegExp(`^${groupList}`, "iu").test(pointStep)) {
        responsible = groupsNamed;
        task = `${pointStep} (${groupsNamed})`;
      }
      // "Bước 1: Đăng ký thi đua" then "Thời gian: các trường THPT gửi về Sở chậm nhất …": the label goes,
      // and a sending that names nothing sent is the step's.
      const labelled = /^(?:thời gian|thời hạn|hạn)\s*:\s*(.+)$/iu.exec(task)?.[1];
      if (labelled && responsible && labelled.startsWith(responsible)) {
        const step = bareSending.test(labelled.slice(responsible.length).trim())
          ? headingStep(ctx, paragraph.line)
          : null;
        task = step ? `${step}: ${labelled}` : labelled;
      }
      // "Các cụm trưởng chủ trì họp cụm, …; gửi hồ sơ của cụm … chậm nhất …": the clause's subject is the sentence's.
      if (!responsible && verbFirst.test(clause)) responsible = sentenceSubject(before);
      // "+ Cấp tiểu học và THCS: trước 16 giờ …": the step above, for the schools of those levels.
      const level = openLead ? levelPoint.exec(clause) : null;
      if (openLead && level?.[1]) {
        task = `${openLead} (${midSentence(clause)})`;
        responsible = `các trường ${level[1]}`;
      }
      // "+ Tổ Văn phòng: chậm nhất …" under "Nộp hồ sơ …, theo từng bộ phận như sau:": the step above, for
      // the units the point names.
      const unitPoint = openLead && !level?.[1] ? /^([^:]{2,60}?)\s*:?\s*$/u.exec(clause)?.[1] : null;
      if (openLead && unitPoint && !actionVerb.test(unitPoint) && /^\p{Lu}/u.test(unitPoint)) {
        responsible = unitPoint;
        task = `${openLead} (${unitPoint})`;
      }
      // "…, không gửi bản giấy: các trường mầm non nộp trước ngày 20/5, tiểu học trước 22/5, THCS …": one
      // step, a date for each level, each date for those schools alone.
      // A bare level ("…, tiểu học, THCS chậm nhất …") ends a list of schools whose papers are sent,
      // unless it follows the clause's previous date ("… mầm non trước 20/5, THCS trước 22/5").
      const previous = hits[n - 1];
      const series =
        previous?.result.ok === true &&
        !/[;.]/u.test(paragraph.raw.slice(previous.index + previous.length, hit.index));
      const levels = /^:/.test(afterRaw) ? null : levelBefore(before, series);
      if (levels) {
        const lead: string =
          levelLead?.hit === n - 1 ? levelLead.text : levels.lead.length > 10 ? lastClause(levels.lead) : "";
        if (lead) {
          levelLead = { text: lead, hit: n };
          levelled = true;
          responsible = `các trường ${levels.names}`;
          task = `${lead} (${responsible})`;
        }
      } else levelLead = null;
      // "5. Thời hạn nộp hồ sơ đề nghị khen thưởng" then "a) Khối mầm non: chậm nhất …": the heading's step,
      // for the schools of that level.
      const alone = !openLead && !responsible ? levelWords.exec(clause.replace(/:.*$/u, "").trim()) : null;
      const step = alone?.[1] ? headingStep(ctx, paragraph.line) : null;
      if (alone?.[1] && step) {
        responsible = `các trường ${alone[1]}`;
        task = `${step} (${responsible})`;
      }
      // "1. Thời hạn gửi hồ sơ đề nghị X" then "- Các Phòng GDĐT: chậm nhất …": the heading's step, for
      // the units the point names.
      const unitLabel = /^[\s+•-]*([^:]{3,60}):\s*$/u.exec(stripMarkup(paragraph.raw.slice(0, hit.index)));
      const named = !alone?.[1] && task && unitLabel?.[1]?.trim() === task && unitHeading.test(task);
      const unitStep = named ? headingStep(ctx, paragraph.line) : null;
      if (named && unitStep && task) {
        responsible = task;
        task = `${unitStep} (${responsible})`;
      }
      // "…; Sở không nhận hồ sơ giấy sau ngày …": the cut-off closes what the paragraph asked first.
      const cutOff = /^không\s/iu.test(hit.result.deadline.raw) ? actionBefore(before) : null;
      if (cutOff) ({ responsible, task } = responsibleOf(cutOff));
      // "Dành cho …; nộp trước ngày 15/3/2027" under "5. Hồ sơ công nhận đề tài cấp huyện": that dossier.
      const handedIn = task && bareSending.test(task) ? headingStep(ctx, paragraph.line, 120) : null;
      if (task && handedIn && /^hồ sơ(?![\p{L}\p{N}])/iu.test(handedIn))
        task = `${capitalise(task)} ${handedIn.charAt(0).toLowerCase()}${handedIn.slice(1)}`;
      // "1. Hồ sơ đề nghị công nhận X:" … "Thời hạn: đợt thứ nhất chậm nhất …; đợt thứ hai trước …": the
      // heading's dossier is handed in, once for each round.
      const roundOnly = roundOpening.exec(task);
      const papers = roundOnly?.[1] ? papersHeading(ctx, paragraph.line) : null;
      if (roundOnly?.[1] && papers) {
        const name = papers
          .replace(/\s*\((?:do|của)\s[^()]*\)/gu, "")
          .replace(/\s+do\s.*$/u, "")
          .replace(/,?\s*(?:gồm|bao gồm)\s*:?$/u, "");
        task = `Nộp ${midSentence(name)} (${roundOnly[1].toLowerCase()})`.replace(
          /^Nộp báo cáo gửi\s/u,
          "Gửi báo cáo về ",
        );
        // "(do giáo viên chủ nhiệm lập)", "do khối trưởng nộp": who hands it in.
        const maker = /(?<![\p{L}])do\s+([^(),]{3,40}?)\s+(?:lập|nộp|gửi|chủ trì|thực hiện)(?![\p{L}])/u.exec(
          papers,
        )?.[1];
        if (maker) responsible = maker;
      }
      const label = !task || labelOnly.test(task);
      // "VI. HỘI NGHỊ TỔNG KẾT" then "1. Thời gian, địa điểm: 7 giờ 30 ngày …": the heading is what is held then.
      const over = task && bareLabel.test(task) ? headingOver(ctx, paragraph.line) : null;
      if (over && (!lastTaskParagraph || lastTaskLine < over.line)) {
        task = over.heading;
        if (lastUnits && lastUnits.line < over.line) lastUnits = null;
      } else if (label) {
        // "Bản giấy: các trường nộp trực tiếp … Thời gian nhận: …, chậm nhất …": the paragraph's own
        // sentence that does something is the task.
        // A label that names the papers ("Thời gian nhận hồ sơ của các cấp học") says more than that sentence.
        const lead = namesPapers.test(task)
          ? null
          : actionBefore(before.slice(0, Math.max(0, before.lastIndexOf(clause))));
        // "Thời gian nộp về Phòng Giáo dục và Đào tạo, …": the task is what was named before, sent there.
        const destination = /\s(về\s[^,:]+)/u.exec(task)?.[1];
        const named = lastTaskParagraph;
        if (lead) {
          task = lead;
          responsible ??= responsibleOf(lead).responsible;
        } else
          task = named ? (destination && !named.includes(" về ") ? `${named} ${destination}` : named) : task;
      }
      // "Hội nghị tổng kết … dự kiến tổ chức …": an event is everyone's, not the latest units named.
      if (!responsible && !eventFirst.test(task)) {
        // The nearer of the latest units named and a numbered heading that names units.
        const heading = headingUnits(ctx, paragraph.line);
        // Units named under another part of the plan ("III. CỤM THI ĐUA") do not act in this one.
        const recent =
          lastUnits &&
          paragraph.line - lastUnits.line <= 30 &&
          !partStartsBetween(ctx, lastUnits.line, paragraph.line)
            ? lastUnits
            : null;
        responsible =
          heading && (!recent || heading.line >= recent.line) ? heading.units : (recent?.units ?? null);
      }
      const line = lineAt(paragraph, hit.index);
      found.push({
        source: "text",
        line,
        task: capitalise(
          task
            .replace(/,?\s*(?:cụ thể|gồm|bao gồm|như sau)\s*:?\s*$/iu, "")
            // "… gắn với sơ kết Giai đoạn 1, dự kiến [tháng 01/2027]", "Hội nghị … dự kiến tổ chức trong
            // [tháng 7]": the words belong to the date.
            .replace(/,?\s+(?:dự kiến|khoảng)(?:\s+tổ chức)?(?:\s+(?:trong|vào))?$/iu, "")
            // "… bốc thăm thứ tự dạy: lúc [14 giờ 00 …]", "… thông báo kết quả trong [tuần đầu tháng 11]".
            .replace(/[\s:,]+(?:lúc|trong|vào)$/iu, ""),
        ),
        responsible,
        raw: remark ? `${hit.result.deadline.raw} (${remark})` : hit.result.deadline.raw,
        kind: hit.result.deadline.kind,
        start: hit.result.deadline.start,
        due: hit.result.deadline.due,
      });
    }
    // "Sau Hội nghị tổng kết, các trường nhận quyết định …": a step timed by an event, with no date of its own.
    if (!hits.length) {
      const after = afterEvent.exec(tidy(text));
      const reading = after?.[1] ? parseDeadline(after[1], ctx.deadline) : null;
      // "Tháng 12/2026:" then "- Phòng GDĐT kiểm tra công tác thi đua … (lịch thông báo sau).": that month's step.
      const step = periodHeading && isListItem(text) && !reading?.ok ? firstClause(tidy(text)) : "";
      if (periodHeading && step && actionVerb.test(step)) {
        const { responsible, task } = responsibleOf(step);
        found.push({
          source: "text",
          line: paragraph.line,
          task: capitalise(task),
          responsible,
          ...periodHeading,
        });
      } else if (!isListItem(text)) periodHeading = null;
      if (after?.[2] && reading?.ok) {
        const task = firstClause(after[2]);
        found.push({
          source: "text",
          line: paragraph.line,
          task: capitalise(task),
          responsible: unitHeading.exec(task)?.[0] ?? null,
          raw: reading.deadline.raw,
          kind: reading.deadline.kind,
          start: reading.deadline.start,
          due: reading.deadline.due,
        });
      }
    }
    // "- Gửi hồ sơ … về Phòng GDĐT, cụ thể:" opens the points by level under it; any other line closes it.
    if (/:\s*$/u.test(text) && actionVerb.test(text))
      openLead = tidy(
        text.replace(/,?\s*(?:theo từng\s+[^,:]{2,20}?\s*)?(?:cụ thể|gồm|bao gồm|như sau)?\s*:\s*$/iu, ""),
      );
    else if (
      !levelPoint.test(tidy(text).replace(/:.*$/u, "")) &&
      !(isListItem(text) && hits.length && /^[^:]{2,60}:/u.test(listItemText(text)))
    )
      openLead = null;
    const named = listItemText(text)
      .split(/:\s+/u)
      .map((part) => responsibleOf(tidy(part)).responsible)
      .find((units) => units !== null);
    // The levels a sentence gave dates to are not who the next sentences speak to, nor are units an
    // exception names by name ("Trường THPT A và Phòng GDĐT huyện B … được gửi …").
    const byName = named?.split(/\s*[,;]\s*|\s+và\s+/u).every(namesOneUnit);
    if (named && !levelled && !byName) lastUnits = { units: named, line: paragraph.line };
    // "Hình thức gửi hồ sơ khối thi đua: …" names what the next "Thời gian nộp: …" is about.
    const sending = /^Hình thức (?:gửi|nộp)\s+(hồ sơ[^:]*?)\s*:/iu.exec(text);
    if (sending?.[1]) {
      lastTaskParagraph = `Nộp ${sending[1]}`;
      lastTaskLine = paragraph.line;
    } else if (
      /(?<![\p{L}\p{N}])(nộp|gửi)(?![\p{L}\p{N}]).*(?<![\p{L}\p{N}])hồ sơ(?![\p{L}\p{N}]).*:\s*$/iu.test(text)
    ) {
      lastTaskParagraph = tidy(text.replace(/,?\s*(gồm|bao gồm|cụ thể)\s*:\s*$/iu, ""));
      lastTaskLine = paragraph.line;
    }
  }
  return found;
}

// "các trường mầm non nộp", "tiểu học", "cấp THCS gửi", "Khối mầm non": levels alone, what stands before one of their dates.
// ", nay gia hạn đến", ", nay điều chỉnh thành", ", nay lùi đến": the date before is replaced by the one after.
const replacing = "gia hạn|điều chỉnh|lùi|chuyển|đổi|kéo dài";
const superseding = new RegExp(`^[^.;]{0,40}?\\bnay\\s+(?:được\\s+)?(?:${replacing})(?![\\p{L}])`, "iu");
// "Hồ sơ X: Công văn số 812 quy định gửi trước …, nay gia hạn đến …": the papers, and how the date changed.
const extendedStep = new RegExp(
  `^(.{6,200}?):\\s*(?:công văn|văn bản|kế hoạch|hướng dẫn|thông báo)[^:]*?\\squy định\\s.*?\\bnay\\s+(?:được\\s+)?(${replacing})`,
  "iu",
);
// "Thời hạn: đợt thứ nhất", "Đợt thứ hai", "Đợt thứ nhất, khối trưởng nộp": a round, and no step of its own.
const roundOpening =
  /^(?:(?:thời hạn|hạn(?:\s+nộp)?)\s*:\s*)?((?:đợt|lần)\s+(?:thứ\s+)?[\p{L}\d]+)(?:\s*,?\s*(?:[\p{L}\s]{0,20}?\s)?(?:nộp|gửi))?$/iu;
const roundWord = /^(?:đợt|lần|vòng|giai đoạn)\s+(?:thứ\s+)?[\p{L}\d]+$/iu;
const levelWords = new RegExp(
  `^(?:các\\s+)?(?:(?:cấp(?:\\s+học)?|bậc|trường|khối)\\s+)?((?:${levelName})(?:\\s*(?:,|và)\\s*(?:${levelName}))*)(?:\\s+(?:nộp|gửi|hoàn thành|báo cáo|đăng ký))?$`,
  "iu",
);

/** The levels a date is given to by the words right before it, and the words before those, else null. */
function levelBefore(before: string, series: boolean): { names: string; lead: string } | null {
  const at = before.search(/[^,;:]*$/u);
  const words = before.slice(at).trim();
  const names = levelWords.exec(words)?.[1];
  if (!names) return null;
  if (!series && names === words && /,\s*$/u.test(before.slice(0, at))) return null;
  return { names, lead: tidy(before.slice(0, at)) };
}

// "Hội nghị …", "Vòng 3 Hội thi …": an event, held for whom its own words say.
const eventFirst =
  /^(?:(?:Vòng|Đợt|Phần)\s+\d{1,2}\s+)?(?:Hội nghị|Lễ|Hội thi|Hội giảng|Cuộc thi|Đợt thi đua|Buổi)(?![\p{L}\p{N}])/iu;
// "Sau Tết Nguyên đán, …", "Sau Hội nghị tổng kết, …": an event that times the step after the comma
// ("Sau khi …" is a condition, not an event).
const afterEvent = new RegExp(
  `^(Sau\\s+(?:Tết|Hội nghị|Lễ|hội thi|cuộc thi|kỳ thi)[^,;.:]{0,60}),\\s*(${unitWords}.*(?<![\\p{L}])(?:${verbs}|nhận|công bố|trao|dự)(?![\\p{L}]).*)$`,
  "iu",
);
const verbFirst = new RegExp(`^(?:${verbs})(?![\\p{L}\\p{N}])`, "iu");

/** The subject of the last sentence in a paragraph's words, when a unit is it ("Các cụm trưởng"), else null. */
function sentenceSubject(text: string): string | null {
  const sentence = text.split(/(?<=\.)\s+(?=\p{Lu})/u).pop() ?? "";
  return subjectPattern.exec(sentence)?.[1]?.trim() ?? null;
}

const actionVerb = new RegExp(`(?<![\\p{L}\\p{N}])(?:${verbs})(?![\\p{L}\\p{N}])`, "iu");

/** The first sentence of a paragraph's words that does something ("Bản giấy: các trường nộp …"), tidied. */
function actionBefore(text: string): string | null {
  const sentence = text
    .split(/(?<=[.;])\s+(?=\p{Lu})/u)
    .map((s) => tidy(s))
    .find((s) => s.length > 15 && actionVerb.test(s));
  return sentence ?? null;
}

/** Whether a line stands under "2. Thời gian tính thành tích": the span achievements count in, no step's time. */
function inCountedSpan(ctx: ProseContext, line: number): boolean {
  const at = ctx.sectionAt(line);
  const section = at === null ? undefined : ctx.sections[at];
  return (
    !!section &&
    section.line !== line &&
    /^(?:thời gian|thời điểm)\s+tính\s+thành tích/iu.test(section.heading.replace(/^\W+/u, ""))
  );
}

/** The nearest heading above a line that is not itself a label of time ("VI. HỘI NGHỊ TỔNG KẾT"), in sentence case. */
function headingOver(ctx: ProseContext, line: number): { heading: string; line: number } | null {
  for (let i = ctx.sectionAt(line); i !== null && i !== undefined; i = ctx.sections[i]?.parent ?? null) {
    const section = ctx.sections[i];
    if (!section || section.line === line || labelOnly.test(section.heading)) continue;
    // A list item is not a heading.
    if (!section.numbering || /^[-+•]$/u.test(section.numbering)) continue;
    const words = section.heading.replace(/[:.]\s*$/u, "").trim();
    if (!words || words.length > 80 || !/^\p{Lu}/u.test(words)) return null;
    const sentence = words === words.toUpperCase() ? capitalise(words.toLowerCase()) : words;
    return { heading: sentence, line: section.line };
  }
  return null;
}

const goesOnAfter = new RegExp(`^\\s*,?\\s*và\\s+((?:${verbs})(?![\\p{L}\\p{N}])[^;.]*)`, "iu");

// "gửi về Sở", "nộp": a sending without what is sent.
const bareSending = /^(?:gửi|nộp)(?:\s+(?:về|lên|tới|cho)\s+[^,;]{1,30})?$/iu;

const endingVerb = new RegExp(`(?<![\\p{L}\\p{N}])(${verbs})$`, "iu");

/** What a clause ending on its verb ("Phòng GDĐT hoàn thành") leaves out, from the clause before with that verb, else null. */
function elidedObject(clause: string, before: string): string | null {
  const verb = endingVerb.exec(clause)?.[1];
  if (!verb) return null;
  const at = before.toLowerCase().lastIndexOf(verb.toLowerCase());
  if (at < 0) return null;
  const object = stripMarkup(before.slice(at + verb.length)).trim();
  return object && object.length <= 60 && !/[;:]/u.test(object) ? object : null;
}

/** The nearest numbered heading above a line that names papers ("1. Hồ sơ đề nghị công nhận …:"), else null. */
function papersHeading(ctx: ProseContext, line: number): string | null {
  for (let i = ctx.sectionAt(line); i !== null && i !== undefined; i = ctx.sections[i]?.parent ?? null) {
    const section = ctx.sections[i];
    if (!section?.numbering || section.line === line) continue;
    const words = section.heading.replace(/[:.]\s*$/u, "").trim();
    if (/^(?:hồ sơ|báo cáo)(?![\p{L}\p{N}])/iu.test(words) && words.length <= 160) return capitalise(words);
  }
  return null;
}

/** The step a numbered heading above a line names, without its "Thời hạn" ("Nộp hồ sơ đề nghị khen thưởng"), else null. */
function headingStep(ctx: ProseContext, line: number, longest = 80): string | null {
  for (let i = ctx.sectionAt(line); i !== null && i !== undefined; i = ctx.sections[i]?.parent ?? null) {
    const section = ctx.sections[i];
    if (!section || section.line === line || !section.numbering || /^[-+•]$/u.test(section.numbering))
      continue;
    const words = section.heading
      .replace(/[:.]\s*$/u, "")
      .replace(/^(?:thời hạn|thời gian|hạn|lịch)(?![\p{L}\p{N}])\s*/iu, "")
      .trim();
    // "1. Thời gian" alone names no step: the heading above may.
    if (!words) continue;
    return words.length <= longest ? capitalise(words) : null;
  }
  return null;
}

/** Whether a top-level part of the plan ("IV. …") starts after one line and up to another. */
function partStartsBetween(ctx: ProseContext, from: number, to: number): boolean {
  return ctx.sections.some((s) => s.parent === null && s.numbering !== null && s.line > from && s.line <= to);
}

function headingUnits(ctx: ProseContext, line: number): { units: string; line: number } | null {
  for (let i = ctx.sectionAt(line); i !== null && i !== undefined; i = ctx.sections[i]?.parent ?? null) {
    const section = ctx.sections[i];
    // A numbered heading that names units ("2. Các đơn vị thuộc, trực thuộc Sở:"), not a list item nor a
    // part's title in capitals ("V. KHỐI THI ĐUA TRONG TRƯỜNG VÀ CỤM THI ĐUA" names a topic).
    // "b) Đối với các trường THPT:" names them too.
    const heading = section?.heading.replace(/^đối với\s+/iu, "") ?? "";
    if (
      section?.numbering &&
      !/^[-+]$/.test(section.numbering) &&
      /\p{Ll}/u.test(heading) &&
      unitHeading.test(heading)
    ) {
      return { units: heading.replace(/[:.]\s*$/u, "").trim(), line: section.line };
    }
  }
  return null;
}
