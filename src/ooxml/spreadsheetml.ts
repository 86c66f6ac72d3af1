// SpreadsheetML and relationship namespaces, transitional and strict; elements are matched
// by namespace URI, whatever prefix a writer chose. A part with no namespace at all (some
// generators) is read as SpreadsheetML too.
import { internNs } from './tokenizer';

export const SSML_MAIN = internNs('http://schemas.openxmlformats.org/spreadsheetml/2006/main');
export const SSML_STRICT = internNs('http://purl.oclc.org/ooxml/spreadsheetml/main');
/** Excel 2007 beta files (still found in test corpora): the same elements in an older namespace. */
export const SSML_BETA = internNs('http://schemas.microsoft.com/office/excel/2006/2');
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_NS_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
export const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function isSpreadsheetNs(uri: string): boolean {
  return uri === SSML_MAIN || uri === SSML_STRICT || uri === '' || uri === SSML_BETA;
}

export function isRelationshipsNs(uri: string): boolean {
  return uri === REL_NS || uri === REL_NS_STRICT;
}
