import { describe, expect, it } from "vitest";
import { normalizeMessage } from "../../../src/bot/understanding/normalize-message.js";

describe("normalizeMessage reads chat Vietnamese", () => {
  it.each([
    ["ko biết hs thi đua nộp trc ngày mấy", "khong biet ho so thi dua nop truoc ngay may"],
    ["bc tổng kết đc gửi qua mail j z", "bao cao tong ket duoc gui qua mail gi"],
    ["tđkt năm nay có j mới k", "thi dua khen thuong nam nay co gi moi khong"],
    ["mk nộp r mà", "minh nop roi ma"],
  ])("spells out %s", (typed, read) => {
    expect(normalizeMessage(typed).text).toBe(read);
  });

  it("reads a chat spelling by its neighbours where they decide what it means", () => {
    expect(normalizeMessage("dk danh hieu cho to chuyen mon o dau").text).toBe(
      "dang ky danh hieu cho to chuyen mon o dau",
    );
    expect(normalizeMessage("gv nay du dk khen chua").text).toBe("gv nay du dieu kien khen chua");
    expect(normalizeMessage("gui qua mail dk ko").text).toBe("gui qua mail duoc khong");
  });

  it("reads 'ty le' as a share, not as thanks, and keeps '%' as a word", () => {
    expect(normalizeMessage("ty le giay khen toi da bao nhieu %").text).toBe(
      "ty le giay khen toi da bao nhieu %",
    );
    expect(normalizeMessage("ok ty").text).not.toContain("ty");
  });

  it("reads the regional words of the Centre and the South", () => {
    expect(normalizeMessage("bao cao so ket nop bua nao dzay ad").text).toBe("bao cao so ket nop hom nao");
    expect(normalizeMessage("hồ sơ cờ thi đua gồm cái chi rứa").text).toBe("ho so co thi dua gom cai gi");
    expect(normalizeMessage("quý ni phòng mình làm răng để kịp").text).toBe(
      "quy nay phong minh lam sao de kip",
    );
  });

  it("keeps a message typed without diacritics so when it spells out chat words", () => {
    // "r k" spelled out must not make "qua han" count as typed with diacritics (then it is not "quá hạn").
    const message = normalizeMessage("truong minh co gi tre han r k");
    expect(message.typed.join(" ")).toBe("truong minh co gi tre han roi khong");
  });

  it("drops particles and softeners, but keeps a greeting that stands alone", () => {
    expect(normalizeMessage("Hồ sơ gồm gì ạ, anh ơi?").text).toBe("ho so gom gi");
    expect(normalizeMessage("hạn nộp là hôm nào vậy nhé").text).toBe("han nop la hom nao");
    expect(normalizeMessage("Chào buổi sáng").text).toBe("chao buoi sang");
    expect(normalizeMessage("cảm ơn nhé").text).toBe("cam on");
    // Only words that address or soften follow: the greeting is all there is.
    expect(normalizeMessage("Xin chào anh ad nhé").text).toBe("xin chao");
  });

  it("drops a greeting or lead-in before a question", () => {
    expect(normalizeMessage("Chào bạn, lịch họp khối khi nào?").text).toBe("lich hop khoi khi nao");
    expect(normalizeMessage("Hi, where do we send the flag nomination?").text).toBe(
      "where do we send the flag nomination",
    );
    expect(normalizeMessage("cho mình hỏi chút, ai phụ trách mầm non").text).toBe("ai phu trach mam non");
  });

  it("drops a word about oneself after a question, but not one that asks or that is all there is", () => {
    expect(
      normalizeMessage("Thư ký hội đồng làm những việc gì vậy, em mới nhận việc nên chưa rõ lắm").text,
    ).toBe("thu ky hoi dong lam nhung viec gi");
    expect(normalizeMessage("who do I call about the dossier? I'm new here").text).toBe(
      "who do i call about the dossier",
    );
    // Before the question, or asking itself, it stays.
    expect(normalizeMessage("em mới nộp hồ sơ hôm qua, đã nhận được chưa").text).toContain("moi nop");
    expect(normalizeMessage("hồ sơ gửi rồi, em mới hỏi lại đã nhận được chưa").text).toContain("moi hoi");
    // First, it ends where the sender says what they do not know yet; the question is read alone.
    expect(normalizeMessage("Mình mới về trường nên chưa nắm rõ, hồ sơ sáng kiến nộp ở đâu").text).toBe(
      "ho so sang kien nop o dau",
    );
    expect(normalizeMessage("em mới làm thi đua nên chưa biết gì").text).toContain("moi lam");
  });

  it("tells words apart by their diacritics when the message has them", () => {
    // "đã" is not the polite "dạ", "cho" is not "chỗ".
    expect(normalizeMessage("đã nộp báo cáo tổng kết rồi").words[0]).toBe("da");
    expect(normalizeMessage("Dạ em chào anh, giờ gửi tờ trình về đâu ạ").text).toBe(
      "gio gui to trinh ve dau",
    );
    expect(normalizeMessage("cho em hỏi lịch nộp sáng kiến").selfUnit).toBe(false);
    expect(normalizeMessage("chỗ em nộp sáng kiến chưa").selfUnit).toBe(true);
  });

  it.each([
    ["bên em gửi biên bản rồi", true],
    ["phòng mình còn thiếu gì không", true],
    ["Has our school sent the minutes?", true],
    ["who chairs our group this year", true],
    ["Which unit leads our cluster?", true],
    ["khối mình năm nay họp ở đâu", true],
    ["phòng giáo dục nhận hồ sơ khi nào", false],
    ["hạn nộp sáng kiến", false],
  ])("knows whether %s speaks of the sender's own unit", (text, self) => {
    expect(normalizeMessage(text).selfUnit).toBe(self);
  });

  it.each([
    ["bên mình gửi bảng điểm lên sở chưa nhỉ", true],
    ["trường em gửi bảng điểm lên sở rồi nhé", false],
    ["Have we uploaded the scores", true],
    ["We uploaded the scores", false],
    ["cho em hỏi lịch họp hội đồng", true],
    ["hs cờ thi đua gửi mấy bản", true],
  ])("knows whether %s asks or tells", (text, question) => {
    expect(normalizeMessage(text).question).toBe(question);
  });

  it("marks yes/no questions, follow-ups and whole-message answers", () => {
    expect(normalizeMessage("Giáo viên nghỉ thai sản có được xét LĐTT không?").yesNo).toBe(true);
    expect(normalizeMessage("Can a contract teacher be an Emulation Soldier?").yesNo).toBe(true);
    expect(normalizeMessage("Tiêu chuẩn CSTĐ cơ sở là gì?").yesNo).toBe(false);
    const followup = normalizeMessage("thế còn tuần sau?");
    expect(followup.followup).toBe(true);
    expect(followup.text).toBe("tuan sau");
    expect(normalizeMessage("đúng rồi").answer).toBe("yes");
    expect(normalizeMessage("Không").answer).toBe("no");
    expect(normalizeMessage("không biết hạn nộp").answer).toBeNull();
  });
});
