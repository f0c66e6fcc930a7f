// The pages of the aggregates and the thematic report, loaded together when one is first opened.
export { AggregatesPage } from './AggregatesPage';
export { ThematicReportPage } from './ThematicReportPage';
