import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Actor } from "../people/actor.js";
import { noteChange } from "../storage/change-counters.js";
import type { Db } from "../storage/open-database.js";
import { auditLog, people, personRoles, unitGroupMembers, unitGroups, units } from "../storage/schema.js";
import { fold } from "../text/fold.js";
import type { UnitFileRow } from "./unit-file.js";

/** What an import did to the tree: codes added and removed, and what changed in the others. */
export interface UnitImportReport {
  added: string[];
  changed: { code: string; fields: string[] }[];
  removed: string[];
  groups: number;
  focalPersons: number;
}

const groupCode = (name: string) => fold(name).replace(/[^a-z0-9]+/g, "-");

/**
 * Makes the organisation tree what a checked unit file says, in one transaction: units by code are
 * added, updated in place or removed; khối / cụm and their leaders replaced; focal persons recorded.
 */
export async function importUnits(
  db: Db,
  rows: UnitFileRow[],
  by: Actor,
  at: Date,
): Promise<UnitImportReport> {
  const report = await db.transaction(async (tx) => {
    const before = await tx.select().from(units);
    const byCode = new Map(before.map((u) => [u.code, u]));
    const report: UnitImportReport = { added: [], changed: [], removed: [], groups: 0, focalPersons: 0 };
    const idOf = new Map<string, number>();
    for (const row of rows) {
      const old = byCode.get(row.code);
      if (!old) {
        const [created] = await tx
          .insert(units)
          .values({ code: row.code, name: row.name, kind: row.kind })
          .returning({ id: units.id });
        if (created) idOf.set(row.code, created.id);
        report.added.push(row.code);
        continue;
      }
      idOf.set(row.code, old.id);
      const fields = [old.name !== row.name ? "name" : "", old.kind !== row.kind ? "kind" : ""].filter(
        Boolean,
      );
      if (fields.length)
        await tx
          .update(units)
          .set({ name: row.name, kind: row.kind, updatedAt: at })
          .where(eq(units.id, old.id));
      if (fields.length) report.changed.push({ code: row.code, fields });
    }
    // Parents once every unit exists, so a file may list children before their parent.
    for (const row of rows) {
      const id = idOf.get(row.code) as number;
      const parentId = row.parentCode ? (idOf.get(row.parentCode) ?? null) : null;
      const old = byCode.get(row.code);
      if (old && old.parentId === parentId) continue;
      await tx.update(units).set({ parentId, updatedAt: at }).where(eq(units.id, id));
      const entry = report.changed.find((c) => c.code === row.code);
      if (old && entry) entry.fields.push("parent");
      else if (old) report.changed.push({ code: row.code, fields: ["parent"] });
    }
    // Units the file no longer names, deepest first (a parent cannot go before its children).
    const gone = before.filter((u) => !idOf.has(u.code));
    const depth = (u: (typeof before)[number]): number => {
      let d = 0;
      for (let p = u.parentId; p !== null; p = before.find((x) => x.id === p)?.parentId ?? null) d++;
      return d;
    };
    for (const unit of gone.sort((a, b) => depth(b) - depth(a))) {
      await tx.delete(units).where(eq(units.id, unit.id));
      report.removed.push(unit.code);
    }
    // Khối / cụm: the file's set replaces what was there.
    const groupNames = [...new Set(rows.flatMap((r) => r.groups))];
    const groupIds = new Map<string, number>();
    for (const name of groupNames) {
      const leader = rows.find((r) => r.leads.includes(name));
      const values = {
        code: groupCode(name),
        name,
        kind: /^cum\b/.test(fold(name)) ? "cum" : "khoi",
        leaderUnitId: leader ? (idOf.get(leader.code) ?? null) : null,
      };
      const [group] = await tx
        .insert(unitGroups)
        .values(values)
        .onConflictDoUpdate({ target: unitGroups.code, set: values })
        .returning({ id: unitGroups.id });
      if (group) groupIds.set(name, group.id);
    }
    const keep = [...groupIds.values()];
    await tx.delete(unitGroups).where(keep.length ? notInArray(unitGroups.id, keep) : undefined);
    if (keep.length) await tx.delete(unitGroupMembers).where(inArray(unitGroupMembers.groupId, keep));
    const members = rows.flatMap((r) =>
      r.groups.map((g) => ({ groupId: groupIds.get(g) as number, unitId: idOf.get(r.code) as number })),
    );
    if (members.length) await tx.insert(unitGroupMembers).values(members);
    report.groups = groupNames.length;
    // Focal persons: the one already holding the unit's focal role is updated, else one is added.
    for (const row of rows) {
      if (!row.focal) continue;
      const unitId = idOf.get(row.code) as number;
      const [holder] = await tx
        .select({ personId: personRoles.personId })
        .from(personRoles)
        .where(and(eq(personRoles.unitId, unitId), eq(personRoles.role, "focal")))
        .limit(1);
      if (holder) {
        await tx.update(people).set(row.focal).where(eq(people.id, holder.personId));
      } else {
        const [person] = await tx.insert(people).values(row.focal).returning({ id: people.id });
        if (person) await tx.insert(personRoles).values({ personId: person.id, role: "focal", unitId });
      }
      report.focalPersons++;
    }
    await tx.insert(auditLog).values({
      at,
      actorPersonId: by.personId,
      platform: by.platform,
      action: "units.import",
      entity: "units",
      details: { added: report.added, changed: report.changed, removed: report.removed },
    });
    return report;
  });
  noteChange(db, "units");
  return report;
}
