import { describe, expect, it } from "vitest";
import { detectIntent } from "../../src/bot/intents.js";
import { foldText } from "../../src/bot/normalize.js";

describe("foldText", () => {
  it("drops diacritics, đ and case, and collapses punctuation", () => {
    expect(foldText("  Trợ GIÚP!! ")).toBe("tro giup");
    expect(foldText("Sở GDĐT")).toBe("so gddt");
    expect(foldText("Xin\u0020cha\u0300o")).toBe("xin chao"); // decomposed input
  });
});

describe("detectIntent", () => {
  it.each([
    ["xin chào", "greeting"],
    ["Chào bạn, cho hỏi", "greeting"],
    ["cảm ơn nhé", "greeting"],
    ["hello", "greeting"],
    ["trợ giúp", "help"],
    ["bạn giúp được gì?", "help"],
    ["/help", "help"],
    ["thoát", "farewell"],
    ["Việc nào đã quá hạn?", "overdue"],
    ["co viec gi qua han chua", "overdue"],
    ["Hồ sơ đề nghị khen thưởng cuối năm gồm những gì?", "requirements_of"],
    ["What documents do I need for the year-end commendation dossier?", "requirements_of"],
    ["Gửi hồ sơ thi đua về đâu?", "where_to_submit"],
    ["nộp qua đâu, đặt tên file thế nào?", "where_to_submit"],
    ["Ai phụ trách thi đua cấp tiểu học?", "contact"],
    ["Khi nào hạn chót gửi bản đăng ký thi đua?", "deadline_of"],
    ["bao gio hop xet danh hieu tap the lao dong xuat sac", "deadline_of"],
    ["Nguyên tắc xét tặng danh hiệu thi đua là gì?", "search"],
    ["Ai ký kế hoạch công tác thi đua năm 2023?", "search"],
    ["Trường tôi đã gửi báo cáo tổng kết chưa?", "my_status"],
    ["don vi minh con thieu gi khong", "my_status"],
    ["Have we submitted the registration?", "my_status"],
    ["Còn bao nhiêu trường chưa nộp báo cáo?", "missing_units"],
    ["cac don vi nao van chua gui ho so khen thuong", "missing_units"],
    ["Which schools have not submitted the year-end dossier yet?", "missing_units"],
    ["Bên mình vừa gửi bảng đăng ký danh hiệu xong", "mark_submitted"],
    ["da nop bao cao so ket roi a", "mark_submitted"],
    ["We have submitted the registration", "mark_submitted"],
    ["/danop 12", "mark_submitted"],
    ["Tôi cần đăng ký danh hiệu cho trường", "register"],
    ["I want to register our school", "register"],
    ["Tôi muốn đăng ký thi đua thì hạn chót khi nào?", "deadline_of"],
    ["English please", "set_language"],
    ["tieng viet nhe", "set_language"],
    ["/lang vi", "set_language"],
    ["Có bản tiếng Anh không?", "unknown"],
    ["Sinh hoạt khối thi đua lần 2 gồm những nội dung gì?", "search"],
    ["thời tiết Hà Nội hôm nay thế nào?", "unknown"],
    ["asdf qwer", "unknown"],
  ])("%s → %s", (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  it("reads a question naming a time as due in that period", () => {
    expect(detectIntent("tháng này có việc gì", true)).toBe("due_in_period");
    expect(detectIntent("thời tiết hôm nay", true)).toBe("unknown");
  });
});
