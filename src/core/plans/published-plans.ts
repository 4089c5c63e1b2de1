import type { Db } from "../storage/open-database.js";
import { type Channel, channelsOfPlans } from "../storage/repositories/channels.js";
import { type Contact, contactsOfPlans } from "../storage/repositories/contacts.js";
import { type PlanSection, sectionsOfPlans } from "../storage/repositories/plan-sections.js";
import { publishedPlanCounts, publishedPlans } from "../storage/repositories/plans.js";
import {
  type Requirement,
  requirementItemsOf,
  requirementsOfPlans,
} from "../storage/repositories/requirements.js";
import { type Task, tasksOfPlans } from "../storage/repositories/tasks.js";
import type { ExtractedGroup, PlanExtraction } from "./extraction.js";

export interface PublishedPlan {
  id: number;
  number: string | null;
  title: string | null;
  docKind: string | null;
  issuer: string | null;
  /** Where it was issued ("Long Biên"): a question naming it says which plan, not which passage. */
  place: string | null;
  signer: string | null;
  /** The signer's title lines ("TM. HỘI ĐỒNG, CHỦ TỊCH, HIỆU TRƯỞNG"), from the stored extraction. */
  signerTitle: string | null;
  schoolYear: string | null;
  groups: ExtractedGroup[];
}

/** Everything the published plans say, loaded together for answering questions. */
export interface PublishedKnowledge {
  plans: PublishedPlan[];
  tasks: Task[];
  requirements: (Requirement & { items: string[] })[];
  channels: Channel[];
  contacts: Contact[];
  sections: PlanSection[];
}

/** Loads the tasks, dossier lists, channels, contacts, groups and sections of every published plan. */
export async function loadPublishedKnowledge(db: Db): Promise<PublishedKnowledge> {
  const planRows = await publishedPlans(db);
  const ids = planRows.map((p) => p.id);
  if (!ids.length)
    return { plans: [], tasks: [], requirements: [], channels: [], contacts: [], sections: [] };
  const [taskRows, requirementRows, channelRows, contactRows, sectionRows] = await Promise.all([
    tasksOfPlans(db, ids),
    requirementsOfPlans(db, ids),
    channelsOfPlans(db, ids),
    contactsOfPlans(db, ids),
    sectionsOfPlans(db, ids),
  ]);
  const itemRows = await requirementItemsOf(
    db,
    requirementRows.map((r) => r.id),
  );
  return {
    plans: planRows.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      docKind: p.docKind,
      issuer: p.issuer,
      place: p.place,
      signer: p.signer,
      signerTitle: (p.extraction as PlanExtraction | null)?.document.signerTitle ?? null,
      schoolYear: p.schoolYear,
      groups: (p.extraction as PlanExtraction | null)?.groups ?? [],
    })),
    tasks: taskRows,
    requirements: requirementRows.map((r) => ({
      ...r,
      items: itemRows.filter((i) => i.requirementId === r.id).map((i) => i.text),
    })),
    channels: channelRows,
    contacts: contactRows,
    sections: sectionRows,
  };
}

/** A value that changes whenever a plan is published, archived, re-published or revised: a cache key. */
export async function publishedVersion(db: Db): Promise<string> {
  const row = await publishedPlanCounts(db);
  const time = (d: Date | string | null | undefined) => (d ? new Date(d).getTime() : 0);
  return `${row?.n ?? 0}:${row?.id ?? 0}:${time(row?.last)}:${row?.revisions ?? 0}`;
}
