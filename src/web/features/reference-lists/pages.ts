// The reference-list administration, loaded when it is first opened.
export { ReferenceListsPage } from './ReferenceListsPage';
