// Our own THPT council's notice of its year-end review: a schedule of tổ meetings by tổ with who chairs
// (a lesson period before a weekday and its day in brackets, a merged cell, "nt", a footnote's mark), a
// Google Form filled in over a span that ends at an hour.
export const reviewNoticePlan = [
  "SỞ GD&ĐT TỈNH LAM SƠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "TRƯỜNG THPT HÒA LẠC\tĐộc lập - Tự do - Hạnh phúc",
  "",
  "Số: 12/TB-HĐTĐKT\tHòa Lạc, ngày 20 tháng 4 năm 2027",
  "",
  "THÔNG BÁO",
  "Lịch bình xét thi đua cuối năm học 2026 - 2027",
  "",
  "1. Tự đánh giá",
  "",
  "- Giáo viên điền phiếu tự đánh giá qua Google Form tại địa chỉ https://forms.gle/HoaLacTD2627 từ ngày 03/5/2027 đến 16h00 ngày 12/5/2027.",
  "",
  "2. Họp tổ bình xét",
  "",
  "| Tổ | Thời gian | Phòng họp | Chủ trì |",
  "|---|---|---|---|",
  "| Tổ Toán | Tiết 4, thứ Ba (18/5) | P.201 | Hà Văn Nam (Tổ trưởng) |",
  "| Tổ Tin học |  | P.202 | Lục Thị Mơ (Tổ trưởng) |",
  "| Tổ Ngữ văn | 14h00 chiều 19/5 (*) | P.301 | Vi Văn Khang (Tổ trưởng) |",
  "| Tổ Ngoại ngữ | nt | P.302 | Đàm Thị Lan (Tổ trưởng) |",
  "",
  "(*) Tổ Ngữ văn họp sau buổi kiểm tra học kỳ.",
].join("\n");
