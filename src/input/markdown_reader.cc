#include "input/markdown_reader.h"

#include <cmark.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "input/text_reader.h"

namespace audit {

namespace {

// The front matter's extent: [0, body_start) holds "---\n...\n---\n"; yaml is the part between the
// markers.
struct FrontMatter {
  size_t yaml_begin = 0;
  size_t yaml_end = 0;
  size_t body_start = 0;
};

// A line without its line break and trailing white space.
std::string_view TrimLine(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  return line;
}

bool FindFrontMatter(std::string_view bytes, FrontMatter* fm) {
  const size_t first_newline = bytes.find('\n');
  if (first_newline == std::string_view::npos || TrimLine(bytes.substr(0, first_newline)) != "---")
    return false;
  const size_t first_line_end = first_newline + 1;
  size_t pos = first_line_end;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = TrimLine(bytes.substr(pos, end - pos));
    if (line == "---" || line == "...") {
      fm->yaml_begin = first_line_end;
      fm->yaml_end = pos;
      fm->body_start = end < bytes.size() ? end + 1 : bytes.size();
      return true;
    }
    pos = end + 1;
  }
  return false;
}

// Builds one block's text from cmark inline nodes, mapping each piece back to the source.
class BlockBuilder {
 public:
  BlockBuilder(std::string_view source, size_t search_from)
      : source_(source), cursor_(search_from) {}

  void AddLiteral(std::string_view literal) {
    if (literal.empty()) return;
    size_t at = source_.find(literal, cursor_);
    // A literal the source writes differently (an escape, an entity) maps to where the search
    // stands.
    if (at == std::string_view::npos || at > cursor_ + kMaxGap)
      at = cursor_;
    else
      cursor_ = at + literal.size();
    // White space runs fold to one space; a new run starts after each fold.
    bool run_open = false;
    for (size_t i = 0; i < literal.size(); ++i) {
      const char c = literal[i];
      const bool space = c == ' ' || c == '\t';
      if (space && (block_.text.empty() || block_.text.back() == ' ')) {
        run_open = false;
        continue;
      }
      if (!run_open) {
        block_.offsets.AddRun(block_.text.size(), at + i);
        run_open = true;
      }
      block_.text.push_back(space ? ' ' : c);
    }
    if (at == cursor_) cursor_ = std::min(source_.size(), cursor_ + literal.size());
  }
  void AddSpace() {
    if (block_.text.empty() || block_.text.back() == ' ') return;
    block_.offsets.AddRun(block_.text.size(), cursor_ > 0 ? cursor_ - 1 : 0);
    block_.text.push_back(' ');
  }
  void StartLink() { link_begin_ = block_.text.size(); }
  void EndLink(const char* url) {
    if (url && *url) block_.links.push_back({link_begin_, block_.text.size(), url});
  }
  Block Finish(BlockRole role, size_t file_begin, size_t file_end) {
    while (!block_.text.empty() && block_.text.back() == ' ') block_.text.pop_back();
    block_.role = role;
    block_.file_begin = file_begin;
    block_.file_end = file_end;
    return std::move(block_);
  }

 private:
  // How far ahead a literal may be found before the match is taken for a coincidence.
  static constexpr size_t kMaxGap = 200;

  std::string_view source_;
  size_t cursor_;
  size_t link_begin_ = 0;
  Block block_;
};

// Line starts of `text`, to turn cmark's 1-based line:column into byte offsets.
std::vector<size_t> LineStarts(std::string_view text) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

size_t OffsetOf(const std::vector<size_t>& starts, int line, int column) {
  if (line < 1) return 0;
  const size_t l = std::min(static_cast<size_t>(line - 1), starts.size() - 1);
  return starts[l] + static_cast<size_t>(std::max(column - 1, 0));
}

void CollectInlines(cmark_node* node, BlockBuilder* b) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT: {
        const char* literal = cmark_node_get_literal(child);
        if (literal) b->AddLiteral(literal);
        break;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        b->AddSpace();
        break;
      case CMARK_NODE_LINK:
        b->StartLink();
        CollectInlines(child, b);
        b->EndLink(cmark_node_get_url(child));
        break;
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG:
        CollectInlines(child, b);
        break;
      default:  // code spans, raw HTML and images are not prose
        break;
    }
  }
}

struct Walk {
  std::string_view source;
  size_t body_offset;
  std::vector<size_t> starts;
  Blocks* blocks;
};

void WalkBlocks(cmark_node* node, BlockRole context, Walk* w) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    const cmark_node_type type = cmark_node_get_type(child);
    if (type == CMARK_NODE_BLOCK_QUOTE) {
      WalkBlocks(child, BlockRole::kQuotation, w);
      continue;
    }
    if (type == CMARK_NODE_LIST) {
      WalkBlocks(child, BlockRole::kListItem, w);
      continue;
    }
    if (type == CMARK_NODE_ITEM) {
      WalkBlocks(child,
                 context == BlockRole::kQuotation ? BlockRole::kQuotation : BlockRole::kListItem,
                 w);
      continue;
    }
    if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING)
      continue;  // code and HTML blocks
    const size_t begin = w->body_offset + OffsetOf(w->starts, cmark_node_get_start_line(child),
                                                   cmark_node_get_start_column(child));
    const size_t end = w->body_offset + OffsetOf(w->starts, cmark_node_get_end_line(child),
                                                 cmark_node_get_end_column(child) + 1);
    BlockBuilder builder(w->source, begin);
    CollectInlines(child, &builder);
    BlockRole role = type == CMARK_NODE_HEADING ? BlockRole::kHeading : context;
    Block block = builder.Finish(role, begin, std::min(end, w->source.size()));
    if (!block.text.empty()) w->blocks->push_back(std::move(block));
  }
}

std::string Scalar(const YAML::Node& node, const char* key) {
  const YAML::Node v = node[key];
  return v && v.IsScalar() ? v.as<std::string>() : std::string();
}

// A block for the front matter's title, mapped onto the title's text in the file.
void AddTitleBlock(std::string_view bytes, const FrontMatter& fm, const std::string& title,
                   Document* doc) {
  const size_t at = bytes.substr(0, fm.yaml_end).find(title, fm.yaml_begin);
  Block block;
  block.role = BlockRole::kHeadline;
  block.text = title;
  block.offsets.AddRun(0, at == std::string_view::npos ? fm.yaml_begin : at);
  block.file_begin = at == std::string_view::npos ? fm.yaml_begin : at;
  block.file_end = block.file_begin + title.size();
  doc->blocks.insert(doc->blocks.begin(), std::move(block));
}

// "Talking Gender&#58; ..." in a title: numeric and the common named character references.
std::string DecodeCharacterReferences(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      const size_t semi = text.find(';', i);
      if (semi != std::string::npos && semi - i <= 10) {
        const std::string name = text.substr(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (name.size() > 1 && name[0] == '#') {
          cp = static_cast<char32_t>(name[1] == 'x' || name[1] == 'X'
                                         ? std::strtoul(name.c_str() + 2, nullptr, 16)
                                         : std::strtoul(name.c_str() + 1, nullptr, 10));
        } else if (name == "amp") {
          cp = '&';
        } else if (name == "quot") {
          cp = '"';
        } else if (name == "apos") {
          cp = '\'';
        } else if (name == "lt") {
          cp = '<';
        } else if (name == "gt") {
          cp = '>';
        } else if (name == "nbsp") {
          cp = ' ';
        }
        if (cp != 0 && cp <= 0x10FFFF) {
          AppendUtf8(cp, &out);
          i = semi;
          continue;
        }
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

Result<Document> ReadMarkdown(const SourceFile& file, const RuleSet& rules) {
  std::string_view bytes = file.bytes();
  Document doc;
  FrontMatter fm;
  std::string title;
  if (FindFrontMatter(bytes, &fm)) {
    try {
      YAML::Node meta =
          YAML::Load(std::string(bytes.substr(fm.yaml_begin, fm.yaml_end - fm.yaml_begin)));
      if (meta.IsMap()) {
        title = DecodeCharacterReferences(Scalar(meta, "title"));
        doc.meta.byline = Scalar(meta, "author");
        doc.meta.date = Scalar(meta, "date");
        for (const char* key : {"publisher", "source", "site"}) {
          if (doc.meta.publisher.empty()) doc.meta.publisher = Scalar(meta, key);
        }
        // Per-article settings: `audit: {publisher: ..., skip: [rule, ...]}`.
        if (const YAML::Node settings = meta["audit"]; settings && settings.IsMap()) {
          if (const std::string publisher = Scalar(settings, "publisher"); !publisher.empty()) {
            doc.meta.publisher = publisher;
          }
          if (const YAML::Node skip = settings["skip"]; skip && skip.IsSequence()) {
            for (const auto& rule : skip) doc.meta.skip_rules.push_back(rule.as<std::string>());
          }
        }
      }
    } catch (const YAML::Exception& e) {
      // Lines in the front matter count from the file's second line.
      return Error::AtLine(ErrorCode::kInput, file.path(), e.mark.line + 2, e.mark.column + 1,
                           "front matter is not valid YAML: " + e.msg);
    }
  }
  const std::string_view body = bytes.substr(fm.body_start);
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> root(
      cmark_parse_document(body.data(), body.size(), CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8),
      cmark_node_free);
  if (!root) return Error::InFile(ErrorCode::kInput, file.path(), "the Markdown parser failed");
  Walk walk{bytes, fm.body_start, LineStarts(body), &doc.blocks};
  WalkBlocks(root.get(), BlockRole::kParagraph, &walk);
  if (!title.empty()) {
    AddTitleBlock(bytes, fm, title, &doc);
    doc.meta.headline = title;
  }
  AssignBlockRoles(rules, &doc);
  return doc;
}

}  // namespace audit
