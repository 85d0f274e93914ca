#include "input/text_reader.h"

#include <algorithm>

#include "base/utf8.h"
#include "input/line_cleaner.h"
#include "rules/common_script.h"

namespace audit {

namespace {

// A line ends like a sentence: final punctuation, possibly followed by closing quotes or brackets.
bool EndsLikeSentence(std::string_view text) {
  size_t i = text.size();
  while (i > 0) {
    char32_t cp;
    size_t len = DecodeUtf8Before(text, i, &cp);
    if (IsClosingQuote(cp) || cp == '"' || cp == '\'' || cp == ')' || cp == ']') {
      i -= len;
      continue;
    }
    return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == 0x2026;
  }
  return false;
}

bool StartsLowercase(std::string_view text) {
  char32_t cp;
  return DecodeUtf8(text, 0, &cp) > 0 && IsLowerLetter(cp);
}

size_t WordCount(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// A line that is only a comment, "<!-- audit-ignore -->": in plain text, as in Markdown, it carries
// an instruction (see pipeline/suppressions.h) and is not article text.
bool IsCommentLine(std::string_view text) {
  return text.size() >= 7 && text.substr(0, 4) == "<!--" && text.substr(text.size() - 3) == "-->";
}

// How long a line must be before a missing final punctuation means "wrapped", not "a short line of
// its own".
constexpr size_t kWrappedLineBytes = 55;

// Lines of one run (no blank line between them) become paragraphs: in hard-wrapped text (most lines
// end mid-sentence) lines join; otherwise each line is a paragraph, except that a line starting in
// lowercase continues the one before.
void AddChunk(std::string_view file, std::vector<CleanLine>* lines, Blocks* blocks) {
  if (lines->empty()) return;
  // A wrapped line is long and stops mid-sentence; a short unfinished line is a line of its own.
  size_t unfinished = 0;
  for (size_t i = 0; i + 1 < lines->size(); ++i) {
    const std::string& text = (*lines)[i].text;
    unfinished += !EndsLikeSentence(text) && text.size() >= kWrappedLineBytes - 10;
  }
  const bool hard_wrapped = lines->size() >= 3 && unfinished * 10 >= (lines->size() - 1) * 6;
  Block current;
  for (size_t i = 0; i < lines->size(); ++i) {
    const CleanLine& line = (*lines)[i];
    if (i > 0) {
      const CleanLine& previous = (*lines)[i - 1];
      const bool wrapped =
          !EndsLikeSentence(previous.text) &&
          (hard_wrapped || (lines->size() == 2 && previous.text.size() >= kWrappedLineBytes));
      if (!(wrapped || StartsLowercase(line.text))) {
        blocks->push_back(std::move(current));
        current = Block();
      }
    }
    AppendLineToBlock(file, line, &current);
  }
  blocks->push_back(std::move(current));
  lines->clear();
}

Blocks SplitIntoBlocks(std::string_view bytes, size_t start, std::vector<InputWarning>* warnings) {
  Blocks blocks;
  std::vector<CleanLine> chunk;
  size_t pos = start;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? bytes.size() : nl;
    size_t content_end = line_end;
    if (content_end > pos && bytes[content_end - 1] == '\r') --content_end;
    CleanLine line = CleanLineAt(bytes, pos, content_end, warnings);
    if (line.text.empty() || IsCommentLine(line.text)) {
      AddChunk(bytes, &chunk, &blocks);
    } else {
      chunk.push_back(std::move(line));
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  AddChunk(bytes, &chunk, &blocks);
  return blocks;
}

BlockRole RoleFromName(std::string_view name) {
  if (name == "date") return BlockRole::kDate;
  if (name == "dateline") return BlockRole::kDateline;
  if (name == "caption") return BlockRole::kCaption;
  if (name == "credit") return BlockRole::kCredit;
  if (name == "byline") return BlockRole::kByline;
  if (name == "boilerplate") return BlockRole::kBoilerplate;
  if (name == "heading") return BlockRole::kHeading;
  return BlockRole::kParagraph;
}

// Reads a dateline at the start of a paragraph; returns the length of the dateline prefix, or 0.
size_t MatchDateline(const RuleSet& rules, const Block& block, std::string* credit) {
  for (const auto& rule : rules.role_rules()) {
    // A dateline without a credit is matched in the block role set; compiling it on its own to look
    // for the group would cost more than the rest of a short article's audit.
    if (rule.role != "dateline" || !rule.reads_credit) continue;
    const RE2& re = rule.re->For(InCommonScript(block.text));
    const auto& groups = re.NamedCapturingGroups();
    auto it = groups.find("credit");
    if (it == groups.end()) continue;
    std::vector<re2::StringPiece> captures(re.NumberOfCapturingGroups() + 1);
    re2::StringPiece input(block.text);
    if (!re.Match(input, 0, input.size(), RE2::ANCHOR_START, captures.data(),
                  static_cast<int>(captures.size()))) {
      continue;
    }
    *credit = std::string(captures[it->second].data(), captures[it->second].size());
    return captures[0].size();
  }
  return 0;
}

void SetPublisherFromCredit(const RuleSet& rules, const std::string& credit, DocumentMeta* meta) {
  meta->dateline_credit = credit;
  const Outlet* outlet = rules.FindOutlet(credit);
  if (outlet && outlet->wire) {
    meta->wire = outlet->name;
  } else if (meta->publisher.empty()) {
    meta->publisher = outlet ? outlet->name : credit;
  }
}

// "Analysis: Jon Park, BBC News, Washington": a byline naming an outlet names the publisher.
void SetPublisherFromByline(const RuleSet& rules, std::string_view byline, DocumentMeta* meta) {
  if (!meta->publisher.empty()) return;
  size_t start = 0;
  while (start < byline.size()) {
    size_t end = byline.find_first_of(",|", start);
    if (end == std::string_view::npos) end = byline.size();
    std::string_view part = byline.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == ')')) part.remove_suffix(1);
    const Outlet* outlet = rules.FindOutlet(part);
    if (outlet && !outlet->wire) {
      meta->publisher = outlet->name;
      return;
    }
    start = end + 1;
  }
}

}  // namespace

void AssignBlockRoles(const RuleSet& rules, Document* doc) {
  bool seen_body = false;
  for (size_t i = 0; i < doc->blocks.size(); ++i) {
    Block& block = doc->blocks[i];
    if (block.role != BlockRole::kParagraph) {
      seen_body =
          seen_body || block.role == BlockRole::kQuotation || block.role == BlockRole::kListItem;
      continue;
    }
    std::string credit;
    size_t dateline_length = seen_body ? 0 : MatchDateline(rules, block, &credit);
    if (dateline_length > 0) {
      if (doc->meta.dateline_credit.empty()) SetPublisherFromCredit(rules, credit, &doc->meta);
      if (dateline_length >= block.text.size() && i + 1 < doc->blocks.size()) {
        // A dateline on a line of its own opens the next paragraph.
        Block& next = doc->blocks[i + 1];
        Block merged = std::move(block);
        merged.offsets.AddRun(merged.text.size(), next.file_begin - 1);
        merged.text.push_back(' ');
        merged.offsets.AppendShifted(next.offsets, merged.text.size());
        merged.text += next.text;
        merged.file_end = next.file_end;
        merged.links = std::move(next.links);
        next = std::move(merged);
        doc->blocks.erase(doc->blocks.begin() + static_cast<long>(i));
        --i;
        continue;
      }
      seen_body = true;
      continue;
    }
    const bool after_colon =
        i > 0 && (doc->blocks[i - 1].role == BlockRole::kListItem ||
                  (!doc->blocks[i - 1].text.empty() && doc->blocks[i - 1].text.back() == ':'));
    const RoleRule* rule = rules.FirstBlockRole(block.text);
    const bool matched = rule != nullptr;
    if (matched) block.role = RoleFromName(rule->role);
    if (matched && block.role == BlockRole::kByline)
      SetPublisherFromByline(rules, block.text, &doc->meta);
    if (matched && !(after_colon && seen_body && block.role == BlockRole::kDateline)) continue;
    block.role = BlockRole::kParagraph;
    const bool sentence_like = EndsLikeSentence(block.text);
    if (!sentence_like && seen_body && after_colon && WordCount(block.text) <= 25) {
      block.role = BlockRole::kListItem;  // items listed after "... as follows:"
      continue;
    }
    if (!sentence_like && WordCount(block.text) <= 25) {
      block.role = seen_body ? BlockRole::kHeading : BlockRole::kHeadline;
      if (block.role == BlockRole::kHeadline && doc->meta.headline.empty())
        doc->meta.headline = block.text;
      continue;
    }
    seen_body = true;
  }
}

Result<Document> ReadPlainText(const SourceFile& file, const RuleSet& rules) {
  std::string_view bytes = file.bytes();
  if (bytes.find('\0') != std::string_view::npos) {
    return Error::At(ErrorCode::kInput, file.path(), bytes.find('\0'),
                     "this looks like a binary file (it has NUL bytes), not a text article");
  }
  size_t start = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  Document doc;
  doc.blocks = SplitIntoBlocks(bytes, start, &doc.warnings);
  AssignBlockRoles(rules, &doc);
  return doc;
}

}  // namespace audit
