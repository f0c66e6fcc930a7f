// The dossier research page, loaded when it is first opened (its forms and styles with it).
export { DossierPage } from './DossierPage';
