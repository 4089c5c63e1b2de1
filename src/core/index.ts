// The face of core: what bot and adapters may use. Nothing deeper is imported from outside core.
export {
  type Config,
  configSchema,
  loadConfig,
  type PlatformsConfig,
  parseConfig,
  type ReceiveMode,
} from "./config/load-config.js";
export {
  type ConversationState,
  clearConversationState,
  readConversationState,
  writeConversationState,
} from "./conversations/conversation-state.js";
export {
  addDays,
  type IsoDay,
  isoDayIn,
  isRealDate,
  monthSpan,
  weekOfMonth,
} from "./deadlines/calendar-days.js";
export { loadSchoolCalendar } from "./deadlines/load-school-calendar.js";
export { nextLunarNewYear } from "./deadlines/lunar-new-year.js";
export { parseDeadline } from "./deadlines/parse-deadline.js";
export { createSchoolCalendar } from "./deadlines/school-calendar.js";
export type {
  Deadline,
  DeadlineContext,
  DeadlineKind,
  DeadlineResult,
  SchoolCalendar,
} from "./deadlines/types.js";
export { asThiduaError, ErrorCode, ThiduaError } from "./errors.js";
export { createLogger, type Logger, silentLogger } from "./log.js";
export {
  type Actor,
  type ActorRole,
  asLocalAdministrator,
  identifyActor,
  prepareSenderLookup,
  terminalAdministrator,
} from "./people/actor.js";
export { createInvite, redeemInvite } from "./people/invites.js";
export { toExpectedShape } from "./plans/expected-shape.js";
export { extractPlan } from "./plans/extract-plan.js";
export type { ExtractedDeadline, PlanExtraction } from "./plans/extraction.js";
export { type ImportResult, importPlan } from "./plans/import-plan.js";
export { findPlan, type Plan, type PlanStatus, saveDraftPlan, setPlanStatus } from "./plans/plan-store.js";
export {
  loadPublishedKnowledge,
  type PublishedKnowledge,
  type PublishedPlan,
  publishedVersion,
} from "./plans/published-plans.js";
export { rollForwardPlan } from "./plans/roll-forward.js";
export { overrideTaskAudience } from "./plans/task-audience.js";
export { memoryPlatformState } from "./platforms/memory-platform-state.js";
export { databasePlatformState, type PlatformState } from "./platforms/platform-state.js";
export { createSecretBox, type SecretBox } from "./platforms/secret-box.js";
export { loadRegistrationRules } from "./registrations/load-registration-rules.js";
export {
  type CollectiveTitle,
  collectiveTitles,
  type IndividualTitle,
  individualTitles,
  namedTitles,
  type Registration,
  registrationSchema,
} from "./registrations/registration.js";
export {
  type FlowState,
  type FlowTurn,
  flowStateSchema,
  registrationTurn,
} from "./registrations/registration-flow.js";
export {
  checkRegistration,
  type RegistrationRule,
  type RuleProblem,
} from "./registrations/registration-rules.js";
export {
  hasRegistrationDraft,
  isRegistrationTask,
  type RegistrationTurn,
  registrationDraftCount,
  registrationOfId,
  registrationsOfSchoolYear,
  reviewRegistration,
  schoolYearOf,
  takeRegistrationTurn,
} from "./registrations/registration-service.js";
export {
  backoffMs,
  type Deliver,
  type DeliveryOutcome,
  type DispatchOptions,
  type DispatchReport,
  dispatchReminders,
  type OutgoingReminder,
  type PacingRule,
} from "./reminders/dispatch-reminders.js";
export { type PlannerReport, planReminders, previewReminders } from "./reminders/plan-reminders.js";
export {
  chooseReminderPlatform,
  deadReminders,
  muteDigest,
  overrideReminderPolicy,
  pausePlanReminders,
  remindNow,
  retryDeadReminders,
  runReminderTick,
  snoozeReminder,
  type TickReport,
} from "./reminders/reminder-commands.js";
export type { PlannedMessage, ReminderPayload } from "./reminders/reminder-moments.js";
export type { ReminderPolicy } from "./reminders/reminder-policy.js";
export type { TaskRef } from "./reminders/reminder-world.js";
export { isRestDay, nextSendingMoment, publicHolidays } from "./reminders/working-time.js";
export { type ChangeTopic, changeCount } from "./storage/change-counters.js";
export {
  type Database,
  type Db,
  dumpMemoryDatabase,
  type OpenDatabaseOptions,
  openDatabase,
} from "./storage/open-database.js";
export {
  type ChatIdentity,
  createIdentity,
  linkIdentity,
  setIdentityLocale,
  touchIdentity,
} from "./storage/repositories/identities.js";
export { createPerson, grantRole, type Person, type Role } from "./storage/repositories/people.js";
export { listPlans } from "./storage/repositories/plans.js";
export { type OutboxRow, outboxCounts } from "./storage/repositories/reminders.js";
export { planRequirements } from "./storage/repositories/requirements.js";
export { createSubmission, type Submission } from "./storage/repositories/submissions.js";
export { planTasks } from "./storage/repositories/tasks.js";
export {
  createUnit,
  findUnitByCode,
  type NewUnit,
  type Unit,
  unitKinds,
  unitsVersion,
} from "./storage/repositories/units.js";
export { type StatusAction, unitsActorMay } from "./submissions/authorise.js";
export { type Notice, pendingNoticeCount, takeNotices } from "./submissions/notices.js";
export { type SubmissionMatrix, submissionMatrix } from "./submissions/submission-matrix.js";
export {
  clearSubmissions,
  recordSubmission,
  type SubmissionChange,
  type SubmissionStatus,
  submissionsOf,
} from "./submissions/submission-store.js";
export { type UndoneChange, undoLastSubmissionChange } from "./submissions/undo-change.js";
export { expandAbbreviations } from "./text/abbreviations.js";
export { fold } from "./text/fold.js";
export { romanValue } from "./text/roman.js";
export { type Clock, fixedClock, systemClock } from "./time/clock.js";
export { formatDay, formatTimeOfDay } from "./time/format-date.js";
export {
  issuerKind,
  kindsBelowIssuer,
  namesOneUnit,
  resolveAudience,
  taskAudience,
  type UnitKind,
} from "./units/audience.js";
export { importUnits, type UnitImportReport } from "./units/import-units.js";
export { unitsOfTask } from "./units/task-units.js";
export { readUnitFile, type UnitFileProblem, type UnitFileRow } from "./units/unit-file.js";
export { unitsNamed } from "./units/unit-names.js";
export {
  loadUnitTree,
  type TreeUnit,
  type UnitTree,
  unitContacts,
} from "./units/unit-tree.js";
