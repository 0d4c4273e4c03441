/**
 * Reading an HTML form post. A urlencoded or multipart body arrives as a record of strings
 * (a repeated name gives an array). A missing name and an empty string are both "no answer";
 * only an unticked checkbox is truly missing from the post.
 */

/** A parsed form post: input name → value(s). */
export type FormInput = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The first value posted under `name`, or `undefined` when the name was not posted. */
export function readFormValue(input: FormInput, name: string): string | undefined {
  const value = input[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value[0];
}

/** All values posted under `name` (for checkboxes and hidden lists). */
export function readFormValues(input: FormInput, name: string): string[] {
  const value = input[name];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/** The trimmed text posted under `name`; blank or missing gives `undefined`. */
export function readFormText(input: FormInput, name: string): string | undefined {
  const value = readFormValue(input, name)?.trim();
  return value ? value : undefined;
}

/** Reads several named parts into an object, leaving out blank ones; all blank gives `undefined`. */
export function readFormParts<K extends string>(
  input: FormInput,
  name: string,
  keys: readonly K[],
): Partial<Record<K, string>> | undefined {
  const parts: Partial<Record<K, string>> = {};
  let answered = false;
  for (const key of keys) {
    const value = readFormText(input, `${name}.${key}`);
    if (value !== undefined) {
      parts[key] = value;
      answered = true;
    }
  }
  return answered ? parts : undefined;
}
