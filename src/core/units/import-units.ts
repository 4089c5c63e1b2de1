import type { Actor } from "../people/actor.js";
import { noteChange } from "../storage/change-counters.js";
import type { Db } from "../storage/open-database.js";
import { appendAuditEntry } from "../storage/repositories/audit-log.js";
import {
  addFocalPersons,
  focalPersons,
  type PersonContact,
  updateContacts,
} from "../storage/repositories/people.js";
import {
  deleteGroupsExcept,
  deleteMembershipsOf,
  groupMemberships,
  insertMemberships,
  type NewUnitGroup,
  upsertGroups,
} from "../storage/repositories/unit-groups.js";
import {
  deleteUnits,
  insertUnits,
  type UnitOutline,
  unitOutlines,
  updateUnits,
} from "../storage/repositories/units.js";
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

type ExistingUnit = UnitOutline;
type IdOf = (code: string) => number;

const groupCode = (name: string) => fold(name).replace(/[^a-z0-9]+/g, "-");

// A national tree has tens of thousands of units: every write below goes a batch per statement (a
// statement per row took minutes) and every lookup is a Map (a find per row is quadratic).

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
    const report: UnitImportReport = { added: [], changed: [], removed: [], groups: 0, focalPersons: 0 };
    const before = await unitOutlines(tx);
    const idOf = await writeUnits(tx, rows, new Map(before.map((u) => [u.code, u])), at, report);
    report.removed = await removeUnits(tx, before, new Set(rows.map((r) => r.code)));
    report.groups = await writeGroups(tx, rows, idOf);
    report.focalPersons = await writeFocalPersons(tx, rows, idOf);
    await appendAuditEntry(tx, {
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

/** How far below a top unit each key stands, remembered on the way so no chain is walked twice. */
function depths<K>(keys: Iterable<K>, parentOf: (key: K) => K | null): Map<K, number> {
  const depth = new Map<K, number>();
  for (const key of keys) {
    const path: K[] = [];
    let base = -1;
    // The checked file has no cycles, so the walk ends at a top unit or at one already measured.
    for (let k: K | null = key; k !== null; k = parentOf(k)) {
      const known = depth.get(k);
      if (known !== undefined) {
        base = known;
        break;
      }
      path.push(k);
    }
    path.reverse().forEach((k, i) => {
      depth.set(k, base + 1 + i);
    });
  }
  return depth;
}

/** Adds the file's new units and updates the others in place; returns the id of each file code. */
async function writeUnits(
  tx: Db,
  rows: UnitFileRow[],
  before: Map<string, ExistingUnit>,
  at: Date,
  report: UnitImportReport,
): Promise<IdOf> {
  const ids = new Map<string, number>();
  const idOf = (code: string): number => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`unit ${code} has no id yet`); // parents are written first
    return id;
  };
  for (const [code, unit] of before) ids.set(code, unit.id);
  // New units a depth at a time, parents first, so each goes in with its parent's id (a file may
  // list children before their parent) and a first import needs no update at all.
  const parentCodeOf = new Map(rows.map((row) => [row.code, row.parentCode]));
  const fileDepth = depths(parentCodeOf.keys(), (code) => parentCodeOf.get(code) ?? null);
  const freshByDepth: UnitFileRow[][] = [];
  for (const row of rows) {
    if (before.has(row.code)) continue;
    report.added.push(row.code);
    const level = fileDepth.get(row.code) ?? 0;
    const list = freshByDepth[level];
    if (list) list.push(row);
    else freshByDepth[level] = [row];
  }
  for (const level of freshByDepth) {
    const created = await insertUnits(
      tx,
      (level ?? []).map((row) => ({
        code: row.code,
        name: row.name,
        kind: row.kind,
        parentId: row.parentCode ? idOf(row.parentCode) : null,
        updatedAt: at,
      })),
    );
    for (const unit of created) ids.set(unit.code, unit.id);
  }
  const updates: Parameters<typeof updateUnits>[1] = [];
  for (const row of rows) {
    const old = before.get(row.code);
    if (!old) continue;
    const parentId = row.parentCode ? idOf(row.parentCode) : null;
    const fields = [
      old.name !== row.name ? "name" : "",
      old.kind !== row.kind ? "kind" : "",
      old.parentId !== parentId ? "parent" : "",
    ].filter(Boolean);
    if (!fields.length) continue;
    report.changed.push({ code: row.code, fields });
    updates.push({ id: old.id, name: row.name, kind: row.kind, parentId });
  }
  await updateUnits(tx, updates, at);
  return idOf;
}

/** Removes the units the file no longer names, deepest first; returns their codes in that order. */
async function removeUnits(tx: Db, before: ExistingUnit[], inFile: Set<string>): Promise<string[]> {
  const parentOf = new Map(before.map((u) => [u.id, u.parentId]));
  const gone = before.filter((u) => !inFile.has(u.code));
  const depth = depths(
    gone.map((u) => u.id),
    (id) => parentOf.get(id) ?? null,
  );
  // A parent cannot go before its children (parent_id restricts), so the deepest go first.
  gone.sort((a, b) => (depth.get(b.id) ?? 0) - (depth.get(a.id) ?? 0));
  await deleteUnits(
    tx,
    gone.map((u) => u.id),
  );
  return gone.map((u) => u.code);
}

/** Makes the khối / cụm, their leaders and their members what the file says; returns how many. */
async function writeGroups(tx: Db, rows: UnitFileRow[], idOf: IdOf): Promise<number> {
  const names = [...new Set(rows.flatMap((r) => r.groups))];
  const leaderOf = new Map<string, string>();
  for (const row of rows) for (const name of row.leads) if (!leaderOf.has(name)) leaderOf.set(name, row.code);
  // Names that fold to one code are one group, as the last of them says (as an upsert per name did).
  const byCode = new Map<string, NewUnitGroup>();
  for (const name of names) {
    const leader = leaderOf.get(name);
    byCode.set(groupCode(name), {
      code: groupCode(name),
      name,
      kind: /^cum\b/.test(fold(name)) ? "cum" : "khoi",
      leaderUnitId: leader ? idOf(leader) : null,
    });
  }
  const groupIds = await upsertGroups(tx, [...byCode.values()]);
  // The file's set replaces what was there.
  await deleteGroupsExcept(tx, new Set(groupIds.values()));

  // Only units whose set of groups differs are rewritten, so a re-import writes next to nothing.
  const had = new Map<number, Set<number>>();
  for (const m of await groupMemberships(tx)) {
    const set = had.get(m.unitId);
    if (set) set.add(m.groupId);
    else had.set(m.unitId, new Set([m.groupId]));
  }
  const reset: number[] = [];
  const members: { groupId: number; unitId: number }[] = [];
  for (const row of rows) {
    const unitId = idOf(row.code);
    const wanted = new Set(row.groups.flatMap((g) => groupIds.get(groupCode(g)) ?? []));
    const current = had.get(unitId) ?? new Set<number>();
    if (wanted.size === current.size && [...wanted].every((g) => current.has(g))) continue;
    if (current.size) reset.push(unitId);
    for (const groupId of wanted) members.push({ groupId, unitId });
  }
  await deleteMembershipsOf(tx, reset);
  await insertMemberships(tx, members);
  return names.length;
}

/** Records each unit's focal person: its holder updated, else a person added; returns how many. */
async function writeFocalPersons(tx: Db, rows: UnitFileRow[], idOf: IdOf): Promise<number> {
  const holders = await focalPersons(tx);
  const holderOf = new Map<number, (typeof holders)[number]>();
  for (const h of holders) if (h.unitId !== null && !holderOf.has(h.unitId)) holderOf.set(h.unitId, h);
  const changed = new Map<number, PersonContact>();
  const added: { unitId: number; focal: PersonContact }[] = [];
  let count = 0;
  for (const row of rows) {
    if (!row.focal) continue;
    count++;
    const unitId = idOf(row.code);
    const holder = holderOf.get(unitId);
    if (!holder) added.push({ unitId, focal: row.focal });
    // A person holding two units' roles takes the later row, as writing each row in turn did.
    else if (
      changed.has(holder.personId) ||
      holder.name !== row.focal.name ||
      holder.phone !== row.focal.phone ||
      holder.email !== row.focal.email
    )
      changed.set(holder.personId, row.focal);
  }
  await updateContacts(tx, [...changed]);
  await addFocalPersons(tx, added);
  return count;
}
