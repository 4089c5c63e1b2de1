// The lexicon of deadline phrases, as sticky regexes over folded words (see deadline-words.ts),
// and the small readers for the numbers they capture.

const sticky = (source: string) => new RegExp(source, "y");
const romans: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
/** Reads a quarter or semester number, Roman ("iv") or Arabic ("4"). */
export const numeral = (token: string | undefined) => romans[token ?? ""] ?? Number(token);
/** Reads a written year, "24" as 2024. */
export const fullYear = (token: string) => (token.length === 2 ? 2000 + Number(token) : Number(token));
/** "2024-25" and "2024-2025" alike give the second year in full. */
export const secondYear = (first: number, token: string) =>
  token.length === 2
    ? first - (first % 100) + Number(token) + (Number(token) < first % 100 ? 100 : 0)
    : Number(token);

// Periods: the things a deadline can name.
// "năm 24" is a year only after "năm": a bare two-digit number after the month is anything else.
export const wordDateRe = sticky(
  String.raw`(ngay\s*)?(?<!\d)(\d{1,2})\s*thang\s*(\d{1,2})(?!\d)(?:\s*,?\s*(?:nam\s*)?(\d{4})(?!\d)|\s*,?\s*nam\s*(\d{2})(?!\d|[/.\-]\d))?`,
);
// A date without a year must not be followed by another separator and digit: "15-16/5" is two days.
// An impossible "31/02" is still read (and refused with a reason): a slash always means a date.
export const slashDateRe = sticky(
  String.raw`(ngay\s*)?(?<!\d)(\d{1,2})\s*(/)\s*(\d{1,2})(?!\d)(?:\s*/\s*(\d{4}|\d{2})(?!\d)|\s*,?\s*nam\s*(\d{4})(?!\d)|(?!\s*[/.]\s*\d))`,
);
// A dot also writes section numbers, decimals and times ("1.2", "2.5 lần", "7.30"): only a real day and
// month, written tight, not followed by a unit, and not the head of "1.2.3", are a date; a full stop may
// end the sentence right after the year ("… ngày 28.5.2027.").
export const dotDateRe = sticky(
  String.raw`(ngay\s*)?(?<![\d.])(0?[1-9]|[12]\d|3[01])(\.)(0?[1-9]|1[0-2])(?!\d)(?!\s*(?:%|(?:thang|tuan|ngay|gio|phut|lan|diem|ty|trieu|nghin|ngan|km|kg|ha|m2|cm|h)(?![a-z])))(?:\.(\d{4}|\d{2})(?!\d|\.\d)|\s*,?\s*nam\s*(\d{4})(?!\d)|(?!\s*[/.]\s*\d))`,
);
// Spaces around a dash make a range ("15 - 28/5") unless the year is written with the same dashes.
export const dashDateRe = sticky(
  String.raw`(ngay\s*)?(?<!\d)(\d{1,2})(?:-(\d{1,2})(?!\d)(?:-(\d{4}|\d{2})(?!\d)|\s*,?\s*nam\s*(\d{4})(?!\d)|(?![/.\-]\s*\d))|\s+-\s+(\d{1,2})\s+-\s+(\d{4})(?!\d))`,
);
export const monthRe = sticky(
  String.raw`thang\s*(\d{1,2})(?!\d)(?:\s*,?\s*nam hoc\s*(\d{4})\s*-\s*(\d{4}|\d{2})(?!\d)|\s*(?:nam|[/.\-,])?\s*(\d{4})(?!\d))?`,
);
// "tuần 2 tháng 12/2026", "tuần đầu tháng 5", "tuần cuối của tháng 5", "tuần thứ hai của tháng 6": the
// month follows.
export const weekRe = sticky(
  String.raw`tuan\s*(?:thu\s*)?(iv|iii|ii|i|[1-5]|dau|cuoi|nhat|hai|ba|tu|nam)(?![a-z\d])(?:\s*(?:tien|cung))?\s*(?:cua\s+)?(?=thang)`,
);
// "hai tuần đầu của tháng 12", "02 tuần cuối tháng 5": several weeks from the month's first or last.
export const weeksRe = sticky(
  String.raw`(?:trong\s+)?(hai|ba|0?2|0?3)\s*tuan\s*(dau|cuoi)(?![a-z\d])\s*(?:cua\s+)?(?=thang)`,
);
const weekWords: Record<string, number> = { dau: 1, nhat: 1, hai: 2, ba: 3, tu: 4, nam: 5, cuoi: 0 };
/** The week of a month weekRe read: 1 to 5, or 0 for the last. */
export const weekOfMonth = (token: string | undefined) => weekWords[token ?? ""] ?? numeral(token);
export const quarterRe = sticky(
  String.raw`quy\s*(iv|iii|ii|i|[1-4])(?![a-z\d])(?:\s*(?:nam|[/.\-,])?\s*(\d{4})(?!\d))?`,
);
export const semesterRe = sticky(
  String.raw`(?:hoc\s*k[yi]|hk)\s*(ii|i|[12])(?![a-z\d])(?:\s*[,(\-]?\s*(?:cua\s+)?(?:nam hoc\s*)?(\d{4})\s*-\s*(\d{4}|\d{2})(?!\d)\s*\)?)?`,
);
export const schoolYearRe = sticky(
  String.raw`nam hoc(?:\s*[(\-]?\s*(\d{4})\s*-\s*(\d{4}|\d{2})(?!\d)\s*\)?|\s+(?:nay|hien tai|moi)(?![a-z]))?(?![a-z])`,
);
export const halfRe = sticky(
  String.raw`(?:0?6|sau)\s*thang\s*(dau|cuoi)\s*nam(?!\s*hoc)(?:\s*\(?\s*(\d{4})(?!\d)\s*\)?)?`,
);
export const yearRe = sticky(String.raw`nam\s*(\d{4})(?!\d)(?!\s*-\s*\d)`);
export const nowRe = sticky(
  "(?:nay|bay gio|hien nay|hien tai|thoi diem nay|ngay ban hanh(?: ke hoach| van ban)?)(?![a-z])",
);
export const numberRe = sticky(String.raw`(ngay\s*)?(?<!\d)(\d{1,2})(?![\d/.]|\s*thang)`);
export const bareMonthRe = sticky(String.raw`(?<!\d)(\d{1,2})(?!\d)(?:\s*(?:nam|[/.\-])?\s*(\d{4})(?!\d))?`);

// The words around a period: labels, leads, modifiers, times of day, weekdays and range separators.
export const labelRe = sticky(
  String.raw`(thoi gian|thoi han|han chot|han cuoi|han nop|han)(?![a-z])[^:;.\d]{0,80}?:\s*`,
);
export const neutralRe = sticky(
  String.raw`(trong(?: cac)? (?:tuan|ngay|dot)(?=\s+tu(?![a-z]))|trong thoi gian|trong suot|trong khoang|trong|vao khoang|vao|du kien(?: (?:vao|trong|to chuc))?|khoang|nhan dip|dip|luc)(?![a-z])(?:\s+cac(?![a-z]))?\s*`,
);
// "kết thúc học kỳ I" is its end, as "hết học kỳ I" is.
// "Trung tuần tháng 8" (the middle ten days), "thượng tuần", "hạ tuần": read as the month, as "giữa tháng" is.
export const modifierRe = sticky(
  String.raw`(cuoi|dau|giua|het|suot|ket thuc|(?:thuong|trung|ha) tuan)(?![a-z])\s*`,
);
// "trước ngày …", "trước khi kết thúc học kỳ I".
export const beforeRe = sticky(String.raw`truoc(?:\s+khi(?=\s+ket thuc))?(?![a-z])\s*`);
// "không nhận hồ sơ giấy sau ngày 18/6" closes on that day, as "chậm nhất ngày 18/6" does.
export const byRe = sticky(
  String.raw`(khong (?:nhan|tiep nhan|chap nhan|giai quyet)(?: [a-z]+){0,6}? sau|cham nhat|muon nhat|han chot|han cuoi|han nop|thoi han(?: nop)?|khong qua|khong muon hon|khong cham hon|den het|toi het|den|toi)(?![a-z])(?:\s*(?:la|vao|trong|den het|den|toi)(?![a-z]))*\s*:?\s*`,
);
// "7.30" and "7:30" are times only before a part of the day, a weekday or a day: "7.30 sáng ngày 2/5".
export const timeRe = sticky(
  String.raw`(?:\d{1,2}\s*(?:gio|h|g)(?:\s*\d{2}(?!\d)(?:\s*(?:phut|p|'))?)?(?![a-z\d])|\d{1,2}[.:][0-5]\d(?![\d.:])(?=\s*(?:(?:gio|h|phut|sang|chieu|toi|ngay|thu|chu nhat)(?![a-z])|,\s*(?:ngay|thu|chu nhat)(?![a-z]))))(?:\s+(?:sang|chieu|toi)(?![a-z]))?\s*(?:[,\-]\s*)?(?:(?:cua|vao)\s+)?`,
);
// "sáng thứ Tư, ngày 18/11": a part of the day may lead the weekday.
export const weekdayRe = sticky(
  String.raw`(?:(?:buoi\s+)?(?:sang|chieu|toi)\s+)?(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)(?![a-z\d])\s*,?\s*`,
);
// "Từ 7h30 đến 11h00 (các) ngày 14 và 15/5": the hours of the day or days that follow.
export const hourSpanRe = sticky(
  String.raw`(?:tu\s+)?\d{1,2}\s*(?:gio|h|g|:)\s*(?:\d{2})?(?:\s*phut)?\s*(?:den|toi|-)\s*\d{1,2}\s*(?:gio|h|g|:)\s*(?:\d{2}(?!\d))?(?:\s*phut)?(?:\s+(?:sang|chieu))?\s*,?\s*(?:(?:cac|vao|cua)\s+)*(?=(?:ngay|thu|chu nhat)(?![a-z]))`,
);
// "các ngày 14 và 15/5/2027", "hai ngày thứ Năm 20/5 và thứ Sáu 21/5": the days listed.
export const listedDaysRe = sticky(
  String.raw`(?:cac\s+(?=ngay\s*\d)|(?:hai|ba|0?[23])\s+ngay\s+(?=(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)(?![a-z\d])))`,
);
export const fromRe = sticky(String.raw`(?:bat dau\s+)?tu(?![a-z])\s*`);
export const sepRe = sticky(
  String.raw`\s*(?:(-|,|va(?![a-z]))|(cho den het|cho den|den het|den truoc|den|toi het|toi truoc|toi)(?![a-z]))\s*(?:(?:het|cuoi)(?![a-z])\s*)?`,
);

/** Runs a sticky pattern at exactly `pos`. */
export function at(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}
