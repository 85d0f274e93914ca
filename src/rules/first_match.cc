#include "rules/first_match.h"

#include <algorithm>

#include "rules/common_script.h"
#include "rules/pattern_compiler.h"

namespace audit {

namespace {

// Whether every match of `pattern` must start at the start of the text: it opens with ^ and has no
// top-level alternative ("^a|b" may match "b" anywhere).
bool StartsAnchored(std::string_view pattern) {
  if (pattern.empty() || pattern[0] != '^') return false;
  int depth = 0;
  for (size_t i = 1; i < pattern.size(); i = EndOfEscapeOrClass(pattern, i) + 1) {
    const char c = pattern[i];
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

FirstMatch::Group::Group(const RE2::Options& options, RE2::Anchor anchor)
    : set(std::make_unique<RE2::Set>(options, anchor)),
      needs_punctuation(anchor == RE2::UNANCHORED) {}

FirstMatch::FirstMatch(std::vector<const LazyRegex*> patterns, size_t calls_before_sets)
    : patterns_(std::move(patterns)) {
  if (patterns_.empty()) return;
  for (const bool common_script : {false, true}) {
    sets_[common_script] = std::make_unique<BuiltWhenUsed<std::vector<Group>>>(
        calls_before_sets,
        [patterns = patterns_, common_script] { return CompileSets(patterns, common_script); });
  }
}

bool FirstMatch::BuildSets() const { return sets_[1] && sets_[1]->BuildNow() != nullptr; }

std::unique_ptr<std::vector<FirstMatch::Group>> FirstMatch::CompileSets(
    const std::vector<const LazyRegex*>& patterns, bool common_script) {
  const RE2::Options& options = patterns.front()->options();
  Group anchored(options, RE2::ANCHOR_START);
  Group unanchored(options, RE2::UNANCHORED);
  for (size_t i = 0; i < patterns.size(); ++i) {
    const LazyRegex* p = patterns[i];
    // Patterns compiled with other options cannot join sets built with the first one's.
    if (p->options().case_sensitive() != options.case_sensitive()) return nullptr;
    const std::string& pattern = p->pattern_for(common_script);
    Group& group = StartsAnchored(pattern) ? anchored : unanchored;
    if (group.set->Add(pattern, nullptr) < 0) return nullptr;
    group.pattern_of.push_back(static_cast<int>(i));
    group.needs_punctuation =
        group.needs_punctuation && group.punctuation.Add(pattern, p->options());
  }
  auto groups = std::make_unique<std::vector<Group>>();
  for (Group* group : {&anchored, &unanchored}) {
    if (group->pattern_of.empty()) continue;
    if (!group->set->Compile()) return nullptr;
    groups->push_back(std::move(*group));
  }
  return groups;
}

int FirstMatch::First(std::string_view text) const {
  if (patterns_.empty()) return -1;
  const bool common_script = InCommonScript(text);
  const std::vector<Group>* groups = sets_[common_script]->Get();
  if (!groups) return FirstOneByOne(text, common_script);
  const re2::StringPiece input(text.data(), text.size());
  int first = -1;
  std::vector<int> matched;
  for (const Group& group : *groups) {
    if (group.needs_punctuation && !group.punctuation.AnyMayMatch(text)) continue;
    RE2::Set::ErrorInfo info;
    // Most texts match no pattern: asked only whether any matches, RE2 stops at the first match and
    // allocates nothing; which ones is asked only when some do.
    if (!group.set->Match(input, nullptr, &info)) {
      if (info.kind != RE2::Set::kNoError)
        return FirstOneByOne(text, common_script);  // the DFA ran out of memory
      continue;
    }
    matched.clear();
    if (group.set->Match(input, &matched, &info)) {
      for (int m : matched) {
        const int pattern = group.pattern_of[static_cast<size_t>(m)];
        if (first < 0 || pattern < first) first = pattern;
      }
    } else if (info.kind != RE2::Set::kNoError) {
      return FirstOneByOne(text, common_script);  // the DFA ran out of memory on this text
    }
  }
  return first;
}

int FirstMatch::FirstOneByOne(std::string_view text, bool common_script) const {
  const re2::StringPiece input(text.data(), text.size());
  for (size_t i = 0; i < patterns_.size(); ++i) {
    if (RE2::PartialMatch(input, patterns_[i]->For(common_script))) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace audit
