import type { Db } from "../storage/open-database.js";
import { focalPersons } from "../storage/repositories/people.js";
import { groupLeaders, groupNamesOfUnits } from "../storage/repositories/unit-groups.js";
import { allUnits } from "../storage/repositories/units.js";
import type { UnitKind } from "./audience.js";

export interface TreeUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  /** Names of the khối / cụm thi đua the unit belongs to. */
  groups: string[];
}

/** The organisation as loaded at one moment: every unit, its groups, and who is under whom. */
export interface UnitTree {
  units: TreeUnit[];
  byId: Map<number, TreeUnit>;
  /** The unit itself and every unit below it. */
  subtreeOf(unitId: number | null): Set<number>;
}

/** Loads every unit with its groups; a national tree holds tens of thousands of units, not millions. */
export async function loadUnitTree(db: Db): Promise<UnitTree> {
  const [unitRows, memberRows] = await Promise.all([allUnits(db), groupNamesOfUnits(db)]);
  // Grouped once: a filter per unit is quadratic, minutes for a national tree of 50 000 units.
  const groupsOf = new Map<number, string[]>();
  for (const m of memberRows) {
    const names = groupsOf.get(m.unitId);
    if (names) names.push(m.name);
    else groupsOf.set(m.unitId, [m.name]);
  }
  const tree: TreeUnit[] = unitRows.map((u) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    groups: groupsOf.get(u.id) ?? [],
  }));
  const byId = new Map(tree.map((u) => [u.id, u]));
  const childrenOf = new Map<number | null, number[]>();
  for (const u of tree) {
    const children = childrenOf.get(u.parentId);
    if (children) children.push(u.id);
    else childrenOf.set(u.parentId, [u.id]);
  }
  return {
    units: tree,
    byId,
    subtreeOf(unitId) {
      if (unitId === null) return new Set(byId.keys());
      const found = new Set<number>();
      const stack = [unitId];
      while (stack.length) {
        const id = stack.pop() as number;
        if (found.has(id)) continue;
        found.add(id);
        // One at a time: spreading a unit's thousands of children into push() can overflow the stack.
        for (const child of childrenOf.get(id) ?? []) stack.push(child);
      }
      return found;
    },
  };
}

/** Who a unit's focal persons are and which khối it leads: what a unit list shows beside the tree. */
export async function unitContacts(
  db: Db,
): Promise<
  Map<number, { leads: string[]; focal: { name: string; phone: string | null; email: string | null }[] }>
> {
  const [leaders, focals] = await Promise.all([groupLeaders(db), focalPersons(db)]);
  const contacts = new Map<
    number,
    { leads: string[]; focal: { name: string; phone: string | null; email: string | null }[] }
  >();
  const entry = (id: number) => {
    let e = contacts.get(id);
    if (!e) {
      e = { leads: [], focal: [] };
      contacts.set(id, e);
    }
    return e;
  };
  for (const l of leaders) if (l.unitId !== null) entry(l.unitId).leads.push(l.name);
  for (const f of focals)
    if (f.unitId !== null) entry(f.unitId).focal.push({ name: f.name, phone: f.phone, email: f.email });
  return contacts;
}
