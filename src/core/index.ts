// The face of core: what bot and adapters may use. Nothing deeper is imported from outside core.
export { type Config, configSchema, loadConfig, parseConfig } from "./config/load-config.js";
export { asThiduaError, ErrorCode, ThiduaError } from "./errors.js";
export { createLogger, type Logger, silentLogger } from "./log.js";
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
  setIdentityLocale,
  touchIdentity,
} from "./storage/repositories/identities.js";
export { createSubmission, type Submission } from "./storage/repositories/submissions.js";
export { createUnit, findUnitByCode, type NewUnit, type Unit } from "./storage/repositories/units.js";
export { type Clock, fixedClock, systemClock } from "./time/clock.js";
export { formatDay, isoDayIn } from "./time/format-date.js";
