#include "report/json_text.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace audit {

namespace {

// Printable ASCII without a quote or backslash: written between quotes as it is.
bool IsPlainAscii(std::string_view s) {
  for (const char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

// True when none of the 8 bytes in `word` needs a second look: each is printable ASCII other than a
// quote or backslash. Bit tricks on the whole word (a byte below 0x20 or equal to one of the two
// borrows into its high bit), so plain text is scanned eight bytes per step.
bool PlainWord(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  constexpr uint64_t kHighs = 0x8080808080808080;
  const uint64_t quote = word ^ (kOnes * '"');
  const uint64_t backslash = word ^ (kOnes * '\\');
  const uint64_t below_space = (word - kOnes * 0x20) & ~word;
  const uint64_t is_quote = (quote - kOnes) & ~quote;
  const uint64_t is_backslash = (backslash - kOnes) & ~backslash;
  return ((word | below_space | is_quote | is_backslash) & kHighs) == 0;
}

}  // namespace

void JsonText::BeforeValue() {
  if (TakeComma()) out_->push_back(',');
}

void JsonText::Open(char c) {
  BeforeValue();
  out_->push_back(c);
  first_.push_back(true);
}

void JsonText::Close(char c) {
  first_.pop_back();
  out_->push_back(c);
}

void JsonText::Key(std::string_view key) {
  BeforeValue();
  if (IsPlainAscii(key)) {  // every key the writers use: no escaping to look for
    out_->push_back('"');
    out_->append(key);
    out_->append("\":", 2);
  } else {
    WriteString(key);
    out_->push_back(':');
  }
  after_key_ = true;
}

void JsonText::String(std::string_view s) {
  BeforeValue();
  WriteString(s);
}

void JsonText::WriteString(std::string_view s) {
  const size_t start = out_->size();
  out_->push_back('"');
  // One pass: runs of characters that need no escape are appended whole, and multi-byte
  // sequences are checked as they pass.
  size_t run = 0;
  for (size_t i = 0; i < s.size();) {
    if (i + sizeof(uint64_t) <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, sizeof word);
      if (PlainWord(word)) {
        i += sizeof word;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      char32_t cp;
      const size_t len = DecodeUtf8(s, i, &cp);
      if (len == 0) {
        // Rare: nlohmann applies its own replacement, so the bytes match its output exactly.
        out_->resize(start);
        out_->append(nlohmann::json(std::string(s))
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
      }
      i += len;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out_->append(s.data() + run, i - run);
    ++i;
    run = i;
    switch (c) {
      case '"':
        out_->append("\\\"");
        break;
      case '\\':
        out_->append("\\\\");
        break;
      case '\b':
        out_->append("\\b");
        break;
      case '\f':
        out_->append("\\f");
        break;
      case '\n':
        out_->append("\\n");
        break;
      case '\r':
        out_->append("\\r");
        break;
      case '\t':
        out_->append("\\t");
        break;
      default:
        fmt::format_to(std::back_inserter(*out_), "\\u{:04x}", c);
    }
  }
  out_->append(s.data() + run, s.size() - run);
  out_->push_back('"');
}

void JsonText::Unsigned(size_t n) {
  BeforeValue();
  const fmt::format_int digits(n);
  out_->append(digits.data(), digits.size());
}

void JsonText::Signed(long long n) {
  BeforeValue();
  const fmt::format_int digits(n);
  out_->append(digits.data(), digits.size());
}

void JsonText::Double(double d) {
  BeforeValue();
  if (!std::isfinite(d)) {
    out_->append("null");  // as nlohmann writes NaN and infinity
    return;
  }
  // The function nlohmann's serializer formats doubles with (shortest round trip, ".0" on whole
  // numbers), called without building a json value and a string for each number.
  std::array<char, 64> buffer;
  const char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), d);
  out_->append(buffer.data(), static_cast<size_t>(end - buffer.data()));
}

void JsonText::Bool(bool b) {
  BeforeValue();
  out_->append(b ? "true" : "false");
}

void JsonText::Null() {
  BeforeValue();
  out_->append("null");
}

}  // namespace audit
