import { describe, expect, it } from "vitest";
import { questionPeriod } from "../../../src/bot/understanding/question-period.js";
import { createSchoolCalendar } from "../../../src/core/index.js";

const calendar = createSchoolCalendar();
const period = (text: string, today: string) => {
  const p = questionPeriod(text, today, calendar);
  return p ? [p.start, p.end] : null;
};

describe("questionPeriod", () => {
  it.each([
    ["tuần tới có việc gì", "2023-06-18", ["2023-06-19", "2023-06-25"]], // Sunday: next week starts tomorrow
    // Today to the end of this week or month, however it is said.
    ["tu gio den het tuan ben minh con viec gi", "2024-03-06", ["2024-03-06", "2024-03-10"]],
    ["từ hôm nay đến chủ nhật này có gì phải nộp", "2024-03-06", ["2024-03-06", "2024-03-10"]],
    ["What is left from today to the end of the month?", "2024-03-06", ["2024-03-06", "2024-03-31"]],
    ["tuần trước", "2023-06-14", ["2023-06-05", "2023-06-11"]],
    ["tháng sau", "2023-12-10", ["2024-01-01", "2024-01-31"]],
    ["tháng trước", "2024-01-10", ["2023-12-01", "2023-12-31"]],
    ["tháng 1 có gì", "2023-12-10", ["2024-01-01", "2024-01-31"]],
    ["tháng 5 có gì", "2023-06-10", ["2023-05-01", "2023-05-31"]],
    ["tháng 8 năm 2025", "2024-10-01", ["2025-08-01", "2025-08-31"]],
    ["quý II năm 2025", "2024-10-01", ["2025-04-01", "2025-06-30"]],
    ["học kỳ 2 có những việc gì", "2023-10-01", ["2024-01-18", "2024-05-24"]],
    ["năm nay", "2023-03-01", ["2023-01-01", "2023-12-31"]],
    ["nam sau co gi moi", "2023-03-01", ["2024-01-01", "2024-12-31"]],
    // A month or quarter named with "năm nay/sau" is that month of that year, not the whole year.
    ["tháng 2 năm nay bên em phải nộp những gì", "2024-11-20", ["2024-02-01", "2024-02-29"]],
    ["quy 3 nam nay co moc nao k", "2024-01-15", ["2024-07-01", "2024-09-30"]],
    ["thang 1 nam sau co han gi", "2024-03-05", ["2025-01-01", "2025-01-31"]],
    ["anything in September this year?", "2024-02-10", ["2024-09-01", "2024-09-30"]],
    // That many days, today the first.
    ["10 ngày tới", "2023-03-01", ["2023-03-01", "2023-03-10"]],
    ["anything in the next 7 days", "2023-03-01", ["2023-03-01", "2023-03-07"]],
    // "mấy/vài ngày tới", "the next few days": a week; "mấy" is not May.
    ["may hom toi ben minh co han gi ko", "2025-10-15", ["2025-10-15", "2025-10-21"]],
    ["vài ngày tới có việc gì cần gửi phòng", "2025-10-15", ["2025-10-15", "2025-10-21"]],
    ["anything due in the next few days", "2025-10-15", ["2025-10-15", "2025-10-21"]],
    ["anything due in May?", "2025-10-15", ["2025-05-01", "2025-05-31"]],
    // Two weeks or months together, the week after next, a month of days, a quarter, a weekday.
    ["tuần này với tuần sau có gì phải nộp", "2025-10-15", ["2025-10-13", "2025-10-26"]],
    // Either week asked of: both.
    ["tuần này hay tuần sau có phải gửi gì không", "2025-10-15", ["2025-10-13", "2025-10-26"]],
    ["anything due this week or the next?", "2025-10-15", ["2025-10-13", "2025-10-26"]],
    ["this month or next, what do we owe", "2025-10-15", ["2025-10-01", "2025-11-30"]],
    ["tuan sau nua co hop khoi khong", "2025-10-15", ["2025-10-27", "2025-11-02"]],
    ["trong tháng 11 và tháng 12 có những mốc nào", "2025-10-15", ["2025-11-01", "2025-12-31"]],
    ["thang 3, 4 co gi can nop", "2026-02-10", ["2026-03-01", "2026-04-30"]],
    ["tháng 12 có gì", "2025-10-15", ["2025-12-01", "2025-12-31"]],
    ["1 tháng tới có gì", "2025-10-15", ["2025-10-15", "2025-11-13"]],
    ["quý này còn việc gì", "2025-10-15", ["2025-10-01", "2025-12-31"]],
    ["what is due next quarter", "2025-10-15", ["2026-01-01", "2026-03-31"]],
    ["thứ sáu này có gì phải gửi", "2025-10-15", ["2025-10-17", "2025-10-17"]],
    // The semester today is in, from the school calendar (opening to the end of semester 1).
    ["hoc ky nay con nhung han nao", "2025-10-15", ["2025-09-05", "2026-01-17"]],
    // From today to a day written out.
    ["tu hom nay den 20/12 co nhung han nao", "2025-11-05", ["2025-11-05", "2025-12-20"]],
    ["từ giờ tới ngày 10/1 bên mình phải nộp gì", "2025-11-05", ["2025-11-05", "2026-01-10"]],
    ["anything due from now until 30/11/2025?", "2025-11-05", ["2025-11-05", "2025-11-30"]],
    // Two days written out, or today to one ("between now and 15 December", "by Dec 20th").
    ["tu 3/6 den 14/6 ben minh co phai gui gi ko", "2025-05-28", ["2025-06-03", "2025-06-14"]],
    ["từ ngày 2 tháng 12 tới ngày 9 tháng 12 có hạn nào", "2025-11-20", ["2025-12-02", "2025-12-09"]],
    ["what's due from 22 Dec to 8 Jan", "2025-12-01", ["2025-12-22", "2026-01-08"]],
    ["what do we have to finish between now and 20 December?", "2025-11-05", ["2025-11-05", "2025-12-20"]],
    ["anything to hand in by Dec 1st?", "2025-11-05", ["2025-11-05", "2025-12-01"]],
    // Before a day is to the day before it, as a plan's "trước ngày" is; to the end of a month named.
    ["trước 15/12 bên em còn gì phải nộp", "2025-11-05", ["2025-11-05", "2025-12-14"]],
    ["anything to send before 1 December?", "2025-11-05", ["2025-11-05", "2025-11-30"]],
    ["tu nay toi het thang 1 co nhung han nao", "2025-11-05", ["2025-11-05", "2026-01-31"]],
    ["what is due until the end of January", "2025-11-05", ["2025-11-05", "2026-01-31"]],
    // From today to Sunday, or to the end of a quarter named.
    ["từ hôm nay tới chủ nhật bên mình có hạn gì không", "2025-11-05", ["2025-11-05", "2025-11-09"]],
    ["tu nay den het quy 4 con gi phai lam", "2025-11-05", ["2025-11-05", "2025-12-31"]],
    ["anything due until the end of Q1?", "2025-11-05", ["2025-11-05", "2026-03-31"]],
    // Weeks counted from today; a weekday named as the end (2025-11-05 is a Wednesday).
    ["trong 3 tuần tới bên mình có hạn gì", "2025-11-05", ["2025-11-05", "2025-11-25"]],
    ["hai tuan nua co gi phai nop", "2025-11-05", ["2025-11-05", "2025-11-18"]],
    ["what do we owe in the next two weeks", "2025-11-05", ["2025-11-05", "2025-11-18"]],
    ["từ giờ đến thứ 6 có gì phải gửi không", "2025-11-05", ["2025-11-05", "2025-11-07"]],
    ["truoc thu hai co viec gi ko", "2025-11-05", ["2025-11-05", "2025-11-10"]],
    ["is anything due by Thursday", "2025-11-05", ["2025-11-05", "2025-11-06"]],
    ["anything to send before the end of this month?", "2025-11-05", ["2025-11-05", "2025-11-30"]],
    // To the end of the year, named or this one ("năm học" is not the calendar year).
    ["tu nay den het nam 2025 con han nao", "2025-11-05", ["2025-11-05", "2025-12-31"]],
    ["đến cuối năm còn phải nộp gì", "2024-10-10", ["2024-10-10", "2024-12-31"]],
    ["what is left until the end of the year", "2024-10-10", ["2024-10-10", "2024-12-31"]],
    // To the eve of the coming Tết (29/01/2025; the one of 2024 is past on 20/02/2024).
    ["truoc tet co bao cao nao k", "2024-12-02", ["2024-12-02", "2025-01-28"]],
    ["anything due before Tết?", "2024-02-20", ["2024-02-20", "2025-01-28"]],
    // The rest of this week (2025-11-05 is a Wednesday).
    ["tu gio den chu nhat con viec gi", "2025-11-05", ["2025-11-05", "2025-11-09"]],
    ["đến cuối tuần có gì phải nộp không", "2025-11-05", ["2025-11-05", "2025-11-09"]],
    ["anything due between now and Sunday?", "2025-11-05", ["2025-11-05", "2025-11-09"]],
    [
      "list the tasks that fall due between today and Sunday for our school",
      "2025-11-05",
      ["2025-11-05", "2025-11-09"],
    ],
    ["den cuoi tuan sau co han nao", "2025-11-05", ["2025-11-10", "2025-11-16"]],
    ["What is due next week?", "2023-06-14", ["2023-06-19", "2023-06-25"]],
    ["anything due in December?", "2023-11-20", ["2023-12-01", "2023-12-31"]],
    ["due tomorrow?", "2023-12-31", ["2024-01-01", "2024-01-01"]],
    // A week of a month, Monday–Sunday, in the month that holds its Thursday (as plans' "Tuần 2 tháng 12").
    ["tuan 3 thang 11 ben em co gi phai nop ko", "2025-10-28", ["2025-11-17", "2025-11-23"]],
    ["tuần cuối của tháng này có hạn nào", "2025-10-02", ["2025-10-27", "2025-11-02"]],
    ["anything due in the first week of next month?", "2025-09-20", ["2025-09-29", "2025-10-05"]],
    ["last week of March, what do schools hand in", "2026-02-10", ["2026-03-23", "2026-03-29"]],
  ])("%s (today %s)", (text, today, expected) => {
    expect(period(text, today)).toEqual(expected);
  });

  it("finds no period where the question names none", () => {
    expect(period("Hồ sơ đề nghị khen thưởng gồm những gì?", "2024-05-02")).toBeNull();
    expect(period("Ai phụ trách thi đua ở Quận 1?", "2024-05-02")).toBeNull();
    expect(period("hồ sơ khen thưởng cuối năm học gửi tới đâu", "2024-05-02")).toBeNull();
    expect(period("den het nam hoc con gi", "2024-05-02")).toBeNull();
    expect(period("trước Tết Trung thu trường mình phải gửi gì", "2024-08-20")).toBeNull();
    // One day named is what a deadline question checks, not a span.
    expect(period("han nop la 15/12 phai ko", "2024-11-20")).toBeNull();
  });
});
