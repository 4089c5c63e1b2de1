import { createHash, randomInt } from "node:crypto";
import { and, count, eq, gte, isNull } from "drizzle-orm";
import { ErrorCode, ThiduaError } from "../errors.js";
import type { Db } from "../storage/open-database.js";
import { auditLog, chatIdentities, inviteCodes, people, personRoles, units } from "../storage/schema.js";
import type { Actor } from "./actor.js";
import type { Role } from "./people-store.js";

// Letters and digits that cannot be misread for one another (no 0/O, 1/I/L).
const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const codeLength = 8;
const validForMs = 7 * 24 * 60 * 60 * 1000;
// Guessing is slowed to a handful of tries per chat identity per quarter of an hour.
const maxFailures = 5;
const failureWindowMs = 15 * 60 * 1000;

/** How an invite code is kept: a hash of its letters, whatever the spacing or case it is typed in. */
function hashOf(code: string): string {
  return createHash("sha256")
    .update(code.toUpperCase().replace(/[^A-Z0-9]/g, ""))
    .digest("hex");
}

function refuse(reason: string, message: string, code: ErrorCode = ErrorCode.InputInvalid): never {
  throw new ThiduaError(code, message, { messageKey: `errors.invite_${reason}` });
}

/** May this actor invite someone to this role at this unit? Administrators anywhere; officers below them. */
function mayInvite(actor: Actor, unitId: number, role: Role, subtreeOf: (id: number | null) => Set<number>) {
  if (role === "admin") return actor.roles.some((r) => r.role === "admin");
  return actor.roles.some(
    (r) => r.role === "admin" || (r.role === "officer" && subtreeOf(r.unitId).has(unitId)),
  );
}

/** Makes a fresh single-use code that links a chat identity to a role at a unit; it expires in 7 days. */
export async function createInvite(
  db: Db,
  by: Actor,
  invite: { unitId: number; role: Role },
  at: Date,
  subtreeOf: (id: number | null) => Set<number>,
): Promise<{ code: string; expiresAt: Date }> {
  if (!mayInvite(by, invite.unitId, invite.role, subtreeOf))
    refuse("forbidden", "may not invite", ErrorCode.Forbidden);
  const letters = Array.from({ length: codeLength }, () => alphabet[randomInt(alphabet.length)]).join("");
  const code = `${letters.slice(0, 4)}-${letters.slice(4)}`;
  const expiresAt = new Date(at.getTime() + validForMs);
  await db.insert(inviteCodes).values({
    codeHash: hashOf(code),
    unitId: invite.unitId,
    role: invite.role,
    createdByPersonId: by.personId,
    expiresAt,
  });
  await db.insert(auditLog).values({
    at,
    actorPersonId: by.personId,
    platform: by.platform,
    action: "invite.create",
    entity: "unit",
    entityId: String(invite.unitId),
    details: { role: invite.role, expiresAt: expiresAt.toISOString() },
  });
  return { code, expiresAt };
}

/**
 * Links the sender's chat identity with the code's role at its unit: a focal code to the unit's focal
 * person (so one person can link several platforms), an officer code to a new person.
 */
export async function redeemInvite(
  db: Db,
  sender: Actor,
  code: string,
  at: Date,
): Promise<{ unitName: string; role: Role }> {
  const identityId = sender.identityId;
  if (identityId === null) refuse("no_identity", "only a chat identity can redeem an invite");
  const since = new Date(at.getTime() - failureWindowMs);
  const [tries] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "invite.failed"),
        eq(auditLog.entity, "chat_identity"),
        eq(auditLog.entityId, String(identityId)),
        gte(auditLog.at, since),
      ),
    );
  if ((tries?.n ?? 0) >= maxFailures) refuse("rate_limited", "too many wrong codes", ErrorCode.Forbidden);
  const [invite] = await db
    .select({
      id: inviteCodes.id,
      unitId: inviteCodes.unitId,
      role: inviteCodes.role,
      expiresAt: inviteCodes.expiresAt,
      usedAt: inviteCodes.usedAt,
      unitName: units.name,
    })
    .from(inviteCodes)
    .innerJoin(units, eq(units.id, inviteCodes.unitId))
    .where(eq(inviteCodes.codeHash, hashOf(code)));
  const problem = !invite
    ? "unknown"
    : invite.usedAt
      ? "used"
      : new Date(invite.expiresAt) <= at
        ? "expired"
        : null;
  if (problem || !invite) {
    await db.insert(auditLog).values({
      at,
      actorPersonId: sender.personId,
      platform: sender.platform,
      action: "invite.failed",
      entity: "chat_identity",
      entityId: String(identityId),
      details: { reason: problem },
    });
    refuse(problem ?? "unknown", `invite code ${problem}`);
  }
  return db.transaction(async (tx) => {
    // Single use even when two people type the same code at once: only one update finds it unused.
    const [claimed] = await tx
      .update(inviteCodes)
      .set({ usedAt: at, usedByIdentityId: identityId })
      .where(and(eq(inviteCodes.id, invite.id), isNull(inviteCodes.usedAt)))
      .returning({ id: inviteCodes.id });
    if (!claimed) refuse("used", "invite code used");
    // A unit has one focal person (the unit file names them): every platform they link is theirs.
    // An officer invite is for someone new: a unit may have several officers.
    const [holder] =
      invite.role === "focal"
        ? await tx
            .select({ personId: personRoles.personId })
            .from(personRoles)
            .where(and(eq(personRoles.unitId, invite.unitId), eq(personRoles.role, "focal")))
            .orderBy(personRoles.id)
            .limit(1)
        : [];
    let personId = holder?.personId;
    if (personId === undefined) {
      const [person] = await tx.insert(people).values({ name: invite.unitName }).returning({ id: people.id });
      personId = person?.id as number;
      await tx.insert(personRoles).values({ personId, role: invite.role, unitId: invite.unitId });
    }
    await tx.update(chatIdentities).set({ personId }).where(eq(chatIdentities.id, identityId));
    await tx.insert(auditLog).values({
      at,
      actorPersonId: personId,
      platform: sender.platform,
      action: "invite.redeem",
      entity: "chat_identity",
      entityId: String(identityId),
      details: { unitId: invite.unitId, role: invite.role },
    });
    return { unitName: invite.unitName, role: invite.role };
  });
}
