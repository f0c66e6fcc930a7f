// The synthesis pages (the landing page, a programme's board and threads, one thread), loaded
// together when one of them is first opened.
export { SynthesisHomePage } from './SynthesisHomePage';
export { SynthesisPage } from './SynthesisPage';
export { ThreadPage } from './ThreadPage';
