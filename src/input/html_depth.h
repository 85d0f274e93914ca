// HtmlDepth: how deeply a page nests its elements, estimated from the tags alone, before the HTML5
// parser sees it. Gumbo looks through the stack of open elements for many start tags, so a page of
// thousands of unclosed elements costs it time that grows with the square of their number (50,000
// nested <div>s took 3.5 s, 200,000 about a minute). The reader refuses a page deeper than
// kMaxHtmlDepth with an error instead.
//
// The estimate counts start tags minus end tags of elements that must be closed: void elements
// (<br>, <img>) and those whose end tag HTML lets a writer leave out (<p>, <li>, <td>, ...) do not
// count, nor do self-closed tags, comments, declarations, or the text of <script>, <style> and
// <textarea>. It can overcount a page that leaves <div>s or <span>s open, which the parser nests
// just as deep. Stateless functions; thread-safe.
#ifndef AUDIT_INPUT_HTML_DEPTH_H_
#define AUDIT_INPUT_HTML_DEPTH_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace audit {

// Far deeper than any article page (their elements nest a few dozen deep), and shallow enough that
// the parser's time stays linear in the page's size for any page under the size limit.
inline constexpr size_t kMaxHtmlDepth = 1000;

// The byte offset of the start tag that takes the estimated depth of `html` past `limit`, or none.
std::optional<size_t> FindTooDeep(std::string_view html, size_t limit);

}  // namespace audit

#endif  // AUDIT_INPUT_HTML_DEPTH_H_
