import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { deadlineKinds } from "../deadlines/types.js";

// Text columns with CHECK constraints rather than pg enums: enums are schema-qualified types that
// make every later value change a migration of its own.
const id = () => integer().primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export const unitKinds = [
  "so",
  "phong",
  "truc_thuoc",
  "mam_non",
  "tieu_hoc",
  "thcs",
  "thpt",
  "lien_cap",
  "gdtx",
  "other",
] as const;
export const roles = ["officer", "focal", "admin"] as const;
export const planStatuses = ["draft", "published", "archived"] as const;
export const submissionStatuses = ["chua_nop", "da_nop", "da_tiep_nhan", "can_bo_sung"] as const;
export const outboxStates = ["pending", "sending", "sent", "failed", "dead", "skipped"] as const;
// "notice": shown on the person's next message (a dossier returned); the others are pushed by the
// dispatcher (src/core/reminders).
export const outboxKinds = [
  "notice",
  "reminder",
  "overdue",
  "digest",
  "officer_summary",
  "non_submitters",
  "one_off",
  "snoozed",
  "registration",
  "draft",
] as const;
export const registrationStatuses = ["submitted", "approved", "returned"] as const;

export const units = pgTable(
  "units",
  {
    id: id(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text({ enum: unitKinds }).notNull(),
    parentId: integer().references((): AnyPgColumn => units.id, { onDelete: "restrict" }),
    aliases: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [index("units_parent_idx").on(t.parentId), check("units_kind_check", inList("kind", unitKinds))],
);

export const unitGroups = pgTable("unit_groups", {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  // khoi / cum thi đua, or a category such as "các phòng GDĐT".
  kind: text().notNull(),
  leaderUnitId: integer().references(() => units.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const unitGroupMembers = pgTable(
  "unit_group_members",
  {
    groupId: integer()
      .notNull()
      .references(() => unitGroups.id, { onDelete: "cascade" }),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] }), index("unit_group_members_unit_idx").on(t.unitId)],
);

export const people = pgTable("people", {
  id: id(),
  name: text().notNull(),
  phone: text(),
  email: text(),
  // Where reminders go first ("telegram", "zalo-oa" …); the most recently used account otherwise.
  reminderPlatform: text(),
  // The weekly digest can be muted; deadline reminders cannot.
  digestMuted: boolean().notNull().default(false),
  createdAt: createdAt(),
});

export const personRoles = pgTable(
  "person_roles",
  {
    id: id(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: text({ enum: roles }).notNull(),
    // Officers see this unit and everything below it; a focal person speaks for this one unit.
    unitId: integer().references(() => units.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("person_roles_unique").on(t.personId, t.role, t.unitId).nullsNotDistinct(),
    index("person_roles_unit_idx").on(t.unitId),
    check("person_roles_role_check", inList("role", roles)),
  ],
);

export const chatIdentities = pgTable(
  "chat_identities",
  {
    id: id(),
    platform: text().notNull(),
    externalId: text().notNull(),
    personId: integer().references(() => people.id, { onDelete: "set null" }),
    displayName: text(),
    locale: text().notNull().default("vi"),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("chat_identities_platform_external_unique").on(t.platform, t.externalId),
    index("chat_identities_person_idx").on(t.personId),
  ],
);

export const inviteCodes = pgTable(
  "invite_codes",
  {
    id: id(),
    // Only a hash is kept, so a database leak does not hand out working codes.
    codeHash: text().notNull().unique(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    role: text({ enum: roles }).notNull(),
    createdByPersonId: integer().references(() => people.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    usedByIdentityId: integer().references(() => chatIdentities.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  () => [check("invite_codes_role_check", inList("role", roles))],
);

export const plans = pgTable(
  "plans",
  {
    id: id(),
    // "4582/KH-SGDĐT"; empty for a notice that carries no number.
    number: text(),
    docKind: text(),
    issuer: text(),
    place: text(),
    issuedOn: date({ mode: "string" }),
    title: text(),
    schoolYear: text(),
    signer: text(),
    sourceName: text().notNull(),
    // Importing the same bytes twice finds this row instead of making a second plan.
    sourceHash: text().notNull().unique(),
    status: text({ enum: planStatuses }).notNull().default("draft"),
    rolledFromPlanId: integer().references((): AnyPgColumn => plans.id, { onDelete: "set null" }),
    extraction: jsonb(),
    createdAt: createdAt(),
    publishedAt: timestamp({ withTimezone: true }),
    archivedAt: timestamp({ withTimezone: true }),
    // Counts an officer's corrections of a stored plan (a task's audience): answers must reload it.
    revision: integer().notNull().default(0),
    // Reminders: paused by an officer, and this plan's changes to the configured policy.
    remindersPausedAt: timestamp({ withTimezone: true }),
    reminderPolicy: jsonb(),
  },
  (t) => [
    index("plans_status_idx").on(t.status),
    check("plans_status_check", inList("status", planStatuses)),
  ],
);

export const planSections = pgTable(
  "plan_sections",
  {
    id: id(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    parentId: integer().references((): AnyPgColumn => planSections.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    numbering: text(),
    heading: text().notNull(),
    body: text().notNull().default(""),
    line: integer(),
  },
  (t) => [unique("plan_sections_position_unique").on(t.planId, t.position)],
);

export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    sectionId: integer().references(() => planSections.id, { onDelete: "set null" }),
    // "appendix" (a timeline row) or "text" (a sentence in the body).
    source: text().notNull(),
    row: integer(),
    line: integer(),
    text: text().notNull(),
    responsible: text(),
    coordinating: text(),
    // Resolved unit kinds and groups; an officer may override it per task.
    audience: jsonb(),
    audienceOverride: jsonb(),
    deadlineRaw: text(),
    deadlineKind: text({ enum: deadlineKinds }),
    startOn: date({ mode: "string" }),
    dueOn: date({ mode: "string" }),
    // Why a deadline could not be read, shown to the officer at review.
    deadlineWarning: text(),
    requiresSubmission: boolean().notNull().default(false),
    // This task's changes to its plan's reminder policy.
    reminderPolicy: jsonb(),
  },
  (t) => [
    index("tasks_due_idx").on(t.dueOn),
    index("tasks_plan_idx").on(t.planId),
    check(
      "tasks_deadline_kind_check",
      sql`deadline_kind is null or ${inList("deadline_kind", deadlineKinds)}`,
    ),
    check("tasks_range_check", sql`start_on is null or due_on is null or start_on <= due_on`),
  ],
);

export const requirements = pgTable(
  "requirements",
  {
    id: id(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    taskId: integer().references(() => tasks.id, { onDelete: "set null" }),
    name: text().notNull(),
    copies: text(),
    format: text(),
    fileNamePattern: text(),
    line: integer(),
  },
  (t) => [index("requirements_plan_idx").on(t.planId)],
);

export const requirementItems = pgTable(
  "requirement_items",
  {
    id: id(),
    requirementId: integer()
      .notNull()
      .references(() => requirements.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    text: text().notNull(),
    copies: text(),
    format: text(),
  },
  (t) => [unique("requirement_items_position_unique").on(t.requirementId, t.position)],
);

export const channels = pgTable(
  "channels",
  {
    id: id(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    // "email", "system" (vnptioffice.vn …), "file_name_rule", "address".
    kind: text().notNull(),
    value: text().notNull(),
    context: text(),
    // Whom the channel is for, as the plan words it ("Cấp mầm non"), read like a task's units.
    audience: text(),
    // How an e-mail's subject is written ("[TĐ 20-11] Tên trường – Tên hồ sơ").
    subjectRule: text(),
    line: integer(),
  },
  (t) => [index("channels_plan_idx").on(t.planId)],
);

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    name: text().notNull(),
    title: text(),
    phone: text(),
    email: text(),
    scope: text(),
    line: integer(),
  },
  (t) => [index("contacts_plan_idx").on(t.planId)],
);

export const submissions = pgTable(
  "submissions",
  {
    id: id(),
    taskId: integer()
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    status: text({ enum: submissionStatuses }).notNull().default("chua_nop"),
    submittedAt: timestamp({ withTimezone: true }),
    submittedByPersonId: integer().references(() => people.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedByPersonId: integer().references(() => people.id, { onDelete: "set null" }),
    note: text(),
    updatedAt: createdAt(),
  },
  (t) => [
    unique("submissions_task_unit_unique").on(t.taskId, t.unitId),
    index("submissions_unit_status_idx").on(t.unitId, t.status),
    check("submissions_status_check", inList("status", submissionStatuses)),
  ],
);

export const conversationStates = pgTable("conversation_states", {
  identityId: integer()
    .primaryKey()
    .references(() => chatIdentities.id, { onDelete: "cascade" }),
  flow: text().notNull(),
  step: text().notNull(),
  data: jsonb().notNull().default({}),
  updatedAt: createdAt(),
});

// A unit's registration of emulation titles for a school year: one per unit and year (a second is an
// amendment of the first), its validated payload, and the officer's review.
export const registrations = pgTable(
  "registrations",
  {
    id: id(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    schoolYear: text().notNull(),
    payload: jsonb().notNull(),
    status: text({ enum: registrationStatuses }).notNull().default("submitted"),
    submittedByPersonId: integer().references(() => people.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    reviewedByPersonId: integer().references(() => people.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewNote: text(),
    // Counts amendments: a review names the version it saw.
    version: integer().notNull().default(1),
  },
  (t) => [
    unique("registrations_unit_year_unique").on(t.unitId, t.schoolYear),
    check("registrations_status_check", inList("status", registrationStatuses)),
  ],
);

// A registration in progress, kept per person (not per chat account), so a person who starts on
// Telegram finishes on Zalo; stored after every step.
export const registrationDrafts = pgTable("registration_drafts", {
  personId: integer()
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  unitId: integer().references(() => units.id, { onDelete: "cascade" }),
  state: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  remindedAt: timestamp({ withTimezone: true }),
});

export const reminderOutbox = pgTable(
  "reminder_outbox",
  {
    id: id(),
    idempotencyKey: text().notNull().unique(),
    taskId: integer().references(() => tasks.id, { onDelete: "cascade" }),
    unitId: integer().references(() => units.id, { onDelete: "cascade" }),
    identityId: integer().references(() => chatIdentities.id, { onDelete: "set null" }),
    personId: integer().references(() => people.id, { onDelete: "cascade" }),
    platform: text().notNull(),
    kind: text({ enum: outboxKinds }).notNull().default("notice"),
    payload: jsonb().notNull(),
    state: text({ enum: outboxStates }).notNull().default("pending"),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    // A failed send waits until then (back-off, a platform's retry-after, a pacing slot).
    nextAttemptAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("reminder_outbox_state_due_idx").on(t.state, t.dueAt),
    check("reminder_outbox_state_check", inList("state", outboxStates)),
    check("reminder_outbox_kind_check", inList("kind", outboxKinds)),
  ],
);

// Pacing shared by every dispatcher: per key ("telegram", "telegram:chat:42"), the earliest moment the
// next message may go (the theoretical arrival time of the generic cell rate algorithm).
export const sendPacing = pgTable("send_pacing", {
  key: text().primaryKey(),
  nextAt: timestamp({ withTimezone: true }).notNull(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    at: createdAt(),
    actorPersonId: integer().references(() => people.id, { onDelete: "set null" }),
    // The chat account it came from: its author may take a change back from there ("hủy").
    actorIdentityId: integer().references(() => chatIdentities.id, { onDelete: "set null" }),
    platform: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    details: jsonb(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_identity_idx").on(t.actorIdentityId, t.id),
  ],
);

// Every platform redelivers (Telegram on a non-2xx, Slack after 3 s, Zalo for hours): an update is
// answered only by whoever inserts its row first. The payload stays until it is answered, so an
// update acknowledged just before a crash is answered after the restart.
export const inboundUpdates = pgTable(
  "inbound_updates",
  {
    platform: text().notNull(),
    updateId: text().notNull(),
    payload: jsonb(),
    receivedAt: createdAt(),
    handledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.platform, t.updateId] }),
    index("inbound_updates_pending_idx").on(t.platform, t.handledAt),
  ],
);

// What adapters keep between requests: long button payloads, a chat's last numbered choices, a
// platform's rotating tokens (sealed with THIDUA_SECRET_KEY when `sealed`).
export const adapterState = pgTable("adapter_state", {
  key: text().primaryKey(),
  value: text().notNull(),
  sealed: boolean().notNull().default(false),
  updatedAt: createdAt(),
});
