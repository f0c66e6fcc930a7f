// The explanatory-analysis page of a case, loaded when it is first opened (the graph, forms and
// styles with it).
export { AnalysisPage } from './AnalysisPage';
