#include "rules/cue_prefilter.h"

#include "rules/pattern_compiler.h"

namespace audit {

CuePrefilter::CuePrefilter(const std::vector<const RE2*>& patterns) : size_(patterns.size()) {
  if (patterns.empty()) return;  // nothing to filter (FilteredRE2 would complain)
  for (size_t i = 0; i < patterns.size(); ++i) {
    int id = -1;
    if (filter_.Add(patterns[i]->pattern(), patterns[i]->options(), &id) != RE2::NoError) return;
    rule_of_filter_id_.push_back(static_cast<int>(i));
  }
  std::vector<std::string> atoms;
  filter_.Compile(&atoms);
  RE2::Options options = RuleRe2Options();
  options.set_case_sensitive(false);
  atoms_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& atom : atoms) {
    if (atoms_->Add(RE2::QuoteMeta(atom), nullptr) < 0) return;
  }
  if (atoms.empty()) {
    atoms_.reset();  // every rule is unfiltered
  } else if (!atoms_->Compile()) {
    return;
  }
  everything_ = false;
}

void CuePrefilter::MayMatch(std::string_view text, std::vector<bool>* may_match,
                            std::vector<int>* atoms, std::vector<int>* rules) const {
  may_match->assign(size_, everything_);
  if (everything_) return;
  atoms->clear();
  if (atoms_) atoms_->Match(re2::StringPiece(text.data(), text.size()), atoms);
  rules->clear();
  filter_.AllPotentials(*atoms, rules);
  for (int id : *rules) (*may_match)[rule_of_filter_id_[id]] = true;
}

}  // namespace audit
