// The intent rules the assistant used before the trained model (first match wins), kept only as the
// baseline `npm run eval:intents -- --compare` measures the model against.
import type { Locale } from "../../src/bot/messages.js";
import { foldText } from "../../src/bot/normalize.js";

export type Intent =
  | "greeting"
  | "help"
  | "farewell"
  | "overdue"
  | "due_in_period"
  | "requirements_of"
  | "where_to_submit"
  | "contact"
  | "deadline_of"
  | "my_status"
  | "missing_units"
  | "mark_submitted"
  | "register"
  | "set_language"
  | "redeem_invite"
  | "invite"
  | "receive"
  | "return_for_completion"
  | "progress"
  | "search"
  | "unknown";

// Folded forms (no diacritics) of whole messages that carry these intents.
const exactPhrases: Partial<Record<Intent, string[]>> = {
  greeting: [
    "xin chao",
    "chao",
    "chao ban",
    "chao bot",
    "alo",
    "hello",
    "hi",
    "hey",
    "good morning",
    "/start",
  ],
  help: [
    "help",
    "/help",
    "tro giup",
    "giup",
    "giup do",
    "huong dan",
    "menu",
    "ban lam duoc gi",
    "what can you do",
  ],
  farewell: ["thoat", "tam biet", "bye", "goodbye", "quit", "exit", "/quit"],
};

// "English please", "tiếng Việt", "/lang en": the whole message asks for a language.
const languageRequest =
  /^(\/lang (en|vi)|(in |speak |reply in |answer in )?english( please| pls)?|(noi |tra loi (bang )?|dung )?tieng (viet|anh)( nhe| nha| di| please| duoc khong)?|(in )?vietnamese( please)?)$/;

/** The language a message asks the assistant to answer in, if it asks for one. */
export function requestedLocale(text: string): Locale | null {
  const folded = foldText(text);
  if (!languageRequest.test(folded)) return null;
  return /\b(en|english|anh)\b/.test(folded) ? "en" : "vi";
}

// Rules over the folded message, in order: the first that matches wins.
const rules: [Intent, RegExp][] = [
  ["set_language", languageRequest],
  // "/start K7M2-QX9P" (Telegram's deep link sends it so) or "mã mời K7M2-QX9P".
  ["redeem_invite", /^(\/start|ma moi|invite code|code)\s+[a-z0-9]{4}\s?[a-z0-9]{4}$/],
  ["invite", /^(\/moi|tao ma moi|moi)\s+\S|^invite\s+\S/],
  // Choices offered in an earlier answer come back as commands with a task id.
  ["deadline_of", /^\/han \d+$/],
  ["greeting", /^(xin )?chao\b|^(hello|hi)\b|^(cam on|thank)/],
  // Status before the topics: "phòng nào chưa nộp hồ sơ …" is about units, not about the dossier.
  [
    "missing_units",
    /\b(don vi|phong|truong|co so|khoi|cum)( \w+)? nao (van |con )?(chua|khong) (nop|gui|dang ky|bao cao|hoan thanh)|\b(nhung|cac) (don vi|phong|truong)( \w+)? (van |con )?chua (nop|gui|dang ky)|\b(ai|bao nhieu|may) (don vi|phong|truong)?\s?(van |con )?chua (nop|gui)|\bwhich (units?|schools?|offices?)\b.*\b(not|yet|missing)\b|\bwho (has|have)n?'?t (submitted|sent)\b|^\/chuanop\b/,
  ],
  [
    "mark_submitted",
    /^(\/danop\b|(truong|don vi|phong|ben|chung) ?(em|minh|toi|chung toi)?\s?(da|vua) (nop|gui)\b(?!.*\b(chua|khong)$)|(da|vua) (nop|gui) .*\b(roi|xong)( nhe| nha| a)?$|(em|minh|toi|chung toi) (da|vua) (nop|gui)\b(?!.*\b(chua|khong)$))|^(yes )?(we|i|our (unit|school|office)) (have |has |'ve |just |already )*(submitted|sent)\b|\bmark .*\bsubmitted\b|^(?!.*\b(chua|khong)$).*\b(da|vua) (nop|gui) (ho so|bao cao|ban|bang)\b/,
  ],
  [
    "my_status",
    /\b(don vi|truong|phong|ben) (toi|minh|em|chung toi)\b.*\b((da|chua|con) (nop|gui|thieu)|tinh trang|tien do|con (thieu|no|viec gi|gi))|\bda (nop|gui)\b.*\bchua$|\b(con thieu|chua nop|con no|can bo sung) (ho so|gi|nhung gi|bao cao)\b|\b(my|our) (unit|school|office)\b.*\b(submitted|status|missing|sent)\b|\b(have|did) (we|i) (submit|submitted|send|sent)\b|\bwhat (have|are) we (not )?(submitted|missing)\b/,
  ],
  // An officer's records: "đã nhận hồ sơ … của trường X", "trả hồ sơ … trường X: thiếu …", "tiến độ".
  [
    "receive",
    /^\/nhan\b|^(?!.*\b(chua|khong)$).*\b(da )?(nhan|tiep nhan) (du |duoc )?(ho so|bao cao|ban|bang)\b|\breceived\b.*\bfrom\b/,
  ],
  [
    "return_for_completion",
    /^\/bosung\b|\btra (lai )?(ho so|bao cao|ban)\b|\byeu cau\b.*\bbo sung\b|\breturn(ed)?\b.*\b(completion|missing)\b/,
  ],
  ["progress", /\btien do\b|\bprogress\b|\bthong ke (nop|ho so)\b/],
  ["help", /\b(giup|lam) duoc (gi|nhung gi)\b|\bwhat can you do\b|\bhuong dan su dung\b/],
  ["overdue", /\b(qua han|tre han|tre hen|overdue|past due|missed)\b/],
  ["search", /\b(ai ky|nguoi ky|who signed)\b/],
  [
    "requirements_of",
    /\b(ho so|giay to|tai lieu|documents?|dossier|papers)\b.*\b(gom|can|bao gom|need|contain|include)|\bgom (nhung )?(giay to|tai lieu)\b|\bcan (nhung |co )?(giay to|ho so|tai lieu|nhung gi)\b|\bbao gom nhung gi\b|\bwhat (documents|papers)\b|\bmust .* (contain|include)\b|\bcan nhung gi\b/,
  ],
  [
    "where_to_submit",
    /\bve dau\b|\b(gui|nop) (qua|o|toi|den|vao) (dau|email nao|dia chi nao|he thong nao)\b|\bqua dau\b|\bemail nao\b|\bdia chi (email|nop|gui)\b|\bwhere (do|to|should|can)\b|\bsend .* to\b|\bten file\b|\bdat ten\b/,
  ],
  [
    "contact",
    /\bai phu trach\b|\bphu trach\b|\blien he (ai|voi ai)\b|\bchuyen vien\b|\bwho is in charge\b|\bin charge\b|\bkhoi truong\b|\btruong khoi\b/,
  ],
  [
    "register",
    /^\/dang ?ky$|\b(muon|bat dau|xin|lam|can|giup (toi|minh|em)|tien hanh) dang ky\b|\bi (want|would like|need) to register\b|\bstart (the |our )?registration\b|\bregister (my|our)\b/,
  ],
];
const dueWords = /\b(viec|han|nop|nhiem vu|deadline|due|can lam|phai lam|co gi|tasks?|gui)\b/;
const deadlineWords =
  /\b(han|khi nao|bao gio|luc nao|vao luc nao|thoi gian|thoi han|ngay nao|when|deadline|due date|to chuc vao)\b/;
// "… gồm những nội dung gì?": a question may end on "gì" far from its verb.
const questionWords =
  /\b(la gi|the nao|nhu the nao|ra sao|bao nhieu|nhung gi|gom gi|nao|quy trinh|nguyen tac|what|how|which)\b|\bgi( khong| vay| a| nhi)?$/;
// A general question is answered from the plans only when it is about their subject.
const domainWords =
  /\b(thi dua|khen thuong|ho so|danh hieu|hoi dong|ke hoach|binh xet|nhiem vu|quy trinh|huan chuong|bang khen|giay khen|emulation|commendation|award)/;

/** Recognises what a message asks for; `hasPeriod` says whether it names a time ("tháng này"). */
export function detectIntent(text: string, hasPeriod = false): Intent {
  const folded = foldText(text);
  for (const [intent, phrases] of Object.entries(exactPhrases) as [Intent, string[]][]) {
    if (phrases.includes(folded)) return intent;
  }
  for (const [intent, pattern] of rules) {
    if (!pattern.test(folded)) continue;
    // "Tôi muốn đăng ký thi đua thì hạn khi nào?" asks for a deadline, not to start registering.
    if (intent === "register" && deadlineWords.test(folded)) return "deadline_of";
    return intent;
  }
  if (hasPeriod && dueWords.test(folded)) return "due_in_period";
  if (deadlineWords.test(folded)) return "deadline_of";
  if (questionWords.test(folded) && domainWords.test(folded)) return "search";
  return "unknown";
}
