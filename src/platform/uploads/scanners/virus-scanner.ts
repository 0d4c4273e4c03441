/**
 * The virus-scan hook for uploads (standards-security B7.4, T15). A scanner reads the staged
 * content before the upload is committed; what it reports decides whether the file is kept.
 * Fail closed: a scanner that cannot give a verdict throws ScannerUnavailableError, and the
 * upload is refused rather than accepted unscanned.
 */
import type { Readable } from 'node:stream';
import type { SelfCheckResult } from '../../plugins/plugin-definition.js';

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

export interface VirusScanner {
  /** The plug-in id: `off`, `clamd`, `demo` or `failing-demo`. */
  readonly id: string;
  /** Reads the content to its end and reports. Throws ScannerUnavailableError or ScanFailedError when there is no verdict. */
  scan(content: Readable): Promise<ScanVerdict>;
  selfCheck(): Promise<SelfCheckResult>;
}

/** The scanner could not be reached or did not answer in time; the upload may be retried later. */
export class ScannerUnavailableError extends Error {}

/** The scanner answered but refused to scan this content (e.g. over its size limit); retrying will not help. */
export class ScanFailedError extends Error {}

/**
 * clamd reports content over its scan limits as `Heuristics.Limits.Exceeded` (with
 * AlertExceedsMax on); that is no verdict on the content, so it is told apart from malware.
 */
export function isLimitsExceeded(verdict: ScanVerdict): boolean {
  return !verdict.clean && verdict.signature.startsWith('Heuristics.Limits.Exceeded');
}
