import { ErrorCode, ThiduaError } from "../errors.js";
import type { Actor } from "../people/actor.js";
import type { UnitTree } from "../units/unit-tree.js";

/** read: see a unit's status; submit: say it has submitted; review: receive or return a dossier. */
export type StatusAction = "read" | "submit" | "review";

/** The units whose submissions this actor may read or change by this action. */
export function unitsActorMay(actor: Actor, tree: UnitTree, action: StatusAction): Set<number> {
  const allowed = new Set<number>();
  for (const { role, unitId } of actor.roles) {
    if (role === "admin" || role === "officer") {
      for (const id of tree.subtreeOf(role === "admin" ? null : unitId)) allowed.add(id);
    } else if (role === "focal" && action !== "review" && unitId !== null) {
      allowed.add(unitId);
    }
  }
  return allowed;
}

/** Refuses, with a coded error, an action on a unit outside the actor's reach. */
export function assertMay(actor: Actor, tree: UnitTree, unitId: number, action: StatusAction): void {
  if (!unitsActorMay(actor, tree, action).has(unitId)) {
    throw new ThiduaError(ErrorCode.Forbidden, `may not ${action} unit ${unitId}`, {
      messageKey: "errors.forbidden",
    });
  }
}
