// The words that introduce a submission channel in a plan, and the readers for what follows them.
// Patterns run on folded text (foldLetters: lower case, no diacritics, same length as the NFC text), so
// "nộp trực tiếp tại" and "nop truc tiep tai" read alike and offsets still point into the words as written.
// Lists, not one regex per sentence: a new way of writing is a new word here plus a test.

const words = (list: readonly string[]) => list.join("|");
const notWordAfter = String.raw`(?![\p{L}\p{N}])`;
const notWordBefore = String.raw`(?<![\p{L}\p{N}])`;

/** Verbs that make a sentence say where to send or register ("khai báo y tế trên …" or "báo cáo" do not). */
// "tải các tệp lên …": what is uploaded may stand between "tải" and "lên".
const sendVerbs = [
  "gui",
  "nop",
  "cap nhat",
  "nhap",
  "dang ky",
  "tai(?: [a-z]+){0,3} len",
  "dang tai",
  "upload",
  "chuyen",
  // "điền Phiếu … qua Google Form tại …": a form is filled in, not sent ("điện tử" folds alike: not alone).
  "dien (?:phieu|thong tin|bieu mau|mau|vao)",
];
export const sendVerb = new RegExp(`${notWordBefore}(?:${words(sendVerbs)})${notWordAfter}`, "iu");

/** Names a web system: "qua hệ thống …", "trên phần mềm …", "vào cổng …", "qua dịch vụ công trực tuyến". */
const systemNouns = [
  "he thong",
  "phan mem",
  "cong",
  "trang web",
  "trang thong tin",
  "website",
  "ung dung",
  "dich vu cong",
  "moi truong mang",
];
export const namedSystem = new RegExp(
  `${notWordBefore}(?:qua|tren|vao|len|tai|bang)\\s+((?:${words(systemNouns)})${notWordAfter}[^,.;:()\\n]{0,100})`,
  "giu",
);
/** The clause before a system's name holds the verb that sends there: "… đăng ký trên phần mềm …". */
export function sentThere(folded: string, at: number): boolean {
  const before = folded.slice(Math.max(0, at - 80), at);
  const clause = before.slice(before.search(/[^,;:.]*$/u));
  return sendVerb.test(clause) || /(?:dong thoi|hoac|va)\s+thuc hien\s+\S+\s*$/u.test(clause);
}
/** "công việc" folds to "cong" like "cổng": only a written "cổng", or "cong thong tin|dich vu" unaccented. */
export function isSystemNoun(written: string, folded: string): boolean {
  if (!/^cong(?![\p{L}])/u.test(folded)) return true;
  if (/^cổng/iu.test(written)) return true;
  return written.slice(0, 4).toLowerCase() === "cong" && /^cong (?:thong tin|dich vu)/u.test(folded);
}
/**
 * Delivered by hand: "nộp trực tiếp tại …", "nộp hồ sơ tại Bộ phận một cửa …", "để vào khay … tại …",
 * "nộp trực tiếp cho cô A, nhân viên văn thư, tại …" (the person is read with the place).
 */
export const inPerson = new RegExp(
  `${notWordBefore}(?:truc tiep\\s+cho\\s+(?:co|thay|anh|chi|ong|ba)\\s+[^,.;:()]{2,40}(?:,\\s*[^,.;:()]{2,40})?,\\s*tai|truc tiep\\s+(?:tai|o|ve|den|cho)|(?:nop|mang)(?:\\s+[^,.;:()]{0,40}?)?\\s+tai|(?:de|bo|dat) vao (?:khay|hop|tu|ngan)[^,.;:()]{0,40}?\\s+tai)\\s+`,
  "giu",
);

/** Sent on paper: "gửi bản giấy về …", "gửi qua đường bưu điện đến …". */
const paperWords = [
  "ban giay",
  "ban cung",
  "ho so giay",
  "van ban giay",
  "ban in",
  "qua buu dien",
  "qua duong buu dien",
  "theo duong buu dien",
  "qua buu chinh",
  "qua duong buu chinh",
  "theo duong buu chinh",
  "chuyen phat",
];
export const paperMail = new RegExp(
  `${notWordBefore}(?:${words(paperWords)})${notWordAfter}(?:[^.;:()]|\\([^()]{0,60}\\)){0,60}?\\s(?:ve|den|toi|cho|theo dia chi)(?:\\s*:)?\\s+`,
  "giu",
);

/** "nhóm Zalo khối 3", "nhóm Telegram của cụm", "group Zalo …". */
export const chatGroup = /(?<![\p{L}\p{N}])(?:nhom|group)\s+(zalo|telegram)(?![\p{L}\p{N}])/giu;
export const chatLink =
  /(?<![\p{L}\p{N}.])(?:https?:\/\/)?(?:zalo\.me|t\.me|telegram\.me|chat\.zalo\.me)\/[^\s,;()<>"]+/iu;

// Where a name or a place stops: the next part of the sentence.
const stopWords = [
  "dong thoi",
  "hoac",
  "va qua",
  "va gui",
  "va nop",
  "va dong thoi",
  // "trên hệ thống và bản giấy tại Phòng 305", "trạng thái trên hệ thống chuyển sang …": not a name.
  "va ban",
  "chuyen sang",
  "truoc",
  "it nhat",
  "cham nhat",
  "muon nhat",
  // "hạn …", not the river "Hàn" of a place's name ("quận Sông Hàn"), folded alike.
  "han(?= (?:chot|cuoi|nop|la|ngay)|\\s*:)",
  "trong thoi gian",
  "ke tu",
  "tu ngay",
  "de",
  // "Nhóm Zalo “…” chỉ dùng để thông báo": what it is for, not its name.
  "chi dung",
  "dung de",
  "theo dia chi",
  "tai dia chi",
  "dia chi",
  "qua",
  "bang",
  "voi",
  "gom",
  "trong",
  "khi",
  "sau khi",
  "theo",
  "ma",
];
const stopAt = new RegExp(`,?\\s+(?:${words(stopWords)})${notWordAfter}`, "iu");
/** A part after a comma that continues a postal address, or names the office it is in. */
// ", gặp cô thư ký Vi Thị Thu Trang": the person to hand it to, there.
const addressPart =
  /^(?:gap (?:co|thay|anh|chi|ong|ba|dong chi|d\/c)|dia chi|so|duong|pho|ngo|ngach|hem|phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|TP\.?|tinh|tang|toa|khu|thon|ap|lo|phong\s+\d|tru so|P\.|Q\.|van phong|phong (?:gd[\p{L}&]*|giao duc)|so (?:gd[\p{L}&]*|giao duc)|bo phan|ubnd|uy ban)(?![\p{L}])/iu;
// An office or a room named in lower case is still a place ("tại bộ phận Thi đua – Khen thưởng").
const officeNoun = /^(?:bo phan|van phong|phong|tru so|hoi truong|to |ban )/iu;
// "Văn phòng nhà trường (phòng 102, dãy A)": a room in parentheses.
// "Phòng 204 (Tổ Thi đua, Khen thưởng - Văn phòng Sở)": the team the room belongs to.
const roomAside = /^\s*\((?:phong|tang|day|toa|so|to|bo phan|van phong)\s[^()]{1,120}\)/iu;

/** The end of the words in `f` from `from` up to the next clause, the next part of the sentence or a comma that does not continue an address. */
function placeEnd(f: string, from: number): { end: number; open: boolean } {
  const clause = /^[^;()\n]*?(?=\.\s|\.$|[;()\n]|$)/u.exec(f.slice(from))?.[0] ?? "";
  // ", địa chỉ: số 18 Hoàng Văn Thụ": the street the office is on, not "theo địa chỉ e-mail …".
  const stop = stopAt.exec(
    clause.replace(/,\s*dia chi\s*:?\s*(?=so\s|\d|duong\s|pho\s)/u, (m) => "_".repeat(m.length)),
  );
  let end = stop ? stop.index : clause.length;
  // "Phòng GDĐT huyện Gia Lâm, số 12 đường Cổ Bi": parts after a comma stay while they continue the address.
  const comma = /\s*,\s*/gu;
  for (let m = comma.exec(clause); m && m.index < end; m = comma.exec(clause)) {
    if (!addressPart.test(clause.slice(m.index + m[0].length, end))) {
      end = m.index;
      break;
    }
  }
  return { end: from + end, open: end === clause.length };
}

// The parts and kinds of documents a sentence may point to with "tại".
const documentPart =
  /^(?:phu luc|muc|diem|khoan|dieu|ke hoach|cong van|quyet dinh|thong tu|nghi dinh|huong dan|van ban|bieu mau|mau so)(?![\p{L}\p{N}])/u;

/** The place named where `folded` starts (`rest` is the same words as written), up to the next clause. */
export function readPlace(rest: string, folded: string): string | null {
  const label = /^(?:dia chi|d\/c)\s*:?\s*/iu.exec(folded)?.[0].length ?? 0;
  const f = folded.slice(label);
  // "nộp lại theo thời hạn tại Phụ lục", "tại mục III": a part of a document, not a place.
  if (documentPart.test(f)) return null;
  const text = rest.slice(label);
  let { end, open } = placeEnd(f, 0);
  let place = text
    .slice(0, end)
    .replace(/[\s.,:]+$/u, "")
    .trim();
  // The room, and what follows it while it continues the address: "(phòng 01, tầng trệt), Phòng GDĐT
  // quận Ninh Kiều, số 15 đường Ngô Gia Tự".
  const room = open ? roomAside.exec(f.slice(end)) : null;
  if (room) {
    place = `${place} ${text.slice(end, end + room[0].length).trim()}`;
    end += room[0].length;
    const comma = /^\s*,\s*/u.exec(f.slice(end));
    if (comma && addressPart.test(f.slice(end + comma[0].length))) {
      const more = placeEnd(f, end + comma[0].length);
      place = `${place}, ${text
        .slice(end + comma[0].length, more.end)
        .replace(/[\s.,:]+$/u, "")
        .trim()}`;
    }
  }
  // A place is named, so it starts with a capital, a number or an office: "tại đây", "tại các buổi họp" are not places.
  return place.length >= 3 && (/^[\p{Lu}\d]/u.test(place) || officeNoun.test(f)) ? place.slice(0, 200) : null;
}

/** A system's name where `folded` starts, up to the next clause: "dịch vụ công trực tuyến". */
export function readName(rest: string, folded: string): string | null {
  const stop = stopAt.exec(folded);
  const name = rest
    .slice(0, stop ? stop.index : folded.length)
    .replace(/[\s.,:]+$/u, "")
    .trim();
  // "(… trên nhóm Zalo “TĐKT ngành”)": the parenthesis the name stood in closes after it.
  const closed =
    (name.match(/\(/gu)?.length ?? 0) < (name.match(/\)/gu)?.length ?? 0)
      ? name.replace(/\s*\)$/u, "")
      : name;
  return closed.length >= 5 ? closed : null;
}
