#include "input/html_depth.h"

#include <array>

#include "base/ascii.h"

namespace audit {

namespace {

// Elements that never hold others, or whose end tag may be left out: the parser closes them itself.
constexpr std::array<std::string_view, 37> kNotCounted = {
    "area",  "base",  "br",      "col",    "embed",    "hr",       "img",  "input",
    "link",  "meta",  "param",   "source", "track",    "wbr",      "html", "head",
    "body",  "p",     "li",      "dt",     "dd",       "tr",       "td",   "th",
    "thead", "tbody", "tfoot",   "option", "optgroup", "colgroup", "rp",   "rt",
    "rb",    "rtc",   "caption", "keygen", "basefont"};

// Elements whose content is text up to their end tag, tags included.
constexpr std::array<std::string_view, 5> kRawText = {"script", "style", "textarea", "title",
                                                      "xmp"};

bool IsNameByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':';
}

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& names, std::string_view lowered) {
  for (std::string_view n : names) {
    if (n == lowered) return true;
  }
  return false;
}

}  // namespace

std::optional<size_t> FindTooDeep(std::string_view html, size_t limit) {
  size_t depth = 0;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    const size_t tag = pos;
    if (html.compare(pos, 4, "<!--") == 0) {
      const size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) return std::nullopt;
      pos = end + 3;
      continue;
    }
    ++pos;
    const bool closing = pos < html.size() && html[pos] == '/';
    if (closing) ++pos;
    size_t name_end = pos;
    while (name_end < html.size() && IsNameByte(html[name_end])) ++name_end;
    if (name_end == pos || !((html[pos] | 0x20) >= 'a' && (html[pos] | 0x20) <= 'z')) {
      continue;  // "<!DOCTYPE", "<?xml", a stray "<" in text
    }
    // Lowered into a stack buffer: every name the lists hold is shorter; a longer one (a custom
    // element) counts.
    char buffer[16];
    const size_t length = name_end - pos;
    std::string_view name;
    if (length <= sizeof buffer) {
      for (size_t i = 0; i < length; ++i) buffer[i] = AsciiToLower(html[pos + i]);
      name = std::string_view(buffer, length);
    }
    const size_t close = html.find('>', name_end);
    if (close == std::string_view::npos) return std::nullopt;
    pos = close + 1;
    if (closing) {
      if (depth > 0 && !OneOf(kNotCounted, name)) --depth;
      continue;
    }
    if (OneOf(kRawText, name)) {
      // Skip to the matching end tag, whatever looks like a tag before it.
      size_t at = pos;
      for (;; at += 2) {
        at = html.find("</", at);
        if (at == std::string_view::npos) return std::nullopt;
        const std::string_view after = html.substr(at + 2, name.size());
        bool same = after.size() == name.size();
        for (size_t i = 0; same && i < name.size(); ++i) same = AsciiToLower(after[i]) == name[i];
        if (same) break;
      }
      pos = at;
      continue;
    }
    if (html[close - 1] == '/' || OneOf(kNotCounted, name)) continue;  // "<svg/>", "<br>"
    if (++depth > limit) return tag;
  }
  return std::nullopt;
}

}  // namespace audit
