// pdfmake set up once for every generated PDF: embedded Roboto (Dutch characters such as ĳ and
// ë print right), no URLs fetched, and no local files read except the fonts themselves.
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';

const require = createRequire(import.meta.url);
const fonts = require('pdfmake/fonts/Roboto.js') as Parameters<typeof pdfmake.setFonts>[0];
const fontFolder = path.dirname(require.resolve('pdfmake/fonts/Roboto.js'));

pdfmake.setFonts(fonts);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontFolder + path.sep));

export { pdfmake };
