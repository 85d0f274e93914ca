// Reads news XML (parsed with pugixml) into a Document: NITF (hedline/hl1, byline, dateline,
// body.content paragraphs), NewsML-G2 (newsMessage/newsItem with contentMeta headline, creditline,
// provider, infoSource and inline NITF or XHTML) and NewsML 1.2 (NewsLines HeadLine and DateLine,
// DataContent paragraphs). The credit, provider or information source names the wire the copy comes
// from. Text maps back to the bytes of the file: each text node's value is found in the source from
// the node's offset on. Any other root element is refused: "unsupported XML vocabulary: ROOT".
#ifndef AUDIT_INPUT_XML_READER_H_
#define AUDIT_INPUT_XML_READER_H_

#include "base/error.h"
#include "base/source_file.h"
#include "input/document.h"
#include "rules/rule_set.h"

namespace audit {

// Thread-safe: no state is kept between calls. Malformed XML is an error at its byte offset.
Result<Document> ReadNewsXml(const SourceFile& file, const RuleSet& rules);

}  // namespace audit

#endif  // AUDIT_INPUT_XML_READER_H_
