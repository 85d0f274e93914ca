#include "rules/cue_prefilter.h"

#include <re2/filtered_re2.h>

#include <unordered_map>

#include "rules/prefilter_stand_in.h"

namespace audit {

CuePrefilter::CuePrefilter(std::vector<std::string> patterns, const RE2::Options& options,
                           size_t calls_before_filter)
    : size_(patterns.size()) {
  if (patterns.empty()) return;  // nothing to filter (FilteredRE2 would complain)
  filter_ = std::make_unique<BuiltWhenUsed<Filter>>(
      calls_before_filter,
      [patterns = std::move(patterns), options] { return Build(patterns, options); });
}

std::unique_ptr<CuePrefilter::Filter> CuePrefilter::Build(const std::vector<std::string>& patterns,
                                                          const RE2::Options& options) {
  auto f = std::make_unique<Filter>();
  std::vector<std::string> atoms;
  std::unordered_map<std::string, size_t> atom_index;
  std::vector<std::vector<Posting>> postings;  // by atom
  std::vector<int> passing;
  for (size_t rule = 0; rule < patterns.size(); ++rule) {
    // One filter per rule: its atoms are the rule's own, and asking it which atoms let the rule
    // through alone reads the rule's AND and OR of them. The filter is only asked for atoms: it
    // compiles a cheaper pattern with the same ones.
    re2::FilteredRE2 filter(LiteralScanner::kMinLength);
    int id = -1;
    if (filter.Add(PrefilterStandIn(patterns[rule]), options, &id) != RE2::NoError) return nullptr;
    std::vector<std::string> rule_atoms;
    filter.Compile(&rule_atoms);
    filter.AllPotentials({}, &passing);
    if (!passing.empty()) {  // nothing to look for: its punctuation, or every sentence
      if (f->punctuation.Add(patterns[rule], options)) {
        f->rule_of_punctuation.push_back(rule);
      } else {
        f->unfiltered.push_back(static_cast<int>(rule));
      }
      continue;
    }
    for (size_t k = 0; k < rule_atoms.size(); ++k) {
      filter.AllPotentials({static_cast<int>(k)}, &passing);
      const auto [it, added] = atom_index.emplace(rule_atoms[k], atoms.size());
      if (added) {
        atoms.push_back(rule_atoms[k]);
        postings.emplace_back();
      }
      postings[it->second].push_back({static_cast<uint32_t>(rule), !passing.empty()});
    }
  }
  f->posting_begin.push_back(0);
  for (const std::vector<Posting>& of_atom : postings) {
    f->postings.insert(f->postings.end(), of_atom.begin(), of_atom.end());
    f->posting_begin.push_back(static_cast<uint32_t>(f->postings.size()));
  }
  f->atoms = LiteralScanner(std::move(atoms));
  return f;
}

void CuePrefilter::MayMatch(std::string_view text, std::vector<bool>* may_match,
                            Scratch* scratch) const {
  const Filter* f = filter_ ? filter_->Get() : nullptr;
  may_match->assign(size_, f == nullptr);
  if (!f) return;
  for (int rule : f->unfiltered) (*may_match)[static_cast<size_t>(rule)] = true;
  f->atoms.FindAll(text, &scratch->atoms, &scratch->seen_atoms);
  if (!scratch->atoms.empty()) {
    if (scratch->has_atom.size() != size_) scratch->has_atom.assign(size_, 0);
    for (int atom : scratch->atoms) {
      const auto a = static_cast<size_t>(atom);
      for (uint32_t p = f->posting_begin[a]; p < f->posting_begin[a + 1]; ++p) {
        const Posting& posting = f->postings[p];
        if (posting.alone) {
          (*may_match)[posting.rule] = true;
        } else if (scratch->has_atom[posting.rule]) {
          (*may_match)[posting.rule] = true;  // its second atom
        } else {
          scratch->has_atom[posting.rule] = 1;
          scratch->marked.push_back(posting.rule);
        }
      }
    }
    for (uint32_t rule : scratch->marked) scratch->has_atom[rule] = 0;
    scratch->marked.clear();
  }
  if (f->punctuation.size() == 0) return;
  const uint64_t bytes = f->punctuation.BytesOf(text);
  for (size_t k = 0; k < f->punctuation.size(); ++k) {
    if (f->punctuation.MayMatch(k, bytes)) (*may_match)[f->rule_of_punctuation[k]] = true;
  }
}

}  // namespace audit
