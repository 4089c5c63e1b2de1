import { basename } from "node:path";
import { parseArgs } from "node:util";
import {
  ErrorCode,
  importUnits,
  loadUnitTree,
  readUnitFile,
  ThiduaError,
  terminalAdministrator,
  unitContacts,
} from "../../core/index.js";
import { withApp } from "../build-app.js";
import { readFileArgument } from "./cli-files.js";
import { cliText } from "./cli-text.js";
import type { CliIo } from "./io.js";
import { renderTable } from "./text-table.js";

function usage(text: string) {
  return new ThiduaError(ErrorCode.InputInvalid, `usage: thidua ${text}`, {
    messageKey: "cli.usageOf",
    params: { usage: `thidua ${text}` },
  });
}

/** `thidua units import FILE` and `thidua units list [--json]`. */
export async function unitsCommand(args: string[], io: CliIo): Promise<number> {
  const t = cliText();
  const [sub, ...rest] = args;
  const out = (text: string) => io.stdout.write(`${text}\n`);
  if (sub === "import") {
    const [path] = rest;
    if (!path) throw usage("units import FILE.csv|FILE.xlsx");
    const bytes = readFileArgument(path);
    // Checked whole before the database is opened: a bad file changes nothing.
    const rows = await readUnitFile({ name: basename(path), bytes });
    return withApp({ env: io.env }, async (rt) => {
      const report = await importUnits(rt.database.db, rows, terminalAdministrator(), rt.clock.now());
      out(
        t("units.imported", {
          count: rows.length,
          added: report.added.length,
          changed: report.changed.length,
          removed: report.removed.length,
          groups: report.groups,
          focal: report.focalPersons,
        }),
      );
      if (report.added.length) out(t("units.added", { codes: report.added.join(", ") }));
      for (const c of report.changed)
        out(
          t("units.changed", { code: c.code, fields: c.fields.map((f) => t(`units.field.${f}`)).join(", ") }),
        );
      if (report.removed.length) out(t("units.removed", { codes: report.removed.join(", ") }));
      return 0;
    });
  }
  if (sub === "list") {
    const { values } = parseArgs({ args: rest, options: { json: { type: "boolean", default: false } } });
    return withApp({ env: io.env }, async (rt) => {
      const [tree, contacts] = await Promise.all([
        loadUnitTree(rt.database.db),
        unitContacts(rt.database.db),
      ]);
      const parentCode = (id: number | null) => (id === null ? null : (tree.byId.get(id)?.code ?? null));
      if (values.json) {
        const units = tree.units.map((u) => ({
          code: u.code,
          name: u.name,
          kind: u.kind,
          parentCode: parentCode(u.parentId),
          groups: u.groups,
          leads: contacts.get(u.id)?.leads ?? [],
          focal: contacts.get(u.id)?.focal ?? [],
        }));
        out(JSON.stringify(units, null, 2));
        return 0;
      }
      if (!tree.units.length) {
        out(t("units.none"));
        return 0;
      }
      out(
        renderTable(
          [
            { title: t("units.column.code"), width: 10 },
            { title: t("units.column.name"), width: 50 },
            { title: t("units.column.kind"), width: 10 },
            { title: t("units.column.parent"), width: 10 },
            { title: t("units.column.groups"), width: 40 },
            { title: t("units.column.focal"), width: 40 },
          ],
          tree.units.map((u) => {
            const c = contacts.get(u.id);
            const groups = u.groups.map((g) => (c?.leads.includes(g) ? t("units.leads", { group: g }) : g));
            const focal = (c?.focal ?? []).map((f) => [f.name, f.phone].filter(Boolean).join(", "));
            return [
              u.code,
              u.name,
              u.kind,
              parentCode(u.parentId) ?? "",
              groups.join("; "),
              focal.join("; "),
            ];
          }),
        ),
      );
      return 0;
    });
  }
  throw usage("units import FILE | units list [--json]");
}
