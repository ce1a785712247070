import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';

/**
 * Reads the Factur-X XML back out of a PDF with pdf-lib's low-level objects — a different library
 * and code path from pdfkit, which wrote it: catalog → /Names → /EmbeddedFiles name tree → the file
 * specification named factur-x.xml → /EF /F stream, decoded. Also checks that the file is listed in
 * the catalog's /AF array, as PDF/A-3 requires for an associated file.
 */
export async function readEmbeddedXml(pdf: Buffer | Uint8Array, fileName = 'factur-x.xml'): Promise<string> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const catalog = document.catalog;
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (!tree) throw new Error('The PDF has no EmbeddedFiles name tree');
  const spec = findInNameTree(tree, fileName);
  if (!spec) throw new Error(`The PDF embeds no ${fileName}`);
  const af = catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
  const listed = af?.asArray().some((entry) => document.context.lookup(entry) === spec) ?? false;
  if (!listed) throw new Error(`${fileName} is not an associated file (/AF) of the document`);
  const ef = spec.lookup(PDFName.of('EF'), PDFDict);
  const stream = ef.lookup(PDFName.of('F'));
  if (!(stream instanceof PDFRawStream)) throw new Error(`${fileName} has no embedded stream`);
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
}

function text(value: unknown): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

function findInNameTree(node: PDFDict, wanted: string): PDFDict | null {
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (pairs) {
    for (let i = 0; i + 1 < pairs.size(); i += 2) {
      const spec = pairs.lookup(i + 1);
      if (!(spec instanceof PDFDict)) continue;
      const key = text(pairs.lookup(i));
      const uf = text(spec.lookup(PDFName.of('UF'))) ?? text(spec.lookup(PDFName.of('F')));
      if (key === wanted || uf === wanted) return spec;
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (const kid of kids?.asArray() ?? []) {
    const child = node.context.lookup(kid);
    if (child instanceof PDFDict) {
      const found = findInNameTree(child, wanted);
      if (found) return found;
    }
  }
  return null;
}
