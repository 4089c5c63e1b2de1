import { createHash, randomInt } from "node:crypto";
import { ErrorCode, ThiduaError } from "../errors.js";
import type { Db } from "../storage/open-database.js";
import { appendAuditEntry, countAuditEntriesSince } from "../storage/repositories/audit-log.js";
import { linkIdentity } from "../storage/repositories/identities.js";
import { claimInviteCode, findInviteByHash, insertInviteCode } from "../storage/repositories/invite-codes.js";
import { addPersonWithRole, firstFocalPersonOf, type Role } from "../storage/repositories/people.js";
import type { Actor } from "./actor.js";

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
  await insertInviteCode(db, {
    codeHash: hashOf(code),
    unitId: invite.unitId,
    role: invite.role,
    createdByPersonId: by.personId,
    expiresAt,
  });
  await appendAuditEntry(db, {
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
  const tries = await countAuditEntriesSince(
    db,
    { action: "invite.failed", entity: "chat_identity", entityId: String(identityId) },
    since,
  );
  if (tries >= maxFailures) refuse("rate_limited", "too many wrong codes", ErrorCode.Forbidden);
  const invite = await findInviteByHash(db, hashOf(code));
  const problem = !invite
    ? "unknown"
    : invite.usedAt
      ? "used"
      : new Date(invite.expiresAt) <= at
        ? "expired"
        : null;
  if (problem || !invite) {
    await appendAuditEntry(db, {
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
    // Single use even when two people type the same code at once: only one claim finds it unused.
    if (!(await claimInviteCode(tx, invite.id, { identityId, at }))) refuse("used", "invite code used");
    // A unit has one focal person (the unit file names them): every platform they link is theirs.
    // An officer invite is for someone new: a unit may have several officers.
    let personId = invite.role === "focal" ? await firstFocalPersonOf(tx, invite.unitId) : undefined;
    if (personId === undefined) {
      personId = await addPersonWithRole(tx, {
        name: invite.unitName,
        role: invite.role,
        unitId: invite.unitId,
      });
    }
    await linkIdentity(tx, identityId, personId);
    await appendAuditEntry(tx, {
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
