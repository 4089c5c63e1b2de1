// The evaluation harness: answers a question file the way people would meet the assistant, each
// question on its day, as the person it names, on the plans it names. Used by `thidua eval`,
// `npm run eval:qa` and `npm run bench -- answers`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { createAssistant, replyToPlainText } from "../bot/index.js";
import {
  type Clock,
  clearSubmissions,
  createIdentity,
  createPerson,
  createSchoolCalendar,
  createUnit,
  type Db,
  dumpMemoryDatabase,
  ErrorCode,
  findUnitByCode,
  fixedClock,
  fold,
  grantRole,
  importPlan,
  importUnits,
  isRealDate,
  linkIdentity,
  loadConfig,
  loadUnitTree,
  openDatabase,
  readUnitFile,
  silentLogger,
  ThiduaError,
  terminalAdministrator,
  type UnitKind,
  unitKinds,
  unitsNamed,
} from "../core/index.js";

// One line of a question file (shared/eval/questions.dev.jsonl); `expect` is not read here.
const questionSchema = z.object({
  id: z.string(),
  text: z.string(),
  plans: z.array(z.string()),
  today: z.string().refine(isRealDate),
  role: z.enum(["officer", "focal"]),
  unit: z.object({ name: z.string().min(1), kind: z.enum(unitKinds) }).optional(),
});
export type EvalQuestion = z.infer<typeof questionSchema>;

export interface EvalAnswer {
  id: string;
  intent: string;
  period: { start: string; end: string } | null;
  answer: string;
  /** Milliseconds the assistant took, measured in-process. */
  ms: number;
}

/** Parses a JSON-lines question file, refusing it whole with the first bad line named. */
export function readQuestions(text: string): EvalQuestion[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line)
    .map(({ line, n }) => {
      const parsed = questionSchema.safeParse(
        (() => {
          try {
            return JSON.parse(line);
          } catch {
            return undefined;
          }
        })(),
      );
      if (!parsed.success) {
        throw new ThiduaError(ErrorCode.InputInvalid, `line ${n} is not a question`, {
          messageKey: "errors.eval_line",
          params: { line: n },
        });
      }
      return parsed.data;
    });
}

/**
 * Seats the person a question line names: a focal person of the named unit (created if new) or an
 * officer over the whole organisation, reached through a chat identity of their own.
 */
async function seatAsker(db: Db, q: EvalQuestion): Promise<void> {
  // Linked that day: linking is itself a message from the person, so they were seen then.
  const identity = await createIdentity(db, {
    platform: "eval",
    externalId: q.id,
    locale: "vi",
    lastSeenAt: fixedClock(q.today).now(),
  });
  if (q.role === "officer") {
    const officer = await createPerson(db, { name: `Cán bộ thi đua (${q.id})` });
    await grantRole(db, officer.id, "officer", null);
    await linkIdentity(db, identity.id, officer.id);
    return;
  }
  if (!q.unit) return;
  // A unit of the imported tree when its name fits exactly one of the line's kind; else a new one.
  const tree = await loadUnitTree(db);
  const kind = q.unit.kind as UnitKind;
  const [known, ...more] = unitsNamed(q.unit.name, tree.units).filter((u) => u.kind === kind);
  const code = fold(q.unit.name).replace(/[^a-z0-9]+/g, "-");
  const unit =
    (known && !more.length ? known : undefined) ??
    (await findUnitByCode(db, code)) ??
    (await createUnit(db, { code, name: q.unit.name, kind }));
  const focal = await createPerson(db, { name: `Đầu mối ${q.unit.name} (${q.id})` });
  await grantRole(db, focal.id, "focal", unit.id);
  await linkIdentity(db, identity.id, focal.id);
}

/** Answers every question on its day, each set of plans imported and published into a fresh database. */
export async function runEval(
  questions: EvalQuestion[],
  plansDir: string,
  unitsFile?: { name: string; bytes: Uint8Array },
  env: NodeJS.ProcessEnv = process.env,
): Promise<EvalAnswer[]> {
  // Checked once, before any database: a bad unit file stops the run with its problems listed.
  const unitRows = unitsFile ? await readUnitFile(unitsFile) : [];
  const config = loadConfig({ env });
  const calendar = createSchoolCalendar();
  const dump = await dumpMemoryDatabase();
  // Set to each question's day before it is asked; never the machine's time.
  let now = new Date(0);
  const clock: Clock = { now: () => now };
  const answers = new Map<string, EvalAnswer>();
  const sets = [...new Set(questions.map((q) => q.plans.join("|")))];
  for (const set of sets) {
    const database = await openDatabase({ dataDir: "memory://", pgliteDump: dump, skipMigrations: true });
    try {
      for (const file of set.split("|").filter(Boolean)) {
        const bytes = new Uint8Array(readFileSync(join(plansDir, file)));
        await importPlan(
          database.db,
          { name: file, bytes },
          { calendar, clock: fixedClock("2000-01-01"), publish: true },
        );
      }
      if (unitRows.length) await importUnits(database.db, unitRows, terminalAdministrator("eval"), now);
      const asked = questions.filter((x) => x.plans.join("|") === set);
      // The people a set's lines name exist before anyone asks, as they would in real use.
      for (const q of asked) await seatAsker(database.db, q);
      const assistant = createAssistant({ db: database.db, clock, config, log: silentLogger(), calendar });
      // A running assistant loads the published plans when it starts, not on someone's question.
      await assistant.warmUp();
      for (const q of asked) {
        now = fixedClock(q.today).now();
        const started = performance.now();
        const result = await assistant.understand({
          platform: "eval",
          userId: q.id,
          chatId: q.id,
          text: q.text,
          locale: "vi",
          receivedAt: now,
        });
        const ms = performance.now() - started;
        // "No unit has submitted anything when a question is asked": undo what this one recorded.
        if (result.intent === "mark_submitted") await clearSubmissions(database.db);
        answers.set(q.id, {
          id: q.id,
          intent: result.intent,
          period: result.period,
          answer: replyToPlainText(result.reply),
          ms,
        });
        // What an answer stores after replying (the chat's context) is not part of its latency.
        await assistant.settled();
      }
    } finally {
      await database.close();
    }
  }
  return questions.map((q) => answers.get(q.id)).filter((a): a is EvalAnswer => a !== undefined);
}
