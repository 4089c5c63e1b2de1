// The sector's abbreviations, folded (no diacritics), with what they stand for: the one table, kept as
// data (an office adds its own here). Questions, plan texts and unit names are all expanded with it,
// so either spelling matches.
export const abbreviations: Record<string, string> = {
  "gd&dt": "giao duc va dao tao",
  gddt: "giao duc va dao tao",
  "gd dt": "giao duc va dao tao",
  gd: "giao duc",
  "gd-dt": "giao duc va dao tao",
  tdkt: "thi dua khen thuong",
  td: "thi dua",
  "td-kt": "thi dua khen thuong",
  hdtdkt: "hoi dong thi dua khen thuong",
  hdtd: "hoi dong thi dua",
  cstd: "chien si thi dua",
  cstdcs: "chien si thi dua co so",
  gvdg: "giao vien day gioi",
  gvcn: "giao vien chu nhiem",
  bgh: "ban giam hieu",
  pht: "pho hieu truong",
  vhxh: "van hoa xa hoi",
  "vh-xh": "van hoa xa hoi",
  ldtt: "lao dong tien tien",
  ttldtt: "tap the lao dong tien tien",
  ttldxs: "tap the lao dong xuat sac",
  knc: "ky niem chuong",
  hs: "hoc sinh",
  gv: "giao vien",
  cbgvnv: "can bo giao vien nhan vien",
  cbgv: "can bo giao vien",
  dhtt: "dien hinh tien tien",
  ntvt: "nguoi tot viec tot",
  bk: "bang khen",
  gk: "giay khen",
  ubnd: "uy ban nhan dan",
  pgd: "phong giao duc",
  pgddt: "phong giao duc va dao tao",
  sgd: "so giao duc",
  sgddt: "so giao duc va dao tao",
  gdtx: "giao duc thuong xuyen",
  "gdnn-gdtx": "giao duc nghe nghiep giao duc thuong xuyen",
  mn: "mam non",
  mg: "mau giao",
  th: "tieu hoc",
  thcs: "trung hoc co so",
  thpt: "trung hoc pho thong",
};

const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}&-])(${Object.keys(abbreviations)
    .sort((a, b) => b.length - a.length)
    .join("|")})(?![\\p{L}\\p{N}&-])`,
  "gu",
);

/** Spells out the sector's abbreviations in folded text ("tdkt" → "thi dua khen thuong"). */
export function expandAbbreviations(folded: string): string {
  return folded.replace(pattern, (abbreviation) => abbreviations[abbreviation] ?? abbreviation);
}
