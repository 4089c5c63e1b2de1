// The files a unit gets back when it registers (the sector's Word form and an Excel summary), and the
// officers' workbook of a school year's registrations. Every label comes from the locale files.
import type { Paragraph, ParagraphChild, Table, TableCell } from "docx";
import type { Worksheet } from "exceljs";
import {
  collectiveTitles,
  formatDay,
  type IndividualTitle,
  individualTitles,
  isoDayIn,
  namedTitles,
  type Registration,
} from "../../core/index.js";
import type { Translate } from "../i18n.js";

/** What the forms need besides the registration: the addressee, the place and day of the letter. */
export interface RegistrationFileContext {
  issuer?: string | undefined;
  place?: string | undefined;
  /** yyyy-mm-dd */
  today: string;
  submittedBy?: string | undefined;
}

type Docx = typeof import("docx");

// Times New Roman 13pt for the text and 14pt for titles, as the sector's forms are typed (sizes in half-points).
const font = "Times New Roman";
const bodySize = 26;
const titleSize = 28;
const smallSize = 24;
// A4 with the decree's margins (2 cm top and bottom, 3 cm left, 1.5 cm right), in twips.
const page = { width: 11906, height: 16838 };
const margin = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const textWidth = page.width - margin.left - margin.right;

// Control characters other than tab and line breaks are not allowed in the files' XML.
const controlCharacters = /(?![\t\n\r])\p{Cc}/gu;
// Targets typed as a list keep their "- " marker; the forms draw their own.
const listMarker = /^\s*[-+•*]\s+/u;

/** A typed line as the forms show it: no control characters, no list marker of its own. */
function shown(text: string): string {
  return text.replace(controlCharacters, "").replace(listMarker, "").trim();
}

// The project's formula guard (src/app/cli/formula-safe.ts): text that a spreadsheet would read as a
// formula gets a leading "'", Excel's "this is text".
const formulaStart = /^[=+\-@\t\r]/;
const cellText = (text: string): string => {
  const clean = text.replace(controlCharacters, "");
  return formulaStart.test(clean) ? `'${clean}` : clean;
};

const yearsShown = (schoolYear: string): string => schoolYear.replace("-", " - ");

function dateLine(t: Translate, context: RegistrationFileContext): string {
  const [year = "", month = "", day = ""] = context.today.split("-");
  const place = context.place?.trim() || t("registration.form.blankPlace");
  return t("registration.form.dateLine", { place, day, month, year });
}

const collectiveName = (t: Translate, id: string): string => t(`registration.titles.collective.${id}`);
const individualName = (t: Translate, id: string): string => t(`registration.titles.individual.${id}`);

// Titles in the order of the sector's list, whatever order they were typed in.
function individualInOrder(r: Registration): Registration["individual"] {
  const rank = (title: IndividualTitle) => individualTitles.indexOf(title);
  return [...r.individual].sort((a, b) => rank(a.title) - rank(b.title));
}

function initiativeLine(t: Translate, i: Registration["initiatives"][number]): string {
  const kind = t(`registration.form.kind.${i.kind}`);
  const title = shown(i.title);
  return i.author
    ? t("registration.form.initiativeWithAuthor", { kind, title, author: i.author })
    : t("registration.form.initiative", { kind, title });
}

/** Builds the .docx pieces with the docx module, loaded once the first form is asked for. */
function docxParts(d: Docx) {
  const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new d.TextRun({
      text,
      font,
      size: options.size ?? bodySize,
      bold: options.bold,
      italics: options.italics,
    });

  const para = (
    children: ParagraphChild[] | string,
    options: {
      align?: "center" | "left" | "justify";
      indent?: number;
      before?: number;
      after?: number;
      pageBreakBefore?: boolean;
    } = {},
  ) =>
    new d.Paragraph({
      children: typeof children === "string" ? [run(children)] : children,
      alignment:
        options.align === "center"
          ? d.AlignmentType.CENTER
          : options.align === "justify"
            ? d.AlignmentType.JUSTIFIED
            : d.AlignmentType.LEFT,
      spacing: { before: options.before ?? 60, after: options.after ?? 60 },
      ...(options.indent ? { indent: { firstLine: options.indent } } : {}),
      ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    });

  const centered = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    para([run(text, options)], { align: "center", before: 0, after: 0 });

  const noBorder = { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const noBorders = { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder };

  // Headings and signatures sit side by side in a table without lines, as the forms are made in Word.
  const sideBySide = (left: Paragraph[], right: Paragraph[], leftWidth: number) =>
    new d.Table({
      width: { size: textWidth, type: d.WidthType.DXA },
      columnWidths: [leftWidth, textWidth - leftWidth],
      layout: d.TableLayoutType.FIXED,
      borders: d.TableBorders.NONE,
      rows: [
        new d.TableRow({
          children: [left, right].map(
            (children, i) =>
              new d.TableCell({
                children,
                borders: noBorders,
                margins: { left: 0, right: 0 },
                width: { size: i ? textWidth - leftWidth : leftWidth, type: d.WidthType.DXA },
              }),
          ),
        }),
      ],
    });

  const cell = (
    text: string,
    width: number,
    options: { bold?: boolean; italics?: boolean; center?: boolean; span?: number } = {},
  ): TableCell =>
    new d.TableCell({
      children: [
        para([run(text, options)], { align: options.center ? "center" : "left", before: 40, after: 40 }),
      ],
      width: { size: width, type: d.WidthType.DXA },
      verticalAlign: d.VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80 },
      ...(options.span ? { columnSpan: options.span } : {}),
    });

  return { run, para, centered, sideBySide, cell };
}

type Parts = ReturnType<typeof docxParts>;

// The national heading on the right, the unit on the left, and the date line under the motto.
function letterHeading(p: Parts, t: Translate, r: Registration, context: RegistrationFileContext) {
  const unit = r.unitName.toLocaleUpperCase("vi");
  return p.sideBySide(
    [p.centered(unit, { bold: true })],
    [
      p.centered(t("registration.form.nation"), { bold: true }),
      p.centered(t("registration.form.motto"), { bold: true, size: titleSize }),
      p.para([p.run(dateLine(t, context), { italics: true })], { align: "center", before: 240 }),
    ],
    3355,
  );
}

function signature(p: Parts, t: Translate, left: Paragraph[], withDate: string | null) {
  return p.sideBySide(
    left,
    [
      ...(withDate ? [p.centered(withDate, { italics: true })] : []),
      p.centered(t("registration.form.headOfUnit"), { bold: true }),
      p.centered(t("registration.form.signHint"), { italics: true }),
    ],
    4055,
  );
}

// Part one: the collective's registration letter.
function letter(p: Parts, t: Translate, r: Registration, context: RegistrationFileContext) {
  const years = yearsShown(r.schoolYear);
  const item = (text: string) => p.para(`- ${text}`, { align: "justify", indent: 567 });
  const heading = (key: string) => p.para([p.run(t(key), { bold: true })], { before: 160 });
  const none = p.para([p.run(t("registration.form.none"), { italics: true })], { indent: 567 });
  const issuer = context.issuer?.trim();
  return [
    letterHeading(p, t, r, context),
    p.para([p.run(t("registration.form.letterTitle", { years }), { bold: true, size: titleSize })], {
      align: "center",
      before: 360,
      after: issuer ? 120 : 240,
    }),
    ...(issuer ? [p.para(t("registration.form.to", { issuer }), { align: "center", after: 240 })] : []),
    p.para(t("registration.form.intro", { unit: r.unitName, years }), { align: "justify", indent: 567 }),
    p.para(t("registration.form.staffLine", { staff: r.staff }), { align: "justify", indent: 567 }),
    heading("registration.form.collectiveHeading"),
    ...(r.collective.length
      ? collectiveTitles.filter((c) => r.collective.includes(c)).map((c) => item(collectiveName(t, c)))
      : [none]),
    heading("registration.form.individualHeading"),
    ...(r.individual.length
      ? [
          ...individualInOrder(r).map((i) =>
            item(t("registration.form.countLine", { title: individualName(t, i.title), count: i.count })),
          ),
          p.para([p.run(t("registration.form.individualNote"), { italics: true })], { indent: 567 }),
        ]
      : [none]),
    heading("registration.form.targetsHeading"),
    ...(r.targets.length ? r.targets.map((target) => item(shown(target))) : [none]),
    heading("registration.form.initiativesHeading"),
    ...(r.initiatives.length ? r.initiatives.map((i) => item(initiativeLine(t, i))) : [none]),
    p.para("", { before: 240 }),
    signature(
      p,
      t,
      [
        p.para([p.run(t("registration.form.recipients"), { bold: true, italics: true, size: smallSize })], {
          before: 0,
          after: 0,
        }),
        p.para([p.run(t("registration.form.recipientsAbove"), { size: 22 })], { before: 0, after: 0 }),
        p.para([p.run(t("registration.form.recipientsFile"), { size: 22 })], { before: 0, after: 0 }),
      ],
      null,
    ),
  ];
}

const columns = [700, 3300, 3555, 1800] as const;

// Part two: the individual registrations, one row per named person, then the titles registered by count.
function individualTable(p: Parts, d: Docx, t: Translate, r: Registration): Table {
  const [noW, nameW, titleW, noteW] = columns;
  const row = (cells: TableCell[], header = false) =>
    new d.TableRow({ children: cells, cantSplit: true, ...(header ? { tableHeader: true } : {}) });
  const rows = [
    row(
      [
        p.cell(t("registration.form.col.no"), noW, { bold: true, center: true }),
        p.cell(t("registration.form.col.name"), nameW, { bold: true, center: true }),
        p.cell(t("registration.form.col.title"), titleW, { bold: true, center: true }),
        p.cell(t("registration.form.col.note"), noteW, { bold: true, center: true }),
      ],
      true,
    ),
  ];
  const ordered = individualInOrder(r);
  let no = 0;
  for (const i of ordered) {
    if (!namedTitles.has(i.title)) continue;
    for (const name of i.names) {
      no++;
      rows.push(
        row([
          p.cell(String(no), noW, { center: true }),
          p.cell(name, nameW),
          p.cell(individualName(t, i.title), titleW),
          p.cell("", noteW),
        ]),
      );
    }
  }
  for (const i of ordered) {
    if (namedTitles.has(i.title) && i.names.length) continue;
    rows.push(
      row([
        p.cell("", noW),
        p.cell(t("registration.form.byCount"), nameW, { italics: true }),
        p.cell(individualName(t, i.title), titleW),
        p.cell(t("registration.form.people", { count: i.count }), noteW),
      ]),
    );
  }
  if (!ordered.length)
    rows.push(row([p.cell(t("registration.form.noIndividual"), textWidth, { italics: true, span: 4 })]));
  rows.push(
    row([
      p.cell(t("registration.form.staffTotal"), noW + nameW, { bold: true, span: 2 }),
      p.cell(t("registration.form.people", { count: r.staff }), titleW + noteW, { bold: true, span: 2 }),
    ]),
  );
  return new d.Table({
    width: { size: textWidth, type: d.WidthType.DXA },
    columnWidths: [...columns],
    layout: d.TableLayoutType.FIXED,
    rows,
  });
}

function individualPart(p: Parts, d: Docx, t: Translate, r: Registration, context: RegistrationFileContext) {
  const years = yearsShown(r.schoolYear);
  const preparer = [
    p.centered(t("registration.form.preparer"), { bold: true }),
    p.centered(t("registration.form.preparerHint"), { italics: true }),
    ...(context.submittedBy
      ? [p.para([p.run(context.submittedBy, { bold: true })], { align: "center", before: 1200 })]
      : []),
  ];
  return [
    p.para([p.run(r.unitName.toLocaleUpperCase("vi"), { bold: true })], {
      before: 0,
      after: 240,
      pageBreakBefore: true,
    }),
    p.centered(t("registration.form.tableTitle"), { bold: true, size: titleSize }),
    p.centered(t("registration.form.tableYear", { years }), { bold: true, size: titleSize }),
    p.para([p.run(t("registration.form.tableAttached", { unit: r.unitName }), { italics: true })], {
      align: "center",
      before: 0,
      after: 240,
    }),
    individualTable(p, d, t, r),
    ...(r.individual.length
      ? [
          p.para(t("registration.form.ofWhich"), { before: 200 }),
          ...individualInOrder(r).map((i) =>
            p.para(
              `- ${t("registration.form.countLine", { title: individualName(t, i.title), count: i.count })}`,
              {
                indent: 567,
              },
            ),
          ),
        ]
      : []),
    p.para("", { before: 240 }),
    signature(p, t, preparer, dateLine(t, context)),
  ];
}

/** The registration as the sector's Word form: the collective's letter, then the table of individuals. */
export async function registrationDocx(
  registration: Registration,
  context: RegistrationFileContext,
  t: Translate,
): Promise<Uint8Array> {
  // Loaded on first use, like exceljs: a start that writes no form does not pay for it.
  const d = await import("docx");
  const p = docxParts(d);
  const doc = new d.Document({
    creator: registration.unitName,
    title: t("registration.form.letterTitle", { years: yearsShown(registration.schoolYear) }),
    styles: { default: { document: { run: { font, size: bodySize } } } },
    sections: [
      {
        properties: { page: { size: page, margin } },
        children: [...letter(p, t, registration, context), ...individualPart(p, d, t, registration, context)],
      },
    ],
  });
  return new Uint8Array(await d.Packer.toBuffer(doc));
}

async function newWorkbook() {
  const { default: ExcelJS } = await import("exceljs"); // a quarter of a second to load: only here
  return new ExcelJS.Workbook();
}

// Plain string values are written as shared strings, which spreadsheets show and never evaluate; the
// guard adds the "'" that keeps them text when copied into another sheet or a .csv.
function addRow(sheet: Worksheet, values: (string | number | null)[]) {
  return sheet.addRow(values.map((v) => (typeof v === "string" ? cellText(v) : v)));
}

/** The registration as a one-sheet .xlsx summary: unit, year, staff, titles, targets and initiatives. */
export async function registrationXlsx(
  registration: Registration,
  context: RegistrationFileContext,
  t: Translate,
): Promise<Uint8Array> {
  const r = registration;
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(t("registration.form.sheet"));
  sheet.columns = [{ width: 28 }, { width: 60 }, { width: 12 }, { width: 50 }];
  addRow(sheet, [t("registration.form.letterTitle", { years: yearsShown(r.schoolYear) })]).font = {
    bold: true,
    size: 14,
  };
  sheet.mergeCells(1, 1, 1, 4);
  addRow(sheet, []);
  addRow(sheet, [
    t("registration.form.colItem"),
    t("registration.form.colContent"),
    t("registration.form.colCount"),
    t("registration.form.colNames"),
  ]).font = { bold: true };
  addRow(sheet, [t("registration.form.unit"), r.unitName]);
  addRow(sheet, [t("registration.form.schoolYear"), r.schoolYear]);
  addRow(sheet, [t("registration.form.staff"), null, r.staff]);
  if (context.issuer) addRow(sheet, [t("registration.form.issuer"), context.issuer]);
  addRow(sheet, [t("registration.form.madeOn"), formatDay(context.today)]);
  if (context.submittedBy) addRow(sheet, [t("registration.form.submittedBy"), context.submittedBy]);
  const collectiveLabel = t("registration.form.collective");
  if (!r.collective.length) addRow(sheet, [collectiveLabel, t("registration.form.none")]);
  for (const c of collectiveTitles.filter((c) => r.collective.includes(c)))
    addRow(sheet, [collectiveLabel, collectiveName(t, c)]);
  const individualLabel = t("registration.form.individual");
  if (!r.individual.length) addRow(sheet, [individualLabel, t("registration.form.none")]);
  for (const i of individualInOrder(r))
    addRow(sheet, [individualLabel, individualName(t, i.title), i.count, i.names.join(", ")]);
  const targetLabel = t("registration.form.target");
  if (!r.targets.length) addRow(sheet, [targetLabel, t("registration.form.none")]);
  for (const target of r.targets) addRow(sheet, [targetLabel, shown(target)]);
  if (!r.initiatives.length) addRow(sheet, [t("registration.form.initiatives"), t("registration.form.none")]);
  for (const i of r.initiatives)
    addRow(sheet, [t(`registration.form.kind.${i.kind}`), shown(i.title), null, i.author ?? ""]);
  sheet.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  sheet.getColumn(4).alignment = { wrapText: true, vertical: "top" };
  sheet.views = [{ state: "frozen", ySplit: 3 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A school year's registrations as one workbook for officers: a row per unit, and every named person. */
export async function registrationsWorkbook(
  entries: { registration: Registration; status: string; submittedAt: Date }[],
  t: Translate,
  timeZone = "Asia/Ho_Chi_Minh",
): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const summary = workbook.addWorksheet(t("registration.form.summarySheet"));
  const fixed = [
    t("registration.form.unit"),
    t("registration.form.schoolYear"),
    t("registration.form.staff"),
    t("registration.form.status"),
    t("registration.form.submittedOn"),
  ];
  const firstCollective = fixed.length + 1;
  const firstIndividual = firstCollective + collectiveTitles.length;
  const initiativesColumn = firstIndividual + individualTitles.length;
  // Two header rows: the group of each title column above its name, since a collective and an
  // individual title can share a name ("Bằng khen …").
  const groups: (string | null)[] = [...fixed, ...collectiveTitles.map(() => null)];
  groups[firstCollective - 1] = t("registration.form.collective");
  groups.push(t("registration.form.individualCounts"), ...individualTitles.slice(1).map(() => null));
  groups.push(t("registration.form.initiativeCount"));
  addRow(summary, groups);
  addRow(summary, [
    ...fixed.map(() => null),
    ...collectiveTitles.map((c) => collectiveName(t, c)),
    ...individualTitles.map((i) => individualName(t, i)),
    null,
  ]);
  for (let c = 1; c <= fixed.length; c++) summary.mergeCells(1, c, 2, c);
  summary.mergeCells(1, firstCollective, 1, firstIndividual - 1);
  summary.mergeCells(1, firstIndividual, 1, initiativesColumn - 1);
  summary.mergeCells(1, initiativesColumn, 2, initiativesColumn);
  for (const n of [1, 2]) {
    const header = summary.getRow(n);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  }
  const collectiveTotals = collectiveTitles.map(() => 0);
  const individualTotals = individualTitles.map(() => 0);
  let initiativeTotal = 0;
  let staffTotal = 0;
  for (const { registration: r, status, submittedAt } of entries) {
    const counts = individualTitles.map(
      (title) => r.individual.find((i) => i.title === title)?.count ?? null,
    );
    const marks = collectiveTitles.map((c) => (r.collective.includes(c) ? "x" : null));
    marks.forEach((m, i) => {
      if (m) collectiveTotals[i] = (collectiveTotals[i] ?? 0) + 1;
    });
    counts.forEach((n, i) => {
      individualTotals[i] = (individualTotals[i] ?? 0) + (n ?? 0);
    });
    initiativeTotal += r.initiatives.length;
    staffTotal += r.staff;
    addRow(summary, [
      r.unitName,
      r.schoolYear,
      r.staff,
      // A stored status ("submitted") is shown by its name; any other text as it is.
      t(`registration.status.${status}`, { defaultValue: status }),
      formatDay(isoDayIn(submittedAt, timeZone)),
      ...marks,
      ...counts,
      r.initiatives.length,
    ]);
  }
  addRow(summary, [
    t("registration.form.total"),
    null,
    staffTotal,
    null,
    null,
    ...collectiveTotals,
    ...individualTotals,
    initiativeTotal,
  ]).font = { bold: true };
  summary.columns.forEach((column, i) => {
    column.width = i === 0 ? 36 : i < fixed.length ? 14 : 16;
  });
  summary.getRow(2).height = 75;
  summary.views = [{ state: "frozen", xSplit: 1, ySplit: 2 }];

  const people = workbook.addWorksheet(t("registration.form.peopleSheet"));
  people.columns = [{ width: 6 }, { width: 36 }, { width: 32 }, { width: 40 }];
  addRow(people, [
    t("registration.form.col.no"),
    t("registration.form.unit"),
    t("registration.form.col.name"),
    t("registration.form.col.title"),
  ]).font = { bold: true };
  let no = 0;
  for (const { registration: r } of entries)
    for (const i of individualInOrder(r))
      for (const name of i.names) addRow(people, [++no, r.unitName, name, individualName(t, i.title)]);
  people.views = [{ state: "frozen", ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Spelling without diacritics, keeping case: "Trường Tiểu học Đồng Tâm" → "Truong Tieu hoc Dong Tam". */
function withoutDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/** The unit's name for a file name: no diacritics, each word capitalised, no spaces ("TruongTieuHocHoaSen"). */
function compactUnitName(unitName: string): string {
  const words = withoutDiacritics(unitName)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("") || "DonVi";
}

// Placeholders offices write in file-name rules, after diacritics are dropped: "TenDonVi", "Tên trường",
// "[Tên cơ quan]", and "Năm học".
const unitPlaceholder = /[[<{(]?\s*ten[\s_]*(?:don[\s_]*vi|truong|co[\s_]*quan)\s*[\]>})]?/gi;
const yearPlaceholder = /[[<{(]?\s*nam[\s_]*hoc\s*[\]>})]?/gi;

/** A safe file name for a registration's form, after the plan's file-name rule when it gives one. */
export function registrationFileName(
  registration: Registration,
  kind: "docx" | "xlsx",
  pattern?: string,
): string {
  const unit = compactUnitName(registration.unitName);
  const safe = (stem: string) =>
    stem
      .replace(/[^A-Za-z0-9_.-]+/g, "_")
      .replace(/_{2,}/g, "_")
      .slice(0, 120)
      .replace(/^[._-]+|[._-]+$/g, "");
  const fromPattern = pattern
    ? safe(
        withoutDiacritics(pattern.trim())
          .replace(/\.(docx?|xlsx?|pdf)$/i, "")
          .replace(unitPlaceholder, unit)
          .replace(yearPlaceholder, registration.schoolYear),
      )
    : "";
  return `${fromPattern || safe(`DangKyThiDua_${unit}_${registration.schoolYear}`)}.${kind}`;
}
