#include "input/html_reader.h"

#include <fmt/format.h>
#include <gumbo.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/ascii.h"
#include "input/html_depth.h"
#include "input/text_reader.h"

namespace audit {

namespace {

using GumboPtr = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

void FreeGumbo(GumboOutput* output) { gumbo_destroy_output(&kGumboDefaultOptions, output); }

const char* Attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return "";
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : "";
}

GumboTag Tag(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

// Elements that never hold the article's prose.
bool IsChrome(const GumboNode* node, bool by_class) {
  switch (Tag(node)) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      break;
  }
  if (node->type != GUMBO_NODE_ELEMENT || !by_class) return false;
  // The page's frame carries site-wide class names ("no-sidebars", "outbrain-enabled"): never
  // furniture itself.
  const GumboTag tag = Tag(node);
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN ||
      tag == GUMBO_TAG_ARTICLE) {
    return false;
  }
  // Class and id names that mark page furniture.
  static constexpr std::string_view kFurniture[] = {
      "nav",     "menu",       "share",  "social",  "related",    "comment",
      "footer",  "sidebar",    "promo",  "advert",  "newsletter", "subscribe",
      "cookie",  "breadcrumb", "popup",  "modal",   "masthead",   "outbrain",
      "taboola", "recommend",  "signup", "toolbar", "banner"};
  const std::string names =
      AsciiLower(std::string(Attribute(node, "class")) + " " + Attribute(node, "id"));
  if (names.size() <= 1) return false;
  // Words that mark content even when furniture words appear too ("article-body share-tools"
  // stays).
  if (names.find("article") != std::string::npos || names.find("story") != std::string::npos ||
      names.find("content") != std::string::npos || names.find("body") != std::string::npos) {
    return false;
  }
  for (std::string_view f : kFurniture) {
    if (names.find(f) != std::string::npos) return true;
  }
  return false;
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

// Text statistics of a subtree, for choosing the article body.
struct TextStats {
  size_t text = 0;
  size_t link_text = 0;
  size_t paragraphs = 0;
};

void Measure(const GumboNode* node, bool in_link, bool by_class, TextStats* s) {
  if (node->type == GUMBO_NODE_TEXT) {
    const size_t n = std::string_view(node->v.text.text).size();
    s->text += n;
    if (in_link) s->link_text += n;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT || IsChrome(node, by_class)) return;
  if (Tag(node) == GUMBO_TAG_P) ++s->paragraphs;
  const bool link = in_link || Tag(node) == GUMBO_TAG_A;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    Measure(static_cast<GumboNode*>(children.data[i]), link, by_class, s);
  }
}

// The direct paragraph text of an element: what its own <p> children hold, less their links.
double ParagraphScore(const GumboNode* node, bool by_class) {
  double score = 0;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* child = static_cast<GumboNode*>(children.data[i]);
    if (Tag(child) != GUMBO_TAG_P) continue;
    TextStats s;
    Measure(child, false, by_class, &s);
    if (s.text < 25) continue;
    score += static_cast<double>(s.text - s.link_text);
  }
  return score;
}

// Finds the element that holds the article: a marked article body, the <article> with the most
// text, or the element whose direct paragraphs hold the most unlinked text.
const GumboNode* FindArticle(const GumboNode* root, bool by_class) {
  const GumboNode* marked = nullptr;
  const GumboNode* best_article = nullptr;
  size_t best_article_text = 0;
  const GumboNode* best = nullptr;
  double best_score = 0;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT || IsChrome(node, by_class)) continue;
    const std::string itemprop = Attribute(node, "itemprop");
    const std::string property = Attribute(node, "property");
    if (!marked && (itemprop == "articleBody" || property == "articleBody")) marked = node;
    if (Tag(node) == GUMBO_TAG_ARTICLE) {
      TextStats s;
      Measure(node, false, by_class, &s);
      if (s.text - s.link_text > best_article_text) {
        best_article_text = s.text - s.link_text;
        best_article = node;
      }
    }
    const double score = ParagraphScore(node, by_class);
    if (score > best_score) {
      best_score = score;
      best = node;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i-- > 0;)
      stack.push_back(static_cast<GumboNode*>(children.data[i]));
  }
  if (marked) return marked;
  // An <article> counts when it holds most of the best paragraph run.
  if (best_article && (!best || best_article_text * 2 >= static_cast<size_t>(best_score)))
    return best_article;
  return best ? best : root;
}

// Builds block text from gumbo text nodes, mapping decoded text back to the raw source bytes.
class HtmlBlockBuilder {
 public:
  explicit HtmlBlockBuilder(std::string_view source) : source_(source) {}

  void AddText(const GumboNode* node) {
    const std::string_view decoded = node->v.text.text;
    size_t cursor = node->v.text.start_pos.offset;
    const size_t raw_end = cursor + node->v.text.original_text.length;
    constexpr size_t kMaxEntity = 12;
    for (const char c : decoded) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      size_t where = source_.find(c, cursor);
      if (where == std::string_view::npos || where > cursor + kMaxEntity || where >= raw_end)
        where = cursor;
      // Characters gumbo adds (U+FFFD for a bad byte) after the last byte still map inside the
      // file.
      if (!source_.empty()) where = std::min(where, source_.size() - 1);
      cursor = std::min(raw_end, where + 1);
      if (space && (block_.text.empty() || block_.text.back() == ' ')) {
        expected_ = SIZE_MAX;
        continue;
      }
      if (where != expected_) block_.offsets.AddRun(block_.text.size(), where);
      expected_ = where + 1;
      block_.text.push_back(space ? ' ' : c);
    }
    // A no-break space and other UTF-8 spaces stay as they are; the segmenter treats them as
    // letters' neighbours.
  }
  void AddSpace(size_t offset) {
    if (block_.text.empty() || block_.text.back() == ' ') return;
    block_.offsets.AddRun(block_.text.size(), offset);
    block_.text.push_back(' ');
    expected_ = SIZE_MAX;
  }
  size_t size() const { return block_.text.size(); }
  void AddLink(size_t begin, const char* href) {
    if (href && *href && block_.text.size() > begin)
      block_.links.push_back({begin, block_.text.size(), href});
  }
  bool empty() const { return block_.text.empty(); }
  Block Take(BlockRole role) {
    while (!block_.text.empty() && block_.text.back() == ' ') block_.text.pop_back();
    block_.role = role;
    if (!block_.text.empty()) {
      block_.file_begin = block_.offsets.ToFile(0);
      block_.file_end = block_.offsets.ToFileEnd(block_.text.size());
    }
    Block out = std::move(block_);
    block_ = Block();
    expected_ = SIZE_MAX;
    return out;
  }

 private:
  std::string_view source_;
  Block block_;
  size_t expected_ = SIZE_MAX;
};

BlockRole RoleOf(GumboTag tag, BlockRole context) {
  switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return BlockRole::kHeading;
    case GUMBO_TAG_LI:
      return context == BlockRole::kQuotation ? context : BlockRole::kListItem;
    case GUMBO_TAG_FIGCAPTION:
      return BlockRole::kCaption;
    default:
      return context;
  }
}

class BlockCollector {
 public:
  BlockCollector(std::string_view source, bool by_class, Blocks* blocks)
      : builder_(source), by_class_(by_class), blocks_(blocks) {}

  void Collect(const GumboNode* node, BlockRole context) {
    if (node->type == GUMBO_NODE_TEXT) {
      builder_.AddText(node);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || IsChrome(node, by_class_)) return;
    const GumboTag tag = Tag(node);
    if (tag == GUMBO_TAG_BR) {
      builder_.AddSpace(node->v.element.start_pos.offset);
      return;
    }
    const bool block = IsBlockTag(tag);
    BlockRole role = context == BlockRole::kHeadline ? BlockRole::kHeadline
                     : tag == GUMBO_TAG_BLOCKQUOTE   ? BlockRole::kQuotation
                                                     : RoleOf(tag, context);
    const bool opens_block = block || (context == BlockRole::kHeadline && tag == GUMBO_TAG_TITLE);
    if (opens_block) Flush(current_role_);
    const BlockRole saved = current_role_;
    if (opens_block) current_role_ = role;
    const size_t link_begin = builder_.size();
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      Collect(static_cast<GumboNode*>(children.data[i]), block ? role : context);
    }
    if (tag == GUMBO_TAG_A) builder_.AddLink(link_begin, Attribute(node, "href"));
    if (opens_block) {
      Flush(current_role_);
      current_role_ = saved;
    }
  }
  void Finish() { Flush(current_role_); }

 private:
  void Flush(BlockRole role) {
    if (builder_.empty()) return;
    Block b = builder_.Take(role);
    if (!b.text.empty()) blocks_->push_back(std::move(b));
  }

  HtmlBlockBuilder builder_;
  bool by_class_;
  Blocks* blocks_;
  BlockRole current_role_ = BlockRole::kParagraph;
};

// The first element in document order for which `match` is true, or null. Iterative, so deeply
// nested markup cannot exhaust the call stack.
template <typename Match>
const GumboNode* FindElement(const GumboNode* root, const Match& match) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (match(node)) return node;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
  return nullptr;
}

const GumboNode* FindFirst(const GumboNode* root, GumboTag tag) {
  return FindElement(root, [tag](const GumboNode* node) { return Tag(node) == tag; });
}

std::string TextOf(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEXT) return node->v.text.text;
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  std::string out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    out += TextOf(static_cast<GumboNode*>(children.data[i]));
  return out;
}

// <meta property|name=key content=...>
std::string MetaContent(const GumboNode* root, std::string_view key) {
  const GumboNode* meta = FindElement(root, [key](const GumboNode* node) {
    return Tag(node) == GUMBO_TAG_META && (std::string_view(Attribute(node, "property")) == key ||
                                           std::string_view(Attribute(node, "name")) == key);
  });
  return meta ? Attribute(meta, "content") : std::string();
}

std::string CanonicalDomain(const GumboNode* root) {
  const GumboNode* link = FindElement(root, [](const GumboNode* node) {
    return Tag(node) == GUMBO_TAG_LINK && std::string_view(Attribute(node, "rel")) == "canonical";
  });
  if (!link) return {};
  std::string href = Attribute(link, "href");
  const size_t scheme = href.find("://");
  if (scheme != std::string::npos) href = href.substr(scheme + 3);
  return href.substr(0, href.find('/'));
}

std::string Squash(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
  }
  return out;
}

// The element that shows the headline: the first <h1> or <h2> whose text the page's title contains
// (or that contains it); else the <title> element itself.
const GumboNode* FindHeadline(const GumboNode* root, const std::string& title) {
  const std::string wanted = Squash(title);
  const GumboNode* title_element = FindFirst(root, GUMBO_TAG_TITLE);
  if (wanted.size() < 8)
    return FindFirst(root, GUMBO_TAG_H1) ? FindFirst(root, GUMBO_TAG_H1) : title_element;
  const GumboNode* heading = FindElement(root, [&wanted](const GumboNode* node) {
    if (Tag(node) != GUMBO_TAG_H1 && Tag(node) != GUMBO_TAG_H2) return false;
    const std::string text = Squash(TextOf(node));
    return text.size() >= 8 &&
           (wanted.find(text) != std::string::npos || text.find(wanted) != std::string::npos);
  });
  return heading ? heading : title_element;
}

// The publisher a JSON-LD NewsArticle names: {"@type": "NewsArticle", "publisher": {"name": ...}}.
std::string JsonLdPublisher(const GumboNode* root) {
  std::string name;
  FindElement(root, [&name](const GumboNode* node) {
    if (Tag(node) != GUMBO_TAG_SCRIPT ||
        std::string_view(Attribute(node, "type")) != "application/ld+json") {
      return false;
    }
    const nlohmann::json data =
        nlohmann::json::parse(TextOf(node), nullptr, /*allow_exceptions=*/false);
    std::vector<nlohmann::json> items;
    if (data.is_array()) items.assign(data.begin(), data.end());
    if (data.is_object()) items.push_back(data.contains("@graph") ? data["@graph"] : data);
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].is_array()) {
        // Copied first: inserting may reallocate `items` under the range being read.
        const nlohmann::json nested = items[i];
        items.insert(items.end(), nested.begin(), nested.end());
        continue;
      }
      if (!items[i].is_object() || !items[i].contains("publisher")) continue;
      const nlohmann::json& publisher = items[i]["publisher"];
      if (publisher.is_object() && publisher.contains("name") && publisher["name"].is_string()) {
        name = publisher["name"].get<std::string>();
        return true;
      }
    }
    return false;
  });
  return name;
}

void ReadMetadata(const RuleSet& rules, const GumboNode* root, DocumentMeta* meta) {
  std::string site = MetaContent(root, "og:site_name");
  if (site.empty()) site = JsonLdPublisher(root);
  if (const Outlet* o = site.empty() ? nullptr : rules.FindOutlet(site)) {
    meta->publisher = o->name;
  } else if (!site.empty()) {
    meta->publisher = site;
  } else {
    const std::string domain = CanonicalDomain(root);
    if (const Outlet* o = domain.empty() ? nullptr : rules.FindOutlet(domain))
      meta->publisher = o->name;
  }
  meta->byline = MetaContent(root, "author");
  meta->date = MetaContent(root, "article:published_time");
  std::string title = MetaContent(root, "og:title");
  if (title.empty()) {
    if (const GumboNode* t = FindFirst(root, GUMBO_TAG_TITLE)) title = TextOf(t);
  }
  meta->headline = title;
}

}  // namespace

Result<Document> ReadHtml(const SourceFile& file, const RuleSet& rules) {
  std::string_view bytes = file.bytes();
  if (const std::optional<size_t> deep = FindTooDeep(bytes, kMaxHtmlDepth)) {
    return Error::At(ErrorCode::kInput, file.path(), *deep,
                     fmt::format("HTML nested more than {} elements deep: not read (the parser's "
                                 "time grows with the square of the depth)",
                                 kMaxHtmlDepth));
  }
  GumboPtr output(gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size()),
                  FreeGumbo);
  if (!output) return Error::InFile(ErrorCode::kInput, file.path(), "the HTML parser failed");
  Document doc;
  ReadMetadata(rules, output->root, &doc.meta);
  // First with page furniture dropped by class name; when that leaves too little text, the class
  // names were misleading ("panel-two-col-sidebar" around the article): again with only the tags
  // that are never prose.
  constexpr size_t kMinArticleText = 500;
  Blocks blocks;
  const GumboNode* headline = FindHeadline(output->root, doc.meta.headline);
  for (const bool by_class : {true, false}) {
    blocks.clear();
    const GumboNode* article = FindArticle(output->root, by_class);
    if (headline) {
      // The headline is kept whatever its class says ("post-title-breadcrumb").
      BlockCollector title(bytes, /*by_class=*/false, &blocks);
      title.Collect(headline, BlockRole::kHeadline);
      title.Finish();
    }
    BlockCollector collector(bytes, by_class, &blocks);
    collector.Collect(article, BlockRole::kParagraph);
    collector.Finish();
    size_t text = 0;
    for (const Block& b : blocks) text += b.text.size();
    if (text >= kMinArticleText) break;
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    // The headline shown again inside the article body.
    if (i > 0 && !doc.blocks.empty() && doc.blocks.front().role == BlockRole::kHeadline &&
        b.text == doc.blocks.front().text) {
      continue;
    }
    if (b.role == BlockRole::kHeadline) doc.meta.headline = b.text;
    doc.blocks.push_back(std::move(b));
  }
  AssignBlockRoles(rules, &doc);
  return doc;
}

}  // namespace audit
