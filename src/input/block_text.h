// BlockText: the analysed text of one block, either a view of the file's own bytes or a string of
// its own.
//
// Most paragraphs of a plain-text article are one line whose bytes need no cleaning: their text is
// the file's bytes as they stand, and a copy would double what a long document holds (34 MB more
// for a 34 MB article, each megabyte of it fresh memory to fault in: bench/). Such a block borrows
// its text from the file (Borrow). A reader that changes the text (folds a line break, decodes an
// entity, replaces an invalid byte) gives the block a string of its own; changing a borrowed text
// first copies it, so a reader never writes to the file's bytes.
//
// Ownership: a borrowed text points into the SourceFile the block was read from. That file must
// outlive the Document and every Analysis whose sentences view its texts; a FileReport holds the
// file and the analysis together, and tests keep the file in scope. Not thread-safe to mutate;
// const use from several threads is safe.
#ifndef AUDIT_INPUT_BLOCK_TEXT_H_
#define AUDIT_INPUT_BLOCK_TEXT_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace audit {

class BlockText {
 public:
  BlockText() = default;
  // A text of its own. Implicit, so that readers assign strings as before.
  BlockText(std::string text) : owned_(std::move(text)) {}  // NOLINT(google-explicit-constructor)

  // A text that is the bytes `file_bytes` of the file being read (see the ownership note above).
  static BlockText Borrow(std::string_view file_bytes) {
    BlockText text;
    text.borrowed_ = file_bytes.data();
    text.borrowed_size_ = file_bytes.size();
    return text;
  }

  bool borrowed() const { return borrowed_ != nullptr; }
  std::string_view view() const {
    return borrowed_ ? std::string_view(borrowed_, borrowed_size_) : std::string_view(owned_);
  }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)

  size_t size() const { return borrowed_ ? borrowed_size_ : owned_.size(); }
  bool empty() const { return size() == 0; }
  const char* data() const { return borrowed_ ? borrowed_ : owned_.data(); }
  char front() const { return view().front(); }
  char back() const { return view().back(); }
  char operator[](size_t i) const { return view()[i]; }
  std::string_view substr(size_t pos, size_t n = std::string_view::npos) const {
    return view().substr(pos, n);
  }
  size_t find(std::string_view what, size_t pos = 0) const { return view().find(what, pos); }
  size_t find(char c, size_t pos = 0) const { return view().find(c, pos); }

  // Changes make the text one of its own first.
  void push_back(char c) { Own().push_back(c); }
  void pop_back() { Own().pop_back(); }
  BlockText& operator+=(char c) {
    push_back(c);
    return *this;
  }
  BlockText& operator+=(std::string_view more) {
    Own().append(more);
    return *this;
  }

  // Makes a borrowed text a copy of its own: for a block that must outlive its file.
  void Detach() { Own(); }

  // The text of its own, to move out; null for a borrowed text (its bytes stay the file's).
  std::string* owned() { return borrowed_ ? nullptr : &owned_; }

  friend bool operator==(const BlockText& a, std::string_view b) { return a.view() == b; }
  friend std::ostream& operator<<(std::ostream& out, const BlockText& text) {
    return out << text.view();
  }

 private:
  std::string& Own() {
    if (borrowed_) {
      owned_.assign(borrowed_, borrowed_size_);
      borrowed_ = nullptr;
      borrowed_size_ = 0;
    }
    return owned_;
  }

  std::string owned_;
  const char* borrowed_ = nullptr;  // the file's bytes, when borrowed
  size_t borrowed_size_ = 0;
};

}  // namespace audit

#endif  // AUDIT_INPUT_BLOCK_TEXT_H_
