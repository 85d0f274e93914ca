// JsonText: appends compact JSON to a string, as nlohmann::json's dump(-1) would write the same
// values (keys in the order given, which the caller keeps sorted, as nlohmann's std::map does), but
// without building a tree: RenderJson writes each file's result straight into its buffer. Invalid
// UTF-8 in a string becomes U+FFFD, as dump's `replace` handler does. Not thread-safe; one per
// buffer.
#ifndef AUDIT_REPORT_JSON_TEXT_H_
#define AUDIT_REPORT_JSON_TEXT_H_

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace audit {

class JsonText {
 public:
  explicit JsonText(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // The key of the next value in the current object.
  void Key(std::string_view key);
  // A key given as a string literal is written as it is, without looking for characters to escape:
  // the literal must be printable ASCII without a quote or backslash, as every key the writers use
  // is (tests/json_test.cc parses their output).
  template <size_t N>
  void Key(const char (&key)[N]) {
    // Inline, with the key's length known here: a result has some thirty keys per sentence. The
    // comma, quotes and colon go in with the key in one append.
    static_assert(N >= 1 && N <= 60, "a literal key is short");
    constexpr size_t kLength = N - 1;
    char buffer[kLength + 4];
    buffer[0] = ',';
    buffer[1] = '"';
    std::memcpy(buffer + 2, key, kLength);
    buffer[kLength + 2] = '"';
    buffer[kLength + 3] = ':';
    const bool comma = TakeComma();
    out_->append(buffer + (comma ? 0 : 1), kLength + (comma ? 4 : 3));
    after_key_ = true;
  }

  void String(std::string_view s);
  void StringOrNull(std::string_view s) {  // null for an empty string
    if (s.empty())
      Null();
    else
      String(s);
  }
  void Unsigned(size_t n);
  void Signed(long long n);
  void Double(double d);
  void Bool(bool b);
  void Null();

 private:
  void Open(char c);
  void Close(char c);
  // Whether a comma separates the next value from the one before; the container is then no longer
  // empty, and a key's value takes none.
  bool TakeComma() {
    if (after_key_) {
      after_key_ = false;
      return false;
    }
    if (first_.empty()) return false;
    const bool comma = !first_.back();
    first_.back() = false;
    return comma;
  }
  void BeforeValue();
  void WriteString(std::string_view s);

  std::string* out_;
  std::vector<char> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace audit

#endif  // AUDIT_REPORT_JSON_TEXT_H_
