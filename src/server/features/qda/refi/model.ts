// The in-memory model of a REFI-QDA (QDA-XML 1.0) project: what read.ts produces from a
// project.qde / .qdc and what write.ts turns back into XML. It is a plain, JSON-like value (no
// classes, no database ids) so the importer and exporter can map it onto our own tables.
//
// Shape decisions, following Project-mrt2019.xsd:
// - All notes (memos) live in the project-level <Notes>; codes, sources, selections, codings and
//   the project refer to them with <NoteRef targetGUID=…/>, kept here as `noteGuids`. The schema
//   has no NoteRef on a Case (CaseType), so RefiCase has none.
// - The codebook is a tree: a code's children are its nested <Code> elements, in file order.
// - GUIDs are kept in canonical form: lower case, without braces. The schema accepts upper and
//   lower case (and a braced form); the reader lower-cases, so references compare
//   case-insensitively. Only a .qdc read with `lenientGuids` can carry non-GUID ids (kept as given).
// - Text positions are Unicode code points, first code point 0, end exclusive (see read.ts for
//   the evidence from real exports).
// - The optional fields cover parts of the schema the brief's model left out (descriptions of
//   notes and selections, codings on a whole source, variable values on a source, code and
//   selection refs on a case, the project description and its notes). The reader sets them only
//   when the file has them, so a project without them reads back without the keys.

export type RefiUser = { guid: string; name: string };

export type RefiCode = {
  guid: string;
  name: string;
  /** '#RRGGBB' (a '#RGB' colour in a file is expanded to '#RRGGBB' on read). */
  color: string | null;
  description: string | null;
  isCodable: boolean;
  children: RefiCode[];
  /** Notes on this code (<NoteRef> in a project; a .qdc has no notes, so it is [] there). */
  noteGuids: string[];
};

export type RefiCoding = {
  guid: string;
  codeGuid: string;
  creatingUser: string | null;
  creationDateTime: string | null;
  /** Notes on the coding itself (CodingType allows NoteRef). */
  noteGuids?: string[];
};

export type RefiSelection = {
  guid: string;
  name: string | null;
  /** First code point of the selection, 0-based. */
  start: number;
  /** One past the last code point (end exclusive), so length = end - start. */
  end: number;
  creatingUser: string | null;
  creationDateTime: string | null;
  codings: RefiCoding[];
  noteGuids: string[];
  /** The selection's <Description>, when the file has one. */
  description?: string;
};

/** A text source; `text` is absent in the skeleton that the streaming reader returns. */
export type RefiSource = {
  guid: string;
  name: string;
  description: string | null;
  creatingUser: string | null;
  creationDateTime: string | null;
  selections: RefiSelection[];
  noteGuids: string[];
  /** zip entry path of its plain text, or null when inline (or when it cannot be found in a zip:
   * a relative:// or absolute:// path, or no plain text at all) */
  textEntry: string | null;
  /** The inline <PlainTextContent>, when the source carries its text in the XML. */
  text?: string;
  /** Codings of the source as a whole (TextSource > Coding). */
  codings?: RefiCoding[];
  /** Variable values attached to the source itself (TextSource > VariableValue). */
  values?: RefiVariableValue[];
};

export type RefiNote = {
  guid: string;
  name: string;
  text: string;
  creatingUser: string | null;
  creationDateTime: string | null;
  /** The note's <Description> (a Note is a TextSourceType), when the file has one. */
  description?: string;
};

export type RefiVariable = {
  guid: string;
  name: string;
  type: 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';
  description: string | null;
};

/**
 * Text → string, Boolean → boolean, Integer → number (a string when it does not fit a safe JS
 * integer), Float → number (xsd:decimal), Date → 'YYYY-MM-DD', DateTime → xsd:dateTime string.
 */
export type RefiVariableValue = { variableGuid: string; value: string | number | boolean };

export type RefiCase = {
  guid: string;
  name: string;
  description: string | null;
  values: RefiVariableValue[];
  sourceGuids: string[];
  /** <CodeRef>s of the case (codes that characterise it). */
  codeGuids?: string[];
  /** <SelectionRef>s of the case. */
  selectionGuids?: string[];
};

export type RefiProject = {
  name: string;
  origin: string | null;
  creatingUser: string | null;
  creationDateTime: string | null;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiSource[];
  notes: RefiNote[];
  /** The project's <Description>, when the file has one. */
  description?: string;
  /** Notes on the project as a whole (Project > NoteRef). */
  noteGuids?: string[];
};
