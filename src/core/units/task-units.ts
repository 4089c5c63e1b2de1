import { kindsBelowIssuer, taskAudience } from "./audience.js";
import { unitsNamed } from "./unit-names.js";
import type { TreeUnit, UnitTree } from "./unit-tree.js";

/** The unit that issued a plan, when the tree holds exactly one unit of that name. */
function issuingUnit(tree: UnitTree, issuer: string | null): TreeUnit | null {
  if (!issuer) return null;
  const found = unitsNamed(issuer, tree.units);
  return found.length === 1 ? (found[0] ?? null) : null;
}

/**
 * The units that must do a task: those of the kinds it names (every kind under the issuer when it
 * names none), under the unit that issued its plan — a Phòng's plan binds that Phòng's schools only.
 */
export function unitsOfTask(
  tree: UnitTree,
  task: { responsible: string | null; audienceOverride: unknown },
  issuer: string | null,
): TreeUnit[] {
  const kinds = taskAudience(task, issuer) ?? kindsBelowIssuer(issuer);
  const home = issuingUnit(tree, issuer);
  const under = home ? tree.subtreeOf(home.id) : null;
  return tree.units.filter((u) => kinds.includes(u.kind) && (!under || under.has(u.id)));
}
