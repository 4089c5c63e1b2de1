// Building an Intl.DateTimeFormat costs far more than using one: each is built once per name and time zone.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The format `name` in a time zone, built by `build` the first time it is asked for. */
export function cachedFormat(
  name: string,
  timeZone: string,
  build: (timeZone: string) => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  const key = `${name}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = build(timeZone);
    formats.set(key, format);
  }
  return format;
}
