import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { Translate } from "../../bot/index.js";
import {
  ErrorCode,
  findPlan,
  formatDay,
  importPlan,
  listPlans,
  overrideTaskAudience,
  type Plan,
  type PlanExtraction,
  planTasks,
  rollForwardPlan,
  setPlanStatus,
  ThiduaError,
  toExpectedShape,
} from "../../core/index.js";
import { type App, withApp } from "../build-app.js";
import { readFileArgument } from "./cli-files.js";
import { cliText } from "./cli-text.js";
import type { CliIo } from "./io.js";
import { renderTable } from "./text-table.js";

type Out = (text: string) => void;

function reviewTable(t: Translate, extraction: PlanExtraction): string {
  const rows = extraction.deadlines.map((d) => [
    d.row !== undefined ? String(d.row) : `L${d.line}`,
    d.task,
    d.responsible ?? "",
    d.raw,
    d.due ? formatDay(d.due) : "",
    d.warning
      ? t(`deadlineFailure.${d.warning}`, { raw: d.raw })
      : d.inherited
        ? t("plan.review.inherited")
        : "",
  ]);
  return renderTable(
    [
      { title: t("plan.review.row"), width: 5 },
      { title: t("plan.review.task"), width: 60 },
      { title: t("plan.review.who"), width: 30 },
      { title: t("plan.review.words"), width: 30 },
      { title: t("plan.review.due"), width: 10 },
      { title: t("plan.review.warning"), width: 40 },
    ],
    rows,
  );
}

function planLine(t: Translate, plan: Plan): string {
  return t("plan.summary", {
    id: plan.id,
    number: plan.number ?? t("plan.noNumber"),
    title: plan.title ?? plan.sourceName,
    status: t(`plan.status.${plan.status}`),
  });
}

function summary(t: Translate, extraction: PlanExtraction): string {
  return t("plan.counts", {
    deadlines: extraction.deadlines.length,
    requirements: extraction.requirements.length,
    channels: extraction.channels.length,
    contacts: extraction.contacts.length,
    groups: extraction.groups.length,
    warnings: extraction.deadlines.filter((d) => d.warning).length,
  });
}

/** What `plan import` was given, read before the database is opened: a wrong path costs nothing. */
function importArguments(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: "boolean", default: false }, publish: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) throw usage("plan import FILE [--json] [--publish]");
  return { values, file, bytes: readFileArgument(file) };
}

async function importCommand(
  rt: App,
  t: Translate,
  out: Out,
  { values, file, bytes }: ReturnType<typeof importArguments>,
): Promise<number> {
  const result = await importPlan(
    rt.database.db,
    { name: basename(file), bytes },
    {
      calendar: rt.calendar,
      clock: rt.clock,
      publish: values.publish,
    },
  );
  if (values.json) {
    out(JSON.stringify(toExpectedShape(result.extraction, basename(file)), null, 2));
    return 0;
  }
  out(t(result.created ? "plan.imported" : "plan.alreadyImported", { id: result.plan.id }));
  out(planLine(t, result.plan));
  out(summary(t, result.extraction));
  out("");
  out(reviewTable(t, result.extraction));
  if (result.plan.status === "draft") out(`\n${t("plan.publishHint", { id: result.plan.id })}`);
  return 0;
}

async function showCommand(rt: App, t: Translate, out: Out, ref: string): Promise<number> {
  const plan = await findPlan(rt.database.db, ref);
  out(planLine(t, plan));
  const extraction = plan.extraction as PlanExtraction | null;
  if (extraction) {
    const d = extraction.document;
    out(
      t("plan.header", {
        kind: d.kind ?? "—",
        issuer: d.issuer ?? "—",
        issuedOn: d.issuedOn ? formatDay(d.issuedOn) : "—",
        schoolYear: d.schoolYear ?? "—",
        signer: d.signer ?? "—",
      }),
    );
    out(summary(t, extraction));
    out("");
    out(reviewTable(t, extraction));
  } else {
    out(t("plan.taskCount", { count: (await planTasks(rt.database.db, plan.id)).length }));
  }
  return 0;
}

function usage(text: string) {
  return new ThiduaError(ErrorCode.InputInvalid, `usage: thidua ${text}`, {
    messageKey: "cli.usageOf",
    params: { usage: `thidua ${text}` },
  });
}

/** `thidua plan import|list|show|publish|archive|roll-forward|audience`. */
export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const t = cliText();
  const [sub, ...rest] = args;
  const out: Out = (text) => io.stdout.write(`${text}\n`);
  const toImport = sub === "import" ? importArguments(rest) : undefined;
  return withApp({ env: io.env }, async (rt) => {
    const db = rt.database.db;
    switch (sub) {
      case "import":
        return importCommand(rt, t, out, toImport ?? importArguments(rest));
      case "list": {
        const plans = await listPlans(db);
        if (!plans.length) out(t("plan.none"));
        for (const plan of plans) out(planLine(t, plan));
        return 0;
      }
      case "show":
        if (!rest[0]) throw usage("plan show PLAN");
        return showCommand(rt, t, out, rest[0]);
      case "publish":
      case "archive": {
        if (!rest[0]) throw usage(`plan ${sub} PLAN`);
        const plan = await findPlan(db, rest[0]);
        const updated = await setPlanStatus(
          db,
          plan.id,
          sub === "publish" ? "published" : "archived",
          rt.clock.now(),
        );
        out(planLine(t, updated));
        return 0;
      }
      case "roll-forward": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { "to-year": { type: "string" } },
          allowPositionals: true,
        });
        const year = Number(values["to-year"]);
        if (!positionals[0] || !/^\d{4}$/.test(values["to-year"] ?? "")) {
          throw usage("plan roll-forward PLAN --to-year YYYY");
        }
        const source = await findPlan(db, positionals[0]);
        const result = await rollForwardPlan(db, source.id, { toYear: year, calendar: rt.calendar });
        out(
          t(result.created ? "plan.rolled" : "plan.alreadyRolled", {
            id: result.plan.id,
            from: source.id,
            year,
          }),
        );
        out(planLine(t, result.plan));
        out("");
        out(reviewTable(t, result.extraction));
        return 0;
      }
      case "audience": {
        // thidua plan audience PLAN TASK --kinds phong,truc_thuoc | --clear
        const { values, positionals } = parseArgs({
          args: rest,
          options: { kinds: { type: "string" }, clear: { type: "boolean", default: false } },
          allowPositionals: true,
        });
        const [ref, task] = positionals;
        if (!ref || !task || (values.kinds === undefined) === !values.clear) {
          throw usage("plan audience PLAN TASK (--kinds KIND,KIND | --clear)");
        }
        const plan = await findPlan(db, ref);
        const kinds = values.clear ? null : (values.kinds ?? "").split(",").map((k) => k.trim());
        const result = await overrideTaskAudience(db, plan.id, task, kinds, rt.clock.now(), {
          personId: null,
          platform: "cli",
        });
        out(
          result.kinds
            ? t("plan.audienceSet", { task, count: result.tasks, kinds: result.kinds.join(", ") })
            : t("plan.audienceCleared", { task, count: result.tasks }),
        );
        return 0;
      }
      default:
        throw usage("plan import|list|show|publish|archive|roll-forward|audience …");
    }
  });
}
