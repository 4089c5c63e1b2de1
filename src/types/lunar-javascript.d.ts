// The part of lunar-javascript (6tail) the reminders use: a lunar day to its solar day.
declare module "lunar-javascript" {
  interface Solar {
    toYmd(): string;
  }
  interface Lunar {
    getSolar(): Solar;
  }
  const lunar: { Lunar: { fromYmd(year: number, month: number, day: number): Lunar } };
  export default lunar;
}
