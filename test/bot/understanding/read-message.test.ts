import { describe, expect, inject, it } from "vitest";
import { createMessageReader } from "../../../src/bot/understanding/read-message.js";
import { createSchoolCalendar } from "../../../src/core/index.js";

const reader = createMessageReader({ calendar: createSchoolCalendar(), cacheDir: inject("modelCacheDir") });
const read = (text: string) => reader.read(text, "2024-10-14");

describe("commands and codes are read exactly", () => {
  it.each([
    ["/start K7M2-QX9P", "redeem_invite"],
    ["mã mời k7m2 qx9p", "redeem_invite"],
    ["/han 12", "deadline_of"],
    ["/danop 7", "mark_submitted"],
    ["/nhan 7 TH-KD", "receive"],
    ["/lang en", "set_language"],
    ["/dangky", "register"],
    ["/trogiup", "help"],
    ["/huy", "undo"],
  ])("%s → %s", (text, intent) => {
    const reading = read(text);
    expect(reading.intent).toBe(intent);
    expect(reading.byCommand).toBe(true);
    expect(reading.confident).toBe(true);
  });
});

// Sentences of the team's own, in neither the corpus nor the evaluation sets: the model must read
// phrasings it was not shown.
describe("the trained model reads free text", () => {
  it.each([
    ["tuần tới có mốc nào cần lưu ý không bạn", "due_in_period"],
    ["tháng 11 này bên em phải gửi những gì lên phòng", "due_in_period"],
    ["what has to be handed in before the end of next month", "due_in_period"],
    ["còn cái nào trễ hạn chưa xử lý ko", "overdue"],
    ["anything we missed?", "overdue"],
    ["bao giờ thì nộp báo cáo sơ kết thi đua học kỳ 1", "deadline_of"],
    ["hội nghị tổng kết phong trào thi đua tổ chức ngày nào vậy", "deadline_of"],
    ["when is the initiative report due", "deadline_of"],
    ["bộ hồ sơ đề nghị bằng khen phải có những giấy tờ nào", "requirements_of"],
    ["what goes into the emulation flag nomination file", "requirements_of"],
    ["gửi tờ trình qua email nào hay nộp bản giấy", "where_to_submit"],
    ["which address do we email the minutes to", "where_to_submit"],
    ["ai là người phụ trách thi đua khối trung học", "contact"],
    ["who should I call about the award paperwork", "contact"],
    ["bên em nộp biên bản họp hội đồng chưa nhỉ", "my_status"],
    ["has our school's registration been received yet?", "my_status"],
    ["trường mình đã gửi biên bản họp hội đồng rồi nha", "mark_submitted"],
    ["we already emailed the summary report", "mark_submitted"],
    ["những trường nào còn chưa gửi bảng tự chấm điểm", "missing_units"],
    ["em muốn làm đăng ký danh hiệu cho trường năm nay", "register"],
    ["tiêu chuẩn để được công nhận chiến sĩ thi đua cơ sở là gì", "search"],
    ["giáo viên mới chuyển công tác về có được bình xét lao động tiên tiến không", "search"],
    ["what is the maximum share of staff who can be named emulation soldiers", "search"],
    ["trợ lý này làm được những việc gì", "help"],
    ["chào em nhé", "greeting"],
    ["thanks a lot!", "greeting"],
    ["ok bye nhé", "farewell"],
    ["trả lời tiếng Anh giúp mình", "set_language"],
    ["xem giúp mình kết quả bóng đá tối qua", "unknown"],
  ])("%s → %s", (text, intent) => {
    expect(read(text).intent).toBe(intent);
  });

  it("is not sure of a message that could be read two ways, and says which readings are close", () => {
    const reading = read("hồ sơ");
    expect(reading.confident).toBe(false);
    expect(reading.ranked.length).toBeGreaterThan(1);
  });

  it("knows the words it learned from", () => {
    expect(read("hạn nộp hồ sơ thi đua").familiarity).toBe(1);
    expect(read("qwrtz plokm").familiarity).toBe(0);
  });

  it("notices a time span in the message", () => {
    expect(read("tháng sau có gì").period).toEqual({ start: "2024-11-01", end: "2024-11-30" });
  });

  it("notices a time span written in chat or regional words", () => {
    // 2024-10-14 is a Monday.
    expect(read("thang ni truong minh co viec chi rua").period).toEqual({
      start: "2024-10-01",
      end: "2024-10-31",
    });
    expect(read("tu h toi 25/10 co nhg viec j").period).toEqual({ start: "2024-10-14", end: "2024-10-25" });
    expect(read("trc 20/10 ben em phai lam xong nhung gi").period).toEqual({
      start: "2024-10-14",
      end: "2024-10-19",
    });
  });
});
