/** See compiled.js: the file URL of the compiled form of a source file, building first when the sources changed. */
export function compiledUrl(sourcePath: string, root?: string): Promise<string>;
