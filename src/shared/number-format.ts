/**
 * `Intl.NumberFormat` instances, built once per locale and options: building one costs far more
 * than formatting with it, and charts and tables format thousands of numbers.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
