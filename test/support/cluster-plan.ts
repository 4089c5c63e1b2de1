/**
 * The opening of a district Phòng's plan of our own, up to its two cụm listed with the leader marked
 * in capitals: the start of the plans that test schedules and mailboxes by cụm.
 */
export function clusterPlanOpening(district: string): string[] {
  return [
    `PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN ${district}`,
    "",
    "KẾ HOẠCH",
    "",
    "Tổng kết thi đua năm học 2026 – 2027",
    "",
    "I. CỤM THI ĐUA",
    "",
    "1. Cụm 1 (Mầm non): Trường Mầm non Họa Mi (CỤM TRƯỞNG), Trường Mầm non Sơn Ca, Trường Mầm non Vàng Anh.",
    "",
    "2. Cụm 2 (Tiểu học): Trường Tiểu học Kim Đồng, Trường Tiểu học Lý Thường Kiệt (CỤM TRƯỞNG), Trường Tiểu học Phù Đổng.",
    "",
  ];
}
