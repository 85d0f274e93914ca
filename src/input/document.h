// Document: what every reader produces and the rest of the pipeline reads, whatever the input
// format. A Document owns its blocks; block text is UTF-8 with white space folded, and each block's
// OffsetMap leads from any position in that text back to a byte offset in the original file. A
// block's text may be a view of the file's bytes (BlockText::Borrow): the SourceFile a Document
// was read from must outlive it, and every Analysis made from it.
#ifndef AUDIT_INPUT_DOCUMENT_H_
#define AUDIT_INPUT_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/dense_array_allocator.h"
#include "input/block_text.h"

namespace audit {

enum class BlockRole {
  kParagraph,
  kHeadline,
  kDate,      // a line that only gives the date
  kDateline,  // a place line ("Riverton"), or a paragraph opening with one ("OSLO (AP) —")
  kByline,
  kCaption,
  kCredit,
  kHeading,
  kBoilerplate,
  kQuotation,
  kListItem,
};

std::string_view BlockRoleName(BlockRole role);

// Maps positions in a block's analysed text to byte offsets in the file. Stored as runs: within a
// run, text and file advance together byte for byte; a new run starts wherever they diverge (a
// folded line break, a replaced invalid byte, a decoded entity). Small: one run per such place, not
// one entry per byte.
class OffsetMap {
 public:
  void AddRun(size_t text_pos, size_t file_offset);
  // The file offset of the text position `pos` (clamped into the run that holds it).
  size_t ToFile(size_t pos) const;
  // The file offset just past the text ending at `end` (exclusive end to exclusive end).
  size_t ToFileEnd(size_t end) const;
  // Appends the runs of `other`, whose text now starts at `shift` in this map's text.
  void AppendShifted(const OffsetMap& other, size_t shift);
  // Keeps every mapped offset inside a file of `size` bytes (ToFileEnd then never passes it).
  void ClampTo(size_t size);

 private:
  struct Run {
    size_t text_pos;
    size_t file_offset;
  };
  std::vector<Run> runs_;
  size_t last_ = SIZE_MAX;  // the last byte of the file, once ClampTo has been called
};

struct Link {
  size_t begin = 0;  // span in the block text
  size_t end = 0;
  std::string url;
};

struct Block {
  BlockRole role = BlockRole::kParagraph;
  // Borrowed from the file where the file's bytes are the text as they stand (BlockText).
  BlockText text;
  OffsetMap offsets;
  std::vector<Link> links;
  size_t file_begin = 0;  // byte range of the block in the file
  size_t file_end = 0;
};

// A document's blocks in reading order: one per paragraph, so many in a long document, and written
// whole as it is read (DenseArrayAllocator).
using Blocks = std::vector<Block, DenseArrayAllocator<Block>>;

struct DocumentMeta {
  std::string publisher;        // the outlet that published the article, when the article says so
  std::string wire;             // the news agency whose copy this is, from a dateline credit
  std::string dateline_credit;  // the credit in the dateline as written: "AP", "Valley Herald"
  std::string headline;
  std::string byline;
  std::string date;
  // Finding rules this article switches off (Markdown front matter `audit: {skip: [rule, ...]}`).
  std::vector<std::string> skip_rules;
};

// A problem in the input that did not stop reading (an invalid byte replaced, for example).
struct InputWarning {
  size_t offset = 0;
  std::string message;
};

struct Document {
  DocumentMeta meta;
  Blocks blocks;
  std::vector<InputWarning> warnings;
};

}  // namespace audit

#endif  // AUDIT_INPUT_DOCUMENT_H_
