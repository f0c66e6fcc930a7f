// Reading generated documents back in tests: the text of a PDF (pdftotext, from poppler-utils,
// which .ci/run installs) and the text and language of a DOCX (its word/document.xml).
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';

/** The text of a PDF, or null where pdftotext is not installed. */
export function pdfText(pdf: Buffer): string | null {
  try {
    return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The paragraphs of a DOCX as plain text (one line each), and the document's languages. */
export function docxText(docx: Buffer): { text: string; languages: string[] } {
  const files = unzipSync(new Uint8Array(docx));
  const body = files['word/document.xml'];
  if (!body) throw new Error('not a DOCX: word/document.xml is missing');
  const xml = strFromU8(body);
  const text = xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1])
        .join('')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    )
    .filter((line) => line.length > 0)
    .join('\n');
  const styles = files['word/styles.xml'] ? strFromU8(files['word/styles.xml']) : '';
  const languages = [
    ...new Set([...(xml + styles).matchAll(/<w:lang w:val="([^"]+)"/g)].map((m) => m[1] ?? '')),
  ];
  return { text, languages };
}
