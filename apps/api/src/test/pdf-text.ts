import { execFile } from 'node:child_process';

/**
 * The text of a PDF, extracted by pdf-parse (pdf.js) in a plain node process: pdf.js loads its
 * worker with a dynamic import that Jest's CommonJS sandbox cannot run.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
      const result = await new PDFParse({ data: Buffer.concat(chunks) }).getText();
      process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', script], { maxBuffer: 50 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve((JSON.parse(stdout) as { text: string }).text),
    );
    child.stdin?.end(pdf);
  });
}
