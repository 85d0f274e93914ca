#include "rules/first_match.h"

#include <algorithm>

namespace audit {

FirstMatch::FirstMatch(std::vector<const RE2*> patterns) : patterns_(std::move(patterns)) {
  if (patterns_.empty()) return;
  auto set = std::make_unique<RE2::Set>(patterns_.front()->options(), RE2::UNANCHORED);
  for (const RE2* p : patterns_) {
    // Patterns compiled with other options cannot join a set built with the first one's.
    if (p->options().case_sensitive() != patterns_.front()->options().case_sensitive()) return;
    if (set->Add(p->pattern(), nullptr) < 0) return;
  }
  if (set->Compile()) set_ = std::move(set);
}

int FirstMatch::First(std::string_view text) const {
  const re2::StringPiece input(text.data(), text.size());
  if (set_) {
    std::vector<int> matched;
    RE2::Set::ErrorInfo info;
    if (set_->Match(input, &matched, &info))
      return *std::min_element(matched.begin(), matched.end());
    if (info.kind == RE2::Set::kNoError) return -1;
    // The DFA ran out of memory on this text: try each pattern instead.
  }
  for (size_t i = 0; i < patterns_.size(); ++i) {
    if (RE2::PartialMatch(input, *patterns_[i])) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace audit
