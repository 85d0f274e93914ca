#include "input/xml_reader.h"

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "base/ascii.h"
#include "input/text_reader.h"

namespace audit {

namespace {

// The element name without its namespace prefix, lowercased: "x:p" -> "p", "HeadLine" ->
// "headline".
std::string LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const size_t colon = name.find(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return AsciiLower(name);
}

pugi::xml_node FirstElement(const pugi::xml_node& root, std::string_view local) {
  pugi::xml_node found;
  root.find_node([&](const pugi::xml_node& n) {
    if (n.type() == pugi::node_element && LocalName(n) == local) {
      found = n;
      return true;
    }
    return false;
  });
  return found;
}

// Appends the text under `node` to `block`, mapping each text node to its bytes in the source.
void AppendText(std::string_view source, const pugi::xml_node& node, Block* block) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      // The value is decoded ("&amp;" is "&"); each byte is found in the source from the node's
      // offset on, so an entity shifts a run instead of everything after it.
      constexpr size_t kMaxEntity = 16;
      const std::string_view value = child.value();
      size_t cursor = static_cast<size_t>(child.offset_debug());
      size_t expected = SIZE_MAX;  // the file offset that continues the current run
      for (const char c : value) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        size_t where = source.find(c, cursor);
        if (where == std::string_view::npos || where > cursor + kMaxEntity) where = cursor;
        cursor = std::min(source.size(), where + 1);
        if (space && (block->text.empty() || block->text.back() == ' ')) {
          expected = SIZE_MAX;
          continue;
        }
        if (where != expected) block->offsets.AddRun(block->text.size(), where);
        expected = where + 1;
        block->text.push_back(space ? ' ' : c);
      }
    } else if (child.type() == pugi::node_element) {
      const std::string local = LocalName(child);
      if (local == "br") {
        if (!block->text.empty() && block->text.back() != ' ') {
          block->offsets.AddRun(block->text.size(), static_cast<size_t>(child.offset_debug()));
          block->text.push_back(' ');
        }
        continue;
      }
      AppendText(source, child, block);
    }
  }
}

Block MakeBlock(std::string_view source, const pugi::xml_node& node, BlockRole role) {
  Block block;
  block.role = role;
  AppendText(source, node, &block);
  while (!block.text.empty() && block.text.back() == ' ') block.text.pop_back();
  block.file_begin = static_cast<size_t>(node.offset_debug());
  block.file_end =
      block.text.empty() ? block.file_begin : block.offsets.ToFileEnd(block.text.size());
  return block;
}

// Every credit an item names, in document order: infoSource, creditline, provider, distributor,
// copyright.
std::vector<std::string> CreditsOf(const pugi::xml_node& root) {
  std::vector<std::string> candidates;
  root.find_node([&](const pugi::xml_node& n) {
    if (n.type() != pugi::node_element) return false;
    const std::string local = LocalName(n);
    if (local == "infosource" || local == "provider" || local == "copyrightholder" ||
        local == "creditline" || local == "distributor" || local == "providerid" ||
        local == "doc.copyright" || local == "credit" || local == "sender" || local == "byttl") {
      std::string value = n.attribute("literal").value();
      if (value.empty()) value = n.attribute("holder").value();
      if (value.empty()) {
        std::string qcode = n.attribute("qcode").value();
        const size_t colon = qcode.find(':');
        if (colon != std::string::npos) value = qcode.substr(colon + 1);
      }
      if (value.empty()) value = n.child_value();
      if (value.empty()) value = n.child("name").child_value();
      if (value.empty()) {
        std::string uri = n.attribute("uri").value();
        const size_t scheme = uri.find("://");
        if (scheme != std::string::npos) uri = uri.substr(scheme + 3);
        value = uri.substr(0, uri.find('/'));
      }
      const size_t first = value.find_first_not_of(" \t\r\n");
      if (first != std::string::npos) {
        value = value.substr(first, value.find_last_not_of(" \t\r\n") - first + 1);
        candidates.push_back(value);
      }
    }
    return false;
  });
  return candidates;
}

// The outlet a credit names: as written, or its first sentence ("The Canadian Press. All rights
// reserved.").
const Outlet* OutletOfCredit(const RuleSet& rules, const std::string& credit) {
  if (const Outlet* o = rules.FindOutlet(credit)) return o;
  const size_t stop = credit.find_first_of(".,;");
  return stop == std::string::npos ? nullptr : rules.FindOutlet(credit.substr(0, stop));
}

// The credit names the wire whose copy this is. Credits of news agencies the outlet lexicon knows
// come before others (an "Automated Insights" credit line before the AP provider).
void SetCredit(const RuleSet& rules, const pugi::xml_node& root, DocumentMeta* meta) {
  const std::vector<std::string> credits = CreditsOf(root);
  if (credits.empty()) return;
  std::string credit = credits.front();
  for (const std::string& c : credits) {
    if (const Outlet* o = OutletOfCredit(rules, c); o && o->wire) {
      credit = c;
      break;
    }
  }
  // A news item is the copy its provider delivers: the credit is the wire whatever kind of outlet
  // it is.
  const Outlet* outlet = OutletOfCredit(rules, credit);
  meta->wire = outlet ? outlet->name : credit;
  meta->dateline_credit = credit;
}

// NewsML-G2 inlineData carries HTML as text (often in CDATA): "<p>...</p>" paragraphs, tags
// stripped.
void AddEscapedHtmlParagraphs(std::string_view source, const pugi::xml_node& node, Blocks* blocks) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_cdata && child.type() != pugi::node_pcdata) continue;
    const std::string_view html = child.value();
    const size_t base = static_cast<size_t>(child.offset_debug());
    Block block;
    size_t expected = SIZE_MAX;
    auto flush = [&] {
      while (!block.text.empty() && block.text.back() == ' ') block.text.pop_back();
      if (!block.text.empty()) {
        block.file_begin = block.offsets.ToFile(0);
        block.file_end = block.offsets.ToFileEnd(block.text.size());
        blocks->push_back(std::move(block));
      }
      block = Block();
      expected = SIZE_MAX;
    };
    for (size_t i = 0; i < html.size(); ++i) {
      if (html[i] == '<') {
        const size_t close = html.find('>', i);
        if (close == std::string_view::npos) break;
        const std::string tag = AsciiLower(html.substr(i + 1, std::min<size_t>(close - i - 1, 3)));
        if (tag.rfind("p", 0) == 0 || tag.rfind("/p", 0) == 0 || tag.rfind("br", 0) == 0) flush();
        i = close;
        continue;
      }
      const char c = html[i];
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (space && (block.text.empty() || block.text.back() == ' ')) {
        expected = SIZE_MAX;
        continue;
      }
      // A CDATA section's text stands in the file as it is; escaped markup ("&lt;p&gt;") maps
      // approximately.
      const size_t where = base + i;
      if (where != expected) block.offsets.AddRun(block.text.size(), where);
      expected = where + 1;
      block.text.push_back(space ? ' ' : c);
    }
    flush();
  }
  (void)source;
}

}  // namespace

Result<Document> ReadNewsXml(const SourceFile& file, const RuleSet& rules) {
  std::string_view bytes = file.bytes();
  pugi::xml_document xml;
  const pugi::xml_parse_result parsed = xml.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!parsed) {
    return Error::At(ErrorCode::kInput, file.path(), static_cast<size_t>(parsed.offset),
                     std::string("malformed XML: ") + parsed.description());
  }
  const pugi::xml_node root = xml.document_element();
  const std::string vocabulary = LocalName(root);
  if (vocabulary != "nitf" && vocabulary != "newsmessage" && vocabulary != "newsitem" &&
      vocabulary != "newsml" && vocabulary != "contentset" && vocabulary != "packageitem") {
    return Error::InFile(ErrorCode::kInput, file.path(),
                         "unsupported XML vocabulary: " + std::string(root.name()));
  }
  Document doc;
  SetCredit(rules, root, &doc.meta);
  for (const char* name : {"hl1", "headline", "title"}) {
    if (pugi::xml_node h = FirstElement(root, name)) {
      Block headline = MakeBlock(bytes, h, BlockRole::kHeadline);
      if (!headline.text.empty()) {
        doc.meta.headline = headline.text;
        doc.blocks.push_back(std::move(headline));
        break;
      }
    }
  }
  if (pugi::xml_node byline = FirstElement(root, "byline")) {
    Block b = MakeBlock(bytes, byline, BlockRole::kByline);
    if (!b.text.empty()) doc.blocks.push_back(std::move(b));
  }
  if (pugi::xml_node dateline = FirstElement(root, "dateline")) {
    Block d = MakeBlock(bytes, dateline, BlockRole::kDateline);
    if (!d.text.empty()) doc.blocks.push_back(std::move(d));
  }
  root.find_node([&](const pugi::xml_node& n) {
    if (n.type() != pugi::node_element) return false;
    const std::string local = LocalName(n);
    if (local == "p") {
      Block p = MakeBlock(bytes, n, BlockRole::kParagraph);
      if (!p.text.empty()) doc.blocks.push_back(std::move(p));
    } else if (local == "inlinedata") {
      AddEscapedHtmlParagraphs(bytes, n, &doc.blocks);
    }
    return false;
  });
  AssignBlockRoles(rules, &doc);
  return doc;
}

}  // namespace audit
