import { eq, inArray, sql } from "drizzle-orm";
import { inBatches } from "../in-batches.js";
import type { Db } from "../open-database.js";
import { unitGroupMembers, unitGroups } from "../schema.js";

export type NewUnitGroup = typeof unitGroups.$inferInsert;
export type GroupMembership = typeof unitGroupMembers.$inferSelect;

/** Adds or updates khối / cụm by code, a batch per statement; returns the id of each code. */
export async function upsertGroups(db: Db, groups: NewUnitGroup[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const batch of inBatches(groups)) {
    const upserted = await db
      .insert(unitGroups)
      .values(batch)
      .onConflictDoUpdate({
        target: unitGroups.code,
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          leaderUnitId: sql`excluded.leader_unit_id`,
        },
      })
      .returning({ id: unitGroups.id, code: unitGroups.code });
    for (const group of upserted) ids.set(group.code, group.id);
  }
  return ids;
}

/** Removes every group whose id is not kept, with its memberships. */
export async function deleteGroupsExcept(db: Db, keep: Set<number>): Promise<void> {
  const stale = (await db.select({ id: unitGroups.id }).from(unitGroups))
    .map((g) => g.id)
    .filter((id) => !keep.has(id));
  for (const batch of inBatches(stale)) await db.delete(unitGroups).where(inArray(unitGroups.id, batch));
}

/** Every membership of a unit in a group. */
export async function groupMemberships(db: Db): Promise<GroupMembership[]> {
  return db.select().from(unitGroupMembers);
}

/** Takes these units out of every group, a batch per statement. */
export async function deleteMembershipsOf(db: Db, unitIds: number[]): Promise<void> {
  for (const batch of inBatches(unitIds))
    await db.delete(unitGroupMembers).where(inArray(unitGroupMembers.unitId, batch));
}

/** Puts units in groups, a batch per statement. */
export async function insertMemberships(db: Db, rows: GroupMembership[]): Promise<void> {
  for (const batch of inBatches(rows)) await db.insert(unitGroupMembers).values(batch);
}

/** Each unit's group names, by group name. */
export async function groupNamesOfUnits(db: Db): Promise<{ unitId: number; name: string }[]> {
  return db
    .select({ unitId: unitGroupMembers.unitId, name: unitGroups.name })
    .from(unitGroupMembers)
    .innerJoin(unitGroups, eq(unitGroups.id, unitGroupMembers.groupId))
    .orderBy(unitGroups.name);
}

/** The leader unit of each group, by group name. */
export async function groupLeaders(db: Db): Promise<{ unitId: number | null; name: string }[]> {
  return db
    .select({ unitId: unitGroups.leaderUnitId, name: unitGroups.name })
    .from(unitGroups)
    .orderBy(unitGroups.name);
}
