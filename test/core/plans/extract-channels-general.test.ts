import { describe, expect, it } from "vitest";
import { extractChannels } from "../../../src/core/plans/extract-channels.js";
import { bodyParagraphs } from "../../../src/core/plans/paragraphs.js";
import { toPlanLines } from "../../../src/core/plans/plan-text.js";

// Channels as plans name them (issue 16, point 3): any web system introduced as the place to send or
// register, any e-mail, a place to hand in or post to, and the chat group of a khối.
const channels = (text: string) => extractChannels(bodyParagraphs(toPlanLines(text)));
const shown = (text: string) => channels(text).map((c) => [c.kind, c.address, c.line]);

describe("extractChannels in general", () => {
  it("reads a room, the office and the street after it, and the same address for the post", () => {
    expect(
      shown(
        "3. Bản giấy: nộp trực tiếp tại bộ phận một cửa (phòng 105, tầng 1, nhà B), Phòng GDĐT thị xã Sơn Tây, số 8 phố Quang Trung, trong giờ hành chính; hoặc gửi qua đường bưu điện (chuyển phát nhanh) đến địa chỉ trên.",
      ),
    ).toEqual([
      [
        "in_person",
        "bộ phận một cửa (phòng 105, tầng 1, nhà B), Phòng GDĐT thị xã Sơn Tây, số 8 phố Quang Trung",
        1,
      ],
      [
        "post",
        "bộ phận một cửa (phòng 105, tầng 1, nhà B), Phòng GDĐT thị xã Sơn Tây, số 8 phố Quang Trung",
        1,
      ],
    ]);
  });

  it("does not take a way the plan says dossiers must not go", () => {
    expect(
      shown(
        "Các trường tiểu học không nộp hồ sơ trực tiếp về Sở mà nộp qua Phòng GDĐT. Phòng GDĐT nộp trực tiếp tại Văn phòng Sở.",
      ),
    ).toEqual([["in_person", "Văn phòng Sở", 1]]);
  });

  it("takes a file-name rule written as its own numbered point, the structure and not the advice before it", () => {
    const found = channels(
      [
        "1. Bản điện tử: các trường tải lên hệ thống https://thidua.example.edu.vn bằng tài khoản của trường.",
        "2. Quy tắc đặt tên tệp: viết không dấu, không khoảng trắng, theo cấu trúc MaTruong_TenHoSo_2026 đối với mọi hồ sơ.",
      ].join("\n\n"),
    );
    expect(found.map((c) => [c.kind, c.address, c.fileNamePattern])).toEqual([
      ["system", "https://thidua.example.edu.vn", "MaTruong_TenHoSo_2026"],
    ]);
  });

  it("keeps the example a file-name rule gives, which shows the codes its words stand for", () => {
    const [mail] = channels(
      "Bản scan gửi về hộp thư khenthuong@vanan.edu.vn. Tên tệp đặt theo quy tắc: Mã danh hiệu_Tên trường_2027, trong đó mã danh hiệu là LDTT (Lao động tiên tiến), CSTDCS (Chiến sĩ thi đua cơ sở); ví dụ: CSTDCS_THAnLac_2027.pdf.",
    );
    expect(mail?.fileNamePattern).toBe("Mã danh hiệu_Tên trường_2027 (ví dụ: CSTDCS_THAnLac_2027.pdf)");
  });

  it("finds an in-person place and an online service named in one sentence, with that sentence", () => {
    const sentence =
      "Hồ sơ đề nghị khen thưởng nộp trực tiếp tại Bộ phận Một cửa của UBND huyện Ý Yên, đồng thời thực hiện qua dịch vụ công trực tuyến theo địa chỉ: https://DichVuCong.NamDinh.gov.vn/.";
    const found = channels(`Kính gửi các trường.\n\n${sentence}`);
    expect(found.map((c) => [c.kind, c.address, c.line])).toEqual([
      ["in_person", "Bộ phận Một cửa của UBND huyện Ý Yên", 3],
      ["system", "https://dichvucong.namdinh.gov.vn", 3],
    ]);
    expect(found.every((c) => c.sentence === sentence)).toBe(true);
  });

  it("finds a postal address with its street parts, and the e-mail beside it", () => {
    expect(
      shown(
        "- Bản giấy gửi về Văn phòng Phòng GDĐT quận Hà Đông, số 2 phố Quang Trung, phường Yết Kiêu trước ngày 15/11/2025; bản mềm gửi vào hộp thư pgdhadong@hanoiedu.vn.",
      ),
    ).toEqual([
      ["post", "Văn phòng Phòng GDĐT quận Hà Đông, số 2 phố Quang Trung, phường Yết Kiêu", 1],
      ["email", "pgdhadong@hanoiedu.vn", 1],
    ]);
    expect(
      shown("Các đơn vị gửi hồ sơ qua đường bưu điện đến Sở Giáo dục và Đào tạo tỉnh Thái Bình."),
    ).toEqual([["post", "Sở Giáo dục và Đào tạo tỉnh Thái Bình", 1]]);
  });

  it("finds a bare domain and a named system where units register, a system's name with its address", () => {
    expect(
      shown(
        "Các trường cập nhật danh sách trên phần mềm quản lý thi đua tại địa chỉ thidua.haiphong.edu.vn trước 20/10.",
      ),
    ).toEqual([["system", "Phần mềm quản lý thi đua (thidua.haiphong.edu.vn)", 1]]);
    expect(
      shown("Đơn vị đăng ký trực tuyến trên Hệ thống quản lý hồ sơ thi đua của Sở trước ngày 5/10."),
    ).toEqual([["system", "Hệ thống quản lý hồ sơ thi đua của Sở", 1]]);
    expect(shown("Các đơn vị đăng ký tại www.thiduakhenthuong.vn/dang-ky, hạn cuối 5/10.")).toEqual([
      ["system", "www.thiduakhenthuong.vn/dang-ky", 1],
    ]);
  });

  it("reads words written without diacritics", () => {
    expect(
      shown(
        "Cac don vi nop truc tiep tai Van phong truong, tang 2 nha A; dong thoi gui ban mem qua email vanphong.thcsnguyendu@gmail.com.",
      ),
    ).toEqual([
      ["in_person", "Van phong truong, tang 2 nha A", 1],
      ["email", "vanphong.thcsnguyendu@gmail.com", 1],
    ]);
  });

  it("finds the khối's Zalo or Telegram group, by its link when the plan gives one", () => {
    expect(shown("Mọi thông báo của khối được gửi qua nhóm Zalo Khối thi đua số 4.")).toEqual([
      ["group", "nhóm Zalo Khối thi đua số 4", 1],
    ]);
    expect(shown("Trưởng khối nhắc việc trong nhóm Telegram của khối (https://t.me/khoi2_tieuhoc).")).toEqual(
      [["group", "https://t.me/khoi2_tieuhoc", 1]],
    );
    // What the group is for is not part of its name.
    expect(shown("- Nhóm Zalo “Thi đua Cụm 3” chỉ dùng để nhắc lịch; không gửi hồ sơ qua nhóm.")).toEqual([
      ["group", "Nhóm Zalo “Thi đua Cụm 3”", 1],
    ]);
    // Nor is the parenthesis it was named in.
    expect(shown("Sở tập huấn trực tuyến (lịch học báo trên nhóm Zalo “Cán bộ TĐKT”).")).toEqual([
      ["group", "nhóm Zalo “Cán bộ TĐKT”", 1],
    ]);
  });

  it("gives the line the address stands on when a paragraph runs over a page break", () => {
    expect(
      shown(
        "Các đơn vị tổng hợp hồ sơ và\nnộp về Sở trước ngày 10/11 qua hệ thống quản lý văn bản ioffice.bacninh.gov.vn.",
      ),
    ).toEqual([["system", "Hệ thống quản lý văn bản (ioffice.bacninh.gov.vn)", 2]]);
  });

  it.each([
    // publishing news on a portal is not where to send a dossier
    "Kịp thời đưa tin, bài về gương điển hình trên Cổng thông tin điện tử của trường.",
    // a web system used for something else than this plan's submissions
    "Vận động học sinh khai báo y tế hằng ngày trên website suckhoe.gov.vn.",
    // "công việc" folds like "cổng" but is no gate
    "Các tổ gửi báo cáo qua công việc hằng tuần của tổ.",
    // sending "về Phòng" names the recipient, not a place to hand papers in
    "Thời gian nộp về Phòng Giáo dục và Đào tạo: chậm nhất ngày 27 tháng 10.",
    // "bản chính" is the signed original, sent electronically here
    "Gửi 01 bản file pdf của báo cáo bản chính đến hộp thư điện tử của Phòng.",
    // "tại đây" names no place
    "Các đơn vị nộp hồ sơ tại đây.",
  ])("finds no channel in %s", (sentence) => {
    expect(shown(sentence)).toEqual([]);
  });

  it("names each channel once, in the order the plan gives them", () => {
    expect(
      shown(
        "Gửi về email tdkt.sgd@quangninh.gov.vn.\n\nNhắc lại: hồ sơ gửi về email TDKT.SGD@quangninh.gov.vn, bản giấy gửi về Phòng Tổ chức cán bộ.",
      ),
    ).toEqual([
      ["email", "tdkt.sgd@quangninh.gov.vn", 1],
      ["post", "Phòng Tổ chức cán bộ", 3],
    ]);
  });
});

describe("channels as a school's or a Sở's guide words them", () => {
  it("does not take 'hệ thống và bản giấy tại …' or a system's status for a system's name", () => {
    expect(
      shown(
        [
          "Nộp bài dự thi (bản mềm trên hệ thống và bản giấy tại Phòng 204): từ ngày 02/3 đến ngày 06/3/2026.",
          "",
          "Bài chỉ được tính là đã nộp khi trên hệ thống chuyển sang trạng thái “Hoàn thành”.",
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it("takes the file-name rule of a point on the files below the system's point", () => {
    const [system] = channels(
      [
        "- Các trường nộp bài trên phần mềm tại địa chỉ https://thidua.camau.edu.vn.",
        "",
        "- Tệp nộp có định dạng PDF, không quá 5 MB, đặt tên theo quy tắc: Mã trường_Tên bài. Ví dụ: TH01_BaoCao.pdf.",
      ].join("\n"),
    );
    expect(system?.fileNamePattern).toBe("Mã trường_Tên bài (Ví dụ: TH01_BaoCao.pdf)");
  });

  it("keeps the codes a subject rule explains after it", () => {
    const [mail] = channels(
      "- Bản scan gửi về hộp thư tdkt@camau.edu.vn; tiêu đề thư ghi theo cấu trúc: [Mã] - Tên trường; trong đó mã là BC1 đối với báo cáo học kỳ I và DN đối với đơn đề nghị.",
    );
    expect(mail?.subjectRule).toBe(
      "[Mã] - Tên trường; trong đó mã là BC1 đối với báo cáo học kỳ I và DN đối với đơn đề nghị",
    );
  });

  it("reads a shared folder named without a link, and the person to hand paper to", () => {
    expect(
      shown(
        [
          "Bản mềm tải lên thư mục “HOI GIANG 2026” trên Drive của trường.",
          "",
          "- Bản giấy nộp tại phòng Văn thư (phòng 3, tầng 1), gặp thầy Lý Văn Bình, trong giờ hành chính.",
        ].join("\n"),
      ),
    ).toEqual([
      ["system", "Thư mục “HOI GIANG 2026” trên Drive", 1],
      ["in_person", "phòng Văn thư (phòng 3, tầng 1), gặp thầy Lý Văn Bình", 3],
    ]);
  });

  it("leaves a council member's phone and e-mail to the contacts", () => {
    expect(
      shown(
        "3. Cô Lê Thị Mơ – Phó Hiệu trưởng – Phó Chủ tịch: theo dõi khối 2. ĐT: 0912 345 678; e-mail: molt@camau.edu.vn.",
      ),
    ).toEqual([]);
  });
});

describe("links by level and the rules under them", () => {
  it("takes a labelled link per level as that level's place to send, with the rules closing the list", () => {
    const found = channels(
      [
        "1. Thư mục Google Drive của cấp học:",
        "",
        "- Cấp Mầm non: https://drive.google.com/drive/folders/mn2026",
        "- Cấp THCS: https://drive.google.com/drive/folders/thcs2026",
        "",
        "Các trường tạo thư mục con mang tên trường. Tên tệp đặt theo cấu trúc: MaTruong_TenHoSo (viết liền, không dấu).",
      ].join("\n"),
    );
    expect(found.map((c) => [c.kind, c.address, c.audience, c.fileNamePattern])).toEqual([
      ["system", "https://drive.google.com/drive/folders/mn2026", "Cấp Mầm non", "MaTruong_TenHoSo"],
      ["system", "https://drive.google.com/drive/folders/thcs2026", "Cấp THCS", "MaTruong_TenHoSo"],
    ]);
  });

  it("reads a postal address after 'về:' and not a place the plan refuses", () => {
    expect(
      shown(
        [
          "3. Hồ sơ giấy gửi qua đường bưu điện về: Bộ phận Chuyên môn, Phòng GDĐT huyện Yên Lạc, số 12 đường Lê Lợi.",
          "",
          "4. Phòng không tiếp nhận: hồ sơ gửi qua Zalo; hồ sơ giấy nộp trực tiếp tại trụ sở Phòng; hồ sơ nộp muộn.",
        ].join("\n"),
      ),
    ).toEqual([["post", "Bộ phận Chuyên môn, Phòng GDĐT huyện Yên Lạc, số 12 đường Lê Lợi", 1]]);
  });
});

describe("addresses that are not where dossiers go", () => {
  it("leaves a portal news is published on, and a person's e-mail in their bracket, but keeps a mailbox for Word files", () => {
    expect(
      shown(
        [
          "- Tin, bài về gương điển hình gửi đăng trên Cổng thông tin điện tử của Sở phải có ảnh minh họa.",
          "",
          "c) Hộp thư tdkt@camau.edu.vn chỉ dùng để nhận bản Word của báo cáo thành tích; không nhận hồ sơ chính thức qua e-mail.",
          "",
          "Mọi vướng mắc liên hệ: bà Lê Thị Hoa, chuyên viên, tiếp nhận hồ sơ giấy tại phòng 205 (ĐT: 0912.111.222, e-mail: hoalt@camau.edu.vn).",
        ].join("\n"),
      ),
    ).toEqual([["email", "tdkt@camau.edu.vn", 3]]);
  });
});
