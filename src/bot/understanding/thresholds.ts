// Every threshold the understanding and the answers decide with, in one place, so they can be tuned
// against `npm run eval:qa` (which cross-validates the corpus) and explained.

/** The model's reading is taken as it is when its score and its lead over the next reading are this high. */
export const intentConfidence = { score: 0.4, margin: 0.2 };

/** Below this score the model has not recognised anything: the message is tried against the plans. */
export const intentFloor = 0.2;

/** How long a chat keeps the last question's intent, period, plan and task for follow-ups. */
export const contextMinutes = 15;

/** How long the author of a change may take it back ("hủy", "nhầm rồi"). */
export const undoMinutes = 10;

/** A section answers a general question when it holds at least this share of the question's words. */
export const passageCoverage = 0.5;
/** Below passageCoverage, down to this, a passage is still quoted when it scores clearLead times the next one. */
export const clearWinnerCoverage = 0.4;
export const clearLead = 3;

/** A passage longer than this (characters) is quoted with its deciding sentence first. */
export const longPassage = 600;

/** An unsure reading offers the others within this much of its score as choices. */
export const readingsClose = 0.25;

/** The same for a message the model did not recognise: most of it must be in the passage. */
export const strictPassageCoverage = 0.67;

/** Below this share of words the model knows, a message is not understood rather than off-topic. */
export const familiarWords = 0.5;

/** A dossier list answers a question holding at least this share of the question's words. */
export const dossierCoverage = 0.3;

/** A question names a task when the task's subject holds this much of it (topic ranking's score). */
export const taskFit = 0.35;

/** A dossier question is about a task's own line when the task fits this many times better than any list. */
export const taskOverDossier = 1.35;

/** Tasks within this much of the best one's fit are as likely to be meant (topic ranking's score). */
export const closeFit = 0.1;

/** A question names a plan by its title when it holds this many of the title's words, making up this share of it. */
export const titleWordsNamed = 3;
export const titleShareNamed = 0.4;

/**
 * A passage's search score is weighed by (this + the share of the question's rare words its best
 * sentence holds)²: a sentence that holds them together counts, one word per sentence counts little.
 */
export const sentenceFitFloor = 0.2;

/** A section whose heading a question names whole counts this many times its search score. */
export const namedHeadingBoost = 2;
/** A section that states a number counts this many times its search score for a question asking one. */
export const statedQuantityBoost = 2;
/** … and this many times when it states a count of what the question counts ("03 cá nhân", "15%"). */
export const statedCountBoost = 3;
/** A title word is a plan's own when fewer than this share of the other plans' sections hold it. */
export const ownTitleWord = 0.1;

/** Below this fit no task is named at all; between it and taskFit the closest tasks are offered. */
export const unsureFit = 0.15;

/** A message longer than this is not read (chat platforms cap theirs near 4 000; a question is short). */
export const maxMessageChars = 2000;

// A word the plans write in this many sections or fewer names something of its own (a rare word).
export const rareInSections = 2;
