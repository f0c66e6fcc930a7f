// The instrument administration, loaded when it is first opened.
export { DraftEditorPage } from './DraftEditorPage';
export { InstrumentListPage } from './InstrumentListPage';
export { InstrumentPage } from './InstrumentPage';
export { VersionPage } from './VersionPage';
