import { addDays, type IsoDay } from "../deadlines/calendar-days.js";
import { ErrorCode, ThiduaError } from "../errors.js";
import type { Actor } from "../people/actor.js";
import type { PublishedKnowledge } from "../plans/published-plans.js";
import type { Db } from "../storage/open-database.js";
import {
  amendRegistration,
  deleteDraft,
  draftCount,
  draftOf,
  insertRegistration,
  type RegistrationRow,
  type RegistrationStatus,
  registrationById,
  registrationOf,
  registrationsOfYear,
  reviewRegistrationRow,
  saveDraft,
} from "../storage/repositories/registrations.js";
import {
  insertOutboxRows,
  otherIdentitiesOf,
  reminderRecipients,
} from "../storage/repositories/reminders.js";
import { upsertSubmission } from "../storage/repositories/submissions.js";
import { unitsActorMay } from "../submissions/authorise.js";
import { fold } from "../text/fold.js";
import { unitsOfTask } from "../units/task-units.js";
import { loadUnitTree, type UnitTree } from "../units/unit-tree.js";
import { type Registration, registrationSchema } from "./registration.js";
import { type FlowContext, type FlowTurn, flowStateSchema, registrationTurn } from "./registration-flow.js";
import type { Peers, RegistrationRule } from "./registration-rules.js";

/** The school year a day falls in: from August, the year that starts then ("2025-2026" from 01/08/2025). */
export function schoolYearOf(today: IsoDay): string {
  const year = Number(today.slice(0, 4));
  const first = Number(today.slice(5, 7)) >= 8 ? year : year - 1;
  return `${first}-${first + 1}`;
}

/** Whether a task is the one by which units register their emulation titles ("Gửi bản đăng ký thi đua …"). */
export const isRegistrationTask = (text: string) => /\bdang ky\b.*\b(thi dua|danh hieu)\b/.test(fold(text));

/** The published task by which units register their titles for a school year, for this unit. */
function registrationTask(world: RegistrationWorld, unitId: number, schoolYear: string) {
  const { knowledge, tree } = world;
  const start = `${schoolYear.slice(0, 4)}-08-01`;
  const end = addDays(`${schoolYear.slice(5, 9)}-08-01`, -1);
  const issuerOf = new Map(knowledge.plans.map((p) => [p.id, p]));
  return knowledge.tasks
    .filter(
      (t) =>
        t.requiresSubmission && t.dueOn && t.dueOn >= start && t.dueOn <= end && isRegistrationTask(t.text),
    )
    .filter((t) => unitsOfTask(tree, t, issuerOf.get(t.planId)?.issuer ?? null).some((u) => u.id === unitId))
    .sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""))
    .map((t) => ({ task: t, plan: issuerOf.get(t.planId) }))[0];
}

const parsedRegistration = (row: RegistrationRow | undefined) =>
  row ? registrationSchema.safeParse(row.payload).data : undefined;

/** The published plans, the unit tree and the rules in force, as the caller keeps them between messages. */
export interface RegistrationWorld {
  knowledge: PublishedKnowledge;
  tree: UnitTree;
  /** The built-in rules when not given. */
  rules?: readonly RegistrationRule[] | undefined;
}

/** The units under a unit's parent, and how many of the others registered each collective title this year. */
async function peersOf(db: Db, tree: UnitTree, unitId: number, schoolYear: string): Promise<Peers> {
  const parentId = tree.byId.get(unitId)?.parentId ?? null;
  const siblings = new Set(tree.units.filter((u) => (u.parentId ?? null) === parentId).map((u) => u.id));
  const registered: Peers["registered"] = {};
  for (const { row } of await registrationsOfYear(db, schoolYear)) {
    // A returned registration is being corrected: its titles still stand until it is amended.
    if (row.unitId === unitId || !siblings.has(row.unitId)) continue;
    for (const title of parsedRegistration(row)?.collective ?? [])
      registered[title] = (registered[title] ?? 0) + 1;
  }
  return { units: siblings.size, registered };
}

/** What the flow needs to know of the person and the plans in force. */
function flowContext(db: Db, actor: Actor, today: IsoDay, world: RegistrationWorld): FlowContext {
  const { tree } = world;
  const units = actor.roles
    .filter((r) => r.role === "focal" && r.unitId !== null)
    .map((r) => {
      const unit = tree.byId.get(r.unitId ?? -1);
      const parent = unit?.parentId ? tree.byId.get(unit.parentId) : undefined;
      return { id: r.unitId ?? -1, name: unit?.name ?? r.unitName ?? "", underSo: parent?.kind === "so" };
    });
  const currentYear = schoolYearOf(today);
  const only = units.length === 1 ? units[0] : undefined;
  const found = only ? registrationTask(world, only.id, currentYear) : undefined;
  return {
    units,
    currentYear,
    today,
    deadline:
      found?.task.dueOn !== undefined && found.task.dueOn !== null
        ? { dueOn: found.task.dueOn, plan: found.plan?.number ?? found.plan?.title ?? "" }
        : undefined,
    lastYear: async (unitId, year) => {
      const previous = `${Number(year.slice(0, 4)) - 1}-${year.slice(0, 4)}`;
      return parsedRegistration(await registrationOf(db, unitId, previous));
    },
    existing: async (unitId, year) => {
      const row = await registrationOf(db, unitId, year);
      const registration = parsedRegistration(row);
      return row && registration ? { id: row.id, registration } : undefined;
    },
    ...(world.rules ? { rules: world.rules } : {}),
    // Read only when a rule needs them: a share of the parent's units.
    ...(world.rules?.some((r) => r.check.kind === "collective_share")
      ? { peers: (unitId: number, year: string) => peersOf(db, tree, unitId, year) }
      : {}),
  };
}

/** Whether a person has a registration in progress (their messages then answer it). */
export async function hasRegistrationDraft(db: Db, personId: number): Promise<boolean> {
  return (await draftOf(db, personId)) !== undefined;
}

/** How many registrations are in progress: a cache key, so a message need not look for its sender's. */
export async function registrationDraftCount(db: Db): Promise<string> {
  return String(await draftCount(db));
}

/** A finished turn, with what was stored. */
export interface RegistrationTurn extends FlowTurn {
  stored?: { row: RegistrationRow; amended: boolean } | undefined;
}

/**
 * One message of a person's registration conversation: starts one (`start`), or answers the step
 * their stored draft is at; the draft is saved after every step, so a restart, a day's pause or a
 * switch of platform resumes it. On confirmation the registration is stored (or amends the unit's),
 * the plan's registration task is marked handed in for the unit and its officers are told.
 */
export async function takeRegistrationTurn(
  db: Db,
  actor: Actor,
  text: string,
  at: { now: Date; today: IsoDay },
  start: boolean,
  world: RegistrationWorld,
): Promise<RegistrationTurn | null> {
  const personId = actor.personId;
  if (personId === null) return null;
  const draft = await draftOf(db, personId);
  if (!draft && !start) return null;
  const ctx = flowContext(db, actor, at.today, world);
  // A draft that no longer reads (an older shape) starts over rather than failing.
  const previous = draft && !start ? (flowStateSchema.safeParse(draft.state).data ?? null) : null;
  const turn = await registrationTurn(previous, start ? "" : text, ctx);
  if (!turn.finished) {
    if (turn.state) await saveDraft(db, personId, turn.state.unit?.id ?? null, turn.state, at.now);
    else await deleteDraft(db, personId);
    return turn;
  }
  const registration = turn.finished;
  const amends = previous?.amends;
  let stored: RegistrationTurn["stored"];
  if (amends !== undefined) {
    const row = await amendRegistration(db, amends, {
      payload: registration,
      submittedByPersonId: personId,
      submittedAt: at.now,
    });
    if (row) stored = { row, amended: true };
  }
  if (!stored) {
    try {
      const row = await insertRegistration(db, {
        unitId: registration.unitId,
        schoolYear: registration.schoolYear,
        payload: registration,
        submittedByPersonId: personId,
        submittedAt: at.now,
      });
      stored = { row, amended: false };
    } catch (error) {
      // Someone else of the unit confirmed first: this person is told, and offered to amend theirs.
      if (!(error instanceof ThiduaError) || error.code !== ErrorCode.Conflict) throw error;
      const state = {
        ...(previous ?? flowStateSchema.parse({ step: "summary", history: [] })),
        offer: "amend" as const,
      };
      await saveDraft(db, personId, registration.unitId, state, at.now);
      return {
        state,
        say: [{ key: "registration.takenMeanwhile", params: { year: registration.schoolYear } }],
        problems: [],
        choices: [
          { id: "/co", key: "registration.choices.yes" },
          { id: "/khong", key: "registration.choices.no" },
        ],
      };
    }
  }
  await deleteDraft(db, personId);
  const found = registrationTask(world, registration.unitId, registration.schoolYear);
  if (found)
    await upsertSubmission(
      db,
      { taskId: found.task.id, unitId: registration.unitId },
      { status: "da_nop", submittedAt: at.now, submittedByPersonId: personId, updatedAt: at.now },
    );
  await tellOfficers(db, world.tree, registration, stored.row, stored.amended, at.now);
  return { ...turn, stored, say: [{ key: stored.amended ? "registration.amended" : "registration.stored" }] };
}

/** Queues a message to each officer over the unit: a registration came in (or was amended). */
async function tellOfficers(
  db: Db,
  tree: UnitTree,
  registration: Registration,
  row: RegistrationRow,
  amended: boolean,
  now: Date,
): Promise<void> {
  const officers = (await reminderRecipients(db)).filter(
    (r) =>
      r.role === "officer" &&
      r.unitId !== null &&
      r.unitId !== registration.unitId &&
      tree.subtreeOf(r.unitId).has(registration.unitId),
  );
  // One message per officer, through the account they used last.
  const byPerson = new Map<number, (typeof officers)[number]>();
  for (const o of officers) {
    const kept = byPerson.get(o.personId);
    if (!kept || (o.lastSeenAt?.getTime() ?? 0) > (kept.lastSeenAt?.getTime() ?? 0))
      byPerson.set(o.personId, o);
  }
  await insertOutboxRows(
    db,
    [...byPerson.values()].map((o) => ({
      idempotencyKey: `g:${row.id}:${row.version}:${o.personId}`,
      kind: "registration" as const,
      unitId: null,
      personId: o.personId,
      identityId: o.identityId,
      platform: o.platform,
      payload: {
        kind: "registration",
        registrationId: row.id,
        unit: registration.unitName,
        schoolYear: registration.schoolYear,
        amended,
      },
      dueAt: now,
    })),
  );
}

/** An officer approves or returns a unit's registration (only of units below them). */
export async function reviewRegistration(
  db: Db,
  actor: Actor,
  id: number,
  status: Extract<RegistrationStatus, "approved" | "returned">,
  note: string | null,
  now: Date,
): Promise<RegistrationRow> {
  const row = await registrationById(db, id);
  if (!row)
    throw new ThiduaError(ErrorCode.NotFound, `no registration ${id}`, {
      messageKey: "errors.registration_not_found",
      params: { id },
    });
  const tree = await loadUnitTree(db);
  if (!unitsActorMay(actor, tree, "review").has(row.unitId))
    throw new ThiduaError(ErrorCode.Forbidden, `may not review registration ${id}`, {
      messageKey: "errors.forbidden",
    });
  if (status === "returned" && !note?.trim())
    throw new ThiduaError(ErrorCode.InputInvalid, "a returned registration needs a note", {
      messageKey: "errors.registration_note_required",
    });
  const reviewed = await reviewRegistrationRow(db, id, {
    status,
    reviewedByPersonId: actor.personId,
    reviewedAt: now,
    reviewNote: note?.trim() || null,
  });
  if (!reviewed) throw new Error("review returned no row");
  // The person who sent it is told, on the account they used last.
  const submitter = reviewed.submittedByPersonId;
  const [account] = submitter === null ? [] : await otherIdentitiesOf(db, submitter, null);
  const registration = parsedRegistration(reviewed);
  if (account && submitter !== null && registration)
    await insertOutboxRows(db, [
      {
        idempotencyKey: `v:${id}:${reviewed.version}:${status}`,
        kind: "registration",
        personId: submitter,
        identityId: account.id,
        platform: account.platform,
        payload: {
          kind: "registration",
          registrationId: id,
          unit: registration.unitName,
          schoolYear: registration.schoolYear,
          amended: false,
          review: { status, note: reviewed.reviewNote },
        },
        dueAt: now,
      },
    ]);
  return reviewed;
}

/** One registration with its payload read, if it exists and reads. */
export async function registrationOfId(db: Db, id: number) {
  const row = await registrationById(db, id);
  const registration = parsedRegistration(row);
  return row && registration ? { row, registration } : undefined;
}

/** A school year's registrations with their units, for an officer's list or workbook. */
export async function registrationsOfSchoolYear(db: Db, schoolYear: string) {
  const rows = await registrationsOfYear(db, schoolYear);
  return rows.flatMap(({ row }) => {
    const registration = parsedRegistration(row);
    return registration ? [{ row, registration }] : [];
  });
}
