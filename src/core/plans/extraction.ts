import type { DeadlineKind } from "../deadlines/types.js";

/** The document's header, as shown on its first page or its appendix caption. */
export interface PlanHeader {
  /** "KẾ HOẠCH", "HƯỚNG DẪN", "CÔNG VĂN", "THÔNG BÁO" … */
  kind: string | null;
  /** Normalised number: "1382/HD-GDĐT". */
  number: string | null;
  place: string | null;
  issuedOn: string | null;
  issuer: string | null;
  title: string | null;
  /** "2024-2025" */
  schoolYear: string | null;
  signer: string | null;
  /** The signature block's title lines above the name: "TM. HỘI ĐỒNG, CHỦ TỊCH, HIỆU TRƯỞNG". */
  signerTitle?: string | null;
}

/** A numbered heading and the text under it, for citations and search. */
export interface PlanSection {
  numbering: string | null;
  heading: string;
  body: string;
  line: number;
  /** Index in `sections` of the enclosing section, or null at the top. */
  parent: number | null;
}

export interface ExtractedDeadline {
  source: "appendix" | "text";
  /** Appendix row number (TT). */
  row?: number;
  /** 1-based line in the text. */
  line: number;
  quarter?: string;
  task: string;
  responsible: string | null;
  coordinating?: string | null;
  raw: string;
  kind: DeadlineKind | null;
  start: string | null;
  due: string | null;
  /** The row had empty unit and deadline cells and continues the merged cells above. */
  inherited?: boolean;
  /** Why the deadline words could not be read; the officer sees it at review. */
  warning?: string;
  /** The requirement list this deadline belongs to, by name. */
  requirement?: string;
  channel?: string;
  fileName?: string;
}

export interface ExtractedRequirement {
  name: string;
  items: string[];
  line: number;
  copies?: string;
  format?: string;
}

/**
 * Where to send: an e-mail address, a web system (its link, domain or name), a place to hand the
 * dossier in (`in_person`) or to post it to (`post`), or a chat group (Zalo, Telegram).
 */
export interface ExtractedChannel {
  kind: "email" | "system" | "in_person" | "post" | "group";
  address: string;
  line: number;
  fileNamePattern?: string;
  /** How an e-mail's subject is written, when the plan says ("[TĐ 20-11] Tên trường – Tên hồ sơ"). */
  subjectRule?: string;
  /** Whom it is for when the plan says ("Cấp mầm non"): read like a task's units. */
  audience?: string;
  /** The sentence that names the channel, for the officer to check at review. */
  sentence?: string;
}

export interface ExtractedContact {
  name: string;
  scope: string;
  title?: string;
  phone?: string;
  email?: string;
  line: number;
}

export interface ExtractedGroup {
  name: string;
  leader: string | null;
  members: string[];
  /** The khối phó / cụm phó, when the plan names one (a member too). */
  deputy?: string;
  line: number;
}

/** Everything the importer reads from one plan document, in the shape of shared/plans/expected. */
export interface PlanExtraction {
  document: PlanHeader;
  sections: PlanSection[];
  deadlines: ExtractedDeadline[];
  requirements: ExtractedRequirement[];
  channels: ExtractedChannel[];
  contacts: ExtractedContact[];
  groups: ExtractedGroup[];
}
