// Noun-phrase helpers over a tokenized sentence: where a cue's subject or object starts and ends.
// They read word classes from the rule pack (titles, skippable adverbs, clause openers,
// subordinators, time words) and keep no state; thread-safe.
#ifndef AUDIT_ANALYSIS_NOUN_PHRASE_H_
#define AUDIT_ANALYSIS_NOUN_PHRASE_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "rules/rule_set.h"
#include "text/tokenizer.h"

namespace audit {

// A range of tokens [first, last] inclusive; empty when first > last.
struct TokenRange {
  size_t first = 1;
  size_t last = 0;
  bool empty() const { return first > last; }
};

class NounPhrases {
 public:
  // `source_words`: the lexicons whose words make a lowercase phrase a plausible source (person,
  // title, organisation, document, outlet, anonymous and vague source nouns) as one set;
  // SourceWords builds it.
  NounPhrases(const RuleSet& rules, const PhraseSet& source_words, std::string_view text,
              const std::vector<Token>& tokens)
      : rules_(rules), source_words_(source_words), text_(text), tokens_(tokens) {}
  static PhraseSet SourceWords(const RuleSet& rules);

  std::string_view Word(size_t i) const { return tokens_[i].In(text_); }
  bool IsPunct(size_t i, std::string_view p) const {
    return tokens_[i].kind == TokenKind::kPunct && Word(i) == p;
  }
  bool IsBoundary(size_t i) const;
  bool IsQuoteMark(size_t i) const {
    return tokens_[i].kind == TokenKind::kOpenQuote || tokens_[i].kind == TokenKind::kCloseQuote;
  }

  // Skips leftward from `i` over adverbs, auxiliaries and time phrases ("also", "has", "on
  // Tuesday") between a subject and its verb. Returns the index of the first token that is none of
  // these, or SIZE_MAX.
  size_t SkipLeftAdjuncts(size_t i) const;
  // The subject noun phrase ending at token `last`, collected leftward to the clause boundary.
  TokenRange SubjectEndingAt(size_t last) const;
  // The noun phrase starting at token `first` (an object or an inverted subject).
  TokenRange PhraseStartingAt(size_t first, size_t max_tokens) const;
  // Whether the clause holding token `i` is subordinate: a subordinator or relative pronoun opens
  // it.
  bool OpensSubordinate(TokenRange subject) const;
  // The index of the subordinator that opens the subject's clause, or SIZE_MAX.
  size_t SubordinatorBefore(TokenRange subject) const;
  // Whether the subject starts its clause (after a boundary or a conjunction).
  bool AtClauseStart(TokenRange subject) const;
  // Whether the phrase names a plausible source: a proper name, a pronoun, or a noun the lexicons
  // know.
  bool PlausibleSource(TokenRange r) const;
  // Whether token `i` is one of the reporting verbs ("said" in "said that ...").
  bool IsCue(size_t i) const { return rules_.Words("reporting_verbs").Contains(Word(i)); }
  // Where the sentence's main clause starts: after an opening phrase that ends in a comma ("On
  // Monday, ...").
  size_t MainClauseStart() const;
  // Whether a phrase is a proper name or a pronoun (what a shared subject usually is).
  bool IsNameOrPronoun(TokenRange r) const;
  // The byte span of a token range.
  std::string_view Text(TokenRange r) const;

 private:
  bool IsTimeToken(size_t i) const;

  const RuleSet& rules_;
  const PhraseSet& source_words_;
  std::string_view text_;
  const std::vector<Token>& tokens_;
};

}  // namespace audit

#endif  // AUDIT_ANALYSIS_NOUN_PHRASE_H_
