// The pages of improvement actions, the learning network and the summary "what happened with
// what we learned", loaded together when one of them is first opened.
export { ActionListPage } from './ActionListPage';
export { ActionPage } from './ActionPage';
export { NetworkListPage } from './NetworkListPage';
export { NetworkMeetingPage } from './NetworkMeetingPage';
export { SummaryChoicePage, SummaryPage } from './SummaryPage';
