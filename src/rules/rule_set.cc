#include "rules/rule_set.h"

#include "base/ascii.h"

namespace audit {

PhraseSet::PhraseSet(const std::vector<std::string>& entries)
    : entries_(entries), matcher_(entries) {
  for (const auto& e : entries) {
    const std::string lowered = AsciiLower(e);
    if (!lowered.empty()) {
      const size_t bit = Signature(lowered.size(), lowered.front(), lowered.back());
      signatures_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
    exact_.insert(lowered);
  }
}

PhraseSet PhraseSet::Union(const std::vector<const PhraseSet*>& sets) {
  std::vector<std::string> entries;
  for (const PhraseSet* set : sets) {
    entries.insert(entries.end(), set->entries_.begin(), set->entries_.end());
  }
  return PhraseSet(entries);
}

bool PhraseSet::Contains(std::string_view word) const {
  // Lowered into a stack buffer: no entry is this long, so a longer word cannot match.
  constexpr size_t kMaxWord = 64;
  if (word.size() > kMaxWord) return false;
  if (!word.empty()) {
    const size_t bit =
        Signature(word.size(), AsciiToLower(word.front()), AsciiToLower(word.back()));
    if (!(signatures_[bit / 64] >> (bit % 64) & 1)) return false;
  }
  char lowered[kMaxWord] = {};
  for (size_t i = 0; i < word.size(); ++i) lowered[i] = AsciiToLower(word[i]);
  return exact_.find(std::string_view(lowered, word.size())) != exact_.end();
}

bool PhraseSet::Search(std::string_view text) const { return matcher_.Search(text); }

bool PhraseSet::Prefix(std::string_view text) const { return matcher_.Prefix(text); }

const RoleRule* RuleSet::FirstBlockRole(std::string_view text) const {
  const int i = block_roles_.First(text);
  return i < 0 ? nullptr : &role_rules_[block_role_rules_[static_cast<size_t>(i)]];
}

const RoleRule* RuleSet::FirstSentenceRole(std::string_view text) const {
  const int i = sentence_roles_.First(text);
  return i < 0 ? nullptr : &role_rules_[sentence_role_rules_[static_cast<size_t>(i)]];
}

const Lexicon* RuleSet::FindLexicon(std::string_view name) const {
  for (const auto& l : lexicons_) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

const PhraseSet& RuleSet::Words(LexiconName name) const {
  static const PhraseSet kEmpty;  // a RuleSet that was never loaded has none
  return name.index() < word_sets_.size() ? word_sets_[name.index()] : kEmpty;
}

const Outlet* RuleSet::FindOutlet(std::string_view name) const {
  std::string key = AsciiLower(name);
  auto it = outlet_index_.find(key);
  if (it == outlet_index_.end() && key.rfind("the ", 0) == 0)
    it = outlet_index_.find(key.substr(4));
  if (it == outlet_index_.end() && key.rfind("www.", 0) == 0)
    it = outlet_index_.find(key.substr(4));
  return it == outlet_index_.end() ? nullptr : &outlets_[it->second];
}

const FindingRule* RuleSet::FindFinding(std::string_view id) const {
  for (const auto& f : finding_rules_) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

const RE2::Set* RuleSet::claim_signal_set(bool text_in_common_script) const {
  if (text_in_common_script || !claim_signal_full_set_) return claim_signal_set_.get();
  return claim_signal_full_set_->Get();
}

}  // namespace audit
