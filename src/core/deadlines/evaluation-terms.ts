import type { DeadlineFailure } from "./types.js";

// Evaluation: the calendar window the words name in the document's context. These are the terms
// every evaluation step shares: the refusal it throws and the shapes it passes along.

/** Why words cannot be read as a deadline; thrown while evaluating, reported by parseDeadline. */
export class Refusal extends Error {
  constructor(
    readonly reason: DeadlineFailure,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** A window of days, both ends inclusive. */
export interface Window {
  start: string | null;
  end: string | null;
}

/** Quotes the document's own words between two folded positions. */
export type Words = (start: number, end: number) => string;
/** A year for a month the words leave without one, taken from the other end of a range. */
export type YearHint = (month: number) => number;
