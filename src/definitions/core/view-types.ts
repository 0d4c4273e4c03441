/**
 * View models: everything an HTML template needs to render a field, already in the visitor's
 * language, with names, ids, values and per-input errors worked out. Templates stay dumb: one
 * partial per `control` kind, no logic beyond loops and escaping.
 */

/** The HTML control to render for one input. */
export type Control = 'text' | 'textarea' | 'select' | 'radios' | 'checkboxes' | 'checkbox' | 'hidden' | 'file';

/** One option of a select, radio group or checkbox group. */
export interface ChoiceView {
  value: string;
  label: string;
  hint?: string;
  /** HTML id of this option's input (radios and checkboxes). */
  id: string;
  /** Selected (select), checked (radios, checkboxes). */
  selected: boolean;
}

/** An uploaded file listed under its file input, with the button that removes it. */
export interface FileItemView {
  id: string;
  name: string;
  /** Size for people, e.g. "1,2 MB". */
  size: string;
  remove: ButtonView;
}

/** One form control: its name is the data path it fills, so errors find their input. */
export interface InputView {
  control: Control;
  name: string;
  id: string;
  /** The text of the `<label>` (or `<legend>` for radios/checkboxes inside a composite field). */
  label: string;
  value: string;
  hint?: string;
  error?: string;
  /** `type` attribute of `<input>` for the `text` control. */
  type?: 'text' | 'email' | 'tel';
  inputmode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email';
  autocomplete?: string;
  spellcheck?: boolean;
  maxlength?: number;
  rows?: number;
  /** Visual width hint for the CSS (KERN input widths). */
  width?: 'xs' | 's' | 'm' | 'l' | 'full';
  /** Text shown before/after the input, e.g. "€" or "m". */
  prefix?: string;
  suffix?: string;
  choices?: ChoiceView[];
  /** Text of the empty first option of a select ("Bitte auswählen"). */
  placeholder?: string;
  /** Show radios side by side (short answers such as Ja/Nein). */
  inline?: boolean;
  /** Single checkbox: whether it is ticked and the value it posts. */
  checked?: boolean;
  checkedValue?: string;
  /** File input: the `accept` attribute, whether several files may be chosen, and the files so far. */
  accept?: string;
  multiple?: boolean;
  files?: FileItemView[];
  required: boolean;
  /** Space-separated ids for `aria-describedby` (hint and error of this input and its field). */
  describedBy?: string;
}

/** A submit button that posts `action=<value>` (row add/remove without JavaScript). */
export interface ButtonView {
  name: 'action';
  value: string;
  label: string;
}

/** One row of a repeating group. */
export interface RowView {
  index: number;
  /** Legend of the row's fieldset, e.g. "Geschäftsführer/in 2". */
  legend: string;
  fields: FieldView[];
  remove?: ButtonView;
}

/**
 * A map that draws into a hidden input (the `geometry` field). The page shows it only where
 * scripts run; the typed inputs beside it stay the way to answer without it.
 */
export interface MapFieldView {
  /** HTML id prefix of the map's elements. */
  id: string;
  /** Name of the hidden input the drawing is written to, as GeoJSON. */
  input: string;
  /** Shapes that may be drawn: Point, LineString, Polygon. */
  kinds: string[];
  /** [west, south, east, north] the map opens on when the municipality's area is not known. */
  bounds?: [number, number, number, number];
  /** Texts in the visitor's language; the script fills {count}, {metres} and {area} itself. */
  texts: Record<string, string>;
}

/** A field as the template sees it. */
export interface FieldView {
  fieldId: string;
  type: string;
  path: string;
  /** Id for the field's wrapper (`<div>`/`<fieldset>`): `<input id of the path>-field`. */
  id: string;
  /** Id of the first control to focus (error summary and "change" links point here). */
  focusId: string;
  label: string;
  hint?: string;
  /** HTML id of the hint element, when there is a hint. */
  hintId?: string;
  /** HTML id of the field-level error element, when there is an error. */
  errorId?: string;
  required: boolean;
  /** `single`: one label and one control; `fieldset`: a legend around several controls. */
  layout: 'single' | 'fieldset';
  /** An error about the field as a whole (not about one of its inputs). */
  error?: string;
  inputs: InputView[];
  /** Repeating group: its rows and the button to add one. */
  rows?: RowView[];
  addRow?: ButtonView;
  /** Group: its sub-fields. */
  fields?: FieldView[];
  /** A drawing map over one of the inputs (`geometry`). */
  map?: MapFieldView;
  /**
   * Set when the field's condition depends on an answer on the same page: without JavaScript it
   * is shown with this hint; a script may evaluate `condition` (JSON) to reveal it in place.
   */
  conditional?: { condition: string; visible: boolean };
}
