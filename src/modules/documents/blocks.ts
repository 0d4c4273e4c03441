/**
 * The block vocabulary document templates write in. A template returns blocks; the PDF layout
 * maps each block onto pdfmake content. Every string in a block is printed as literal text —
 * never parsed as markup or as a pdfmake node — so whatever a citizen typed into a field appears
 * in the PDF exactly as typed (a `<script>` payload included).
 */

/** A run of text inside a paragraph; `strong` prints it bold. */
export interface TextRun {
  text: string;
  strong?: boolean;
}

/** A heading inside the document (the document title is printed by the layout). */
export interface HeadingBlock {
  type: 'heading';
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string | readonly TextRun[];
}

/** Label–value rows, e.g. the submitted data; an empty value prints as a dash. */
export interface KeyValueBlock {
  type: 'keyValue';
  rows: readonly { label: string; value: string }[];
}

export interface ListBlock {
  type: 'list';
  items: readonly string[];
  ordered?: boolean;
}

/** A framed notice that must not be overlooked (e.g. "this receipt is no permit"). */
export interface NoticeBlock {
  type: 'notice';
  title?: string;
  text: string;
}

/** Closing and signature lines, e.g. "Mit freundlichen Grüßen", "Im Auftrag", the office. */
export interface SignatureBlock {
  type: 'signature';
  lines: readonly string[];
  /** Printed under the lines, e.g. "Dieses Schreiben wurde maschinell erstellt und ist ohne Unterschrift gültig." */
  note?: string;
}

/** The legal-remedy notice (Rechtsbehelfsbelehrung), set apart with its own heading. */
export interface LegalRemedyBlock {
  type: 'legalRemedy';
  heading: string;
  text: string;
}

export type DocumentBlock = HeadingBlock | ParagraphBlock | KeyValueBlock | ListBlock | NoticeBlock | SignatureBlock | LegalRemedyBlock;
