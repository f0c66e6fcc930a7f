// The programme's coding pages (the codebook, and coding work across cases), loaded together
// when one of them is first opened.
export { CodebookPage } from './CodebookPage';
export { CrossCasePage } from './CrossCasePage';
export { CodingHomePage } from './CodingHomePage';
