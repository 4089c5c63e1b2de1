import { readFileSync } from "node:fs";
import { createInstance, type TFunction } from "i18next";
import { defaultLocale, type Locale, locales } from "./messages.js";

export type Translate = TFunction;

const localesFolder = new URL("../../locales/", import.meta.url);

function loadResources() {
  return Object.fromEntries(
    locales.map((locale) => [
      locale,
      { translation: JSON.parse(readFileSync(new URL(`${locale}/translation.json`, localesFolder), "utf8")) },
    ]),
  );
}

/** An i18next instance over locales/, with a translate function per language. */
export function createTranslator(): (locale: Locale) => Translate {
  const i18n = createInstance();
  void i18n.init({
    resources: loadResources(),
    lng: defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // i18next's getFixedT copies its whole options object on every call; the language passed to `t`
  // finds the same text.
  const translators = new Map<Locale, Translate>();
  return (locale) => {
    let t = translators.get(locale);
    if (!t) {
      t = ((key: string | string[], options?: Record<string, unknown>) =>
        i18n.t(key, { ...options, lng: locale })) as Translate;
      translators.set(locale, t);
    }
    return t;
  };
}

/** Picks a supported locale from a platform's language tag such as "en-US". */
export function pickLocale(tag: string | undefined): Locale | undefined {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return locales.find((locale) => locale === base);
}
