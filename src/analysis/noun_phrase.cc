#include "analysis/noun_phrase.h"

#include <cstdint>

#include "base/ascii.h"

namespace audit {

namespace {

constexpr size_t kNone = SIZE_MAX;
// A subject longer than this is a clause, not a name: "Local leaders, including ..." is cut at its
// comma anyway.
constexpr size_t kMaxSubjectTokens = 9;

bool IsDeterminer(std::string_view w) {
  return w == "the" || w == "The" || w == "a" || w == "A" || w == "an" || w == "An" || w == "its" ||
         w == "Its" || w == "his" || w == "His" || w == "her" || w == "Her" || w == "their" ||
         w == "Their";
}

bool IsPreposition(std::string_view w) {
  return w == "of" || w == "for" || w == "from" || w == "at" || w == "in" || w == "on" ||
         w == "with" || w == "to" || w == "by" || w == "close" || w == "familiar";
}

}  // namespace

bool NounPhrases::IsBoundary(size_t i) const {
  const Token& t = tokens_[i];
  if (t.kind == TokenKind::kOpenQuote || t.kind == TokenKind::kCloseQuote) return true;
  if (t.kind != TokenKind::kPunct) return false;
  std::string_view p = Word(i);
  if (p == "." && i > 0) {
    if (rules_.title_abbreviations().count(AsciiLower(Word(i - 1)))) return false;  // "Mr. Reeves"
  }
  return p != "'" && p != "’" && p != "&";
}

bool NounPhrases::IsTimeToken(size_t i) const {
  if (tokens_[i].kind == TokenKind::kNumber) return true;
  return rules_.Words("time_words").Contains(Word(i));
}

size_t NounPhrases::SkipLeftAdjuncts(size_t i) const {
  const PhraseSet& skip = rules_.Words("skip_before_cue");
  while (i != kNone) {
    // A parenthesis between subject and verb: "Sen. Bernie Sanders (I-Vt.) said".
    if (IsPunct(i, ")")) {
      size_t open = i;
      while (open > 0 && !IsPunct(open, "(")) --open;
      if (!IsPunct(open, "(") || open == 0) return i;
      i = open - 1;
      continue;
    }
    if (tokens_[i].kind == TokenKind::kWord && skip.Contains(Word(i))) {
      i = i == 0 ? kNone : i - 1;
      continue;
    }
    // A time phrase: "on Tuesday", "last week", "earlier this month", "in 2009".
    if (IsTimeToken(i)) {
      size_t j = i;
      while (j > 0 && (IsTimeToken(j - 1) || IsPunct(j - 1, ","))) --j;
      if (j > 0) {
        std::string_view w = Word(j - 1);
        if (w == "on" || w == "in" || w == "last" || w == "this" || w == "earlier" || w == "late" ||
            w == "early" || w == "next" || w == "at" || w == "during" || w == "since" ||
            w == "until") {
          i = j - 1 == 0 ? kNone : j - 2;
          continue;
        }
      }
      if (rules_.Words("time_words").Contains(Word(i)) &&
          (Word(i) == "today" || Word(i) == "yesterday")) {
        i = i == 0 ? kNone : i - 1;
        continue;
      }
    }
    break;
  }
  return i;
}

TokenRange NounPhrases::SubjectEndingAt(size_t last) const {
  if (last == kNone || IsBoundary(last) || tokens_[last].in_quote) return {};
  const PhraseSet& openers = rules_.Words("clause_openers");
  const PhraseSet& subordinators = rules_.Words("subordinators");
  if (openers.Contains(Word(last)) || subordinators.Contains(Word(last))) return {};
  size_t first = last;
  while (first > 0) {
    size_t prev = first - 1;
    if (IsBoundary(prev) || tokens_[prev].in_quote) break;
    std::string_view w = Word(prev);
    if (subordinators.Contains(w)) break;
    if (openers.Contains(w)) {
      // "Smith and Jones said": keep a conjunction between two names.
      const bool joins_names = (w == "and" || w == "&") && prev > 0 &&
                               tokens_[prev - 1].capitalized && tokens_[first].capitalized;
      if (!joins_names) break;
    }
    if (last - prev + 1 > kMaxSubjectTokens) break;
    first = prev;
  }
  // "A district study released in January found": a trailing participle is not part of the subject.
  while (last > first && !tokens_[last].capitalized && Word(last).size() > 3 &&
         Word(last).substr(Word(last).size() - 2) == "ed") {
    --last;
  }
  // "Later she added": an adverb opening the clause is not part of the subject.
  const PhraseSet& skip = rules_.Words("skip_before_cue");
  while (first < last && !tokens_[first].capitalized && skip.Contains(Word(first))) ++first;
  while (first < last && skip.Contains(Word(first)) &&
         !rules_.Words("titles").Contains(Word(first)))
    ++first;
  return {first, last};
}

TokenRange NounPhrases::PhraseStartingAt(size_t first, size_t max_tokens) const {
  if (first >= tokens_.size() || IsBoundary(first) || tokens_[first].in_quote) return {};
  if (rules_.Words("pronouns").Contains(Word(first))) return {first, first};
  const PhraseSet& openers = rules_.Words("clause_openers");
  const PhraseSet& subordinators = rules_.Words("subordinators");
  size_t last = first;
  const bool opened_by_determiner = IsDeterminer(Word(first));
  bool have_head = !opened_by_determiner;
  for (size_t i = first + 1; i < tokens_.size() && i - first < max_tokens; ++i) {
    if (IsBoundary(i) || tokens_[i].in_quote) break;
    std::string_view w = Word(i);
    // A reporting verb ends the phrase ("a report by the institute found"), unless it can be a noun
    // ("notes"), or it names a document in a phrase a determiner opened ("according to the city's
    // inspection report", where no verb can stand before the head noun).
    const bool document_noun = opened_by_determiner && rules_.Words("document_nouns").Contains(w);
    // "complaints from residents about noise": what the source spoke about is not part of it.
    if (w == "about" || w == "over" || w == "regarding" || w == "concerning" || w == "against")
      break;
    if (subordinators.Contains(w) || openers.Contains(w) ||
        (IsCue(i) && !document_noun && !rules_.Words("noun_like_cues").Contains(w))) {
      break;
    }
    // After a name, a lowercase word other than a preposition or possessive ends it ("said Smith on
    // Monday").
    if (have_head && !tokens_[i].capitalized && !IsPreposition(w) && !IsDeterminer(w) &&
        tokens_[i - 1].capitalized && tokens_[i].kind == TokenKind::kWord && i > first + 1) {
      break;
    }
    if (IsTimeToken(i) && !tokens_[i].capitalized) break;
    if (rules_.Words("time_words").Contains(w) && tokens_[i].capitalized && i > first &&
        (Word(i - 1) == "on" || Word(i - 1) == "last")) {
      last = i >= 2 ? i - 2 : first;
      break;
    }
    last = i;
    have_head = true;
  }
  // Do not end on a preposition or determiner.
  while (last > first && (IsPreposition(Word(last)) || IsDeterminer(Word(last)))) --last;
  return {first, last};
}

bool NounPhrases::OpensSubordinate(TokenRange subject) const {
  if (subject.empty() || subject.first == 0) return false;
  size_t prev = subject.first - 1;
  // "that is directed to ...": look past words trimmed off the subject's front.
  while (prev > 0 && rules_.Words("skip_before_cue").Contains(Word(prev)) && !IsBoundary(prev))
    --prev;
  // "X said that Y said": Y's clause is the complement of X's.
  return rules_.Words("subordinators").Contains(Word(prev));
}

size_t NounPhrases::SubordinatorBefore(TokenRange subject) const {
  if (subject.empty() || subject.first == 0) return SIZE_MAX;
  size_t prev = subject.first - 1;
  while (prev > 0 && rules_.Words("skip_before_cue").Contains(Word(prev)) && !IsBoundary(prev))
    --prev;
  return rules_.Words("subordinators").Contains(Word(prev)) ? prev : SIZE_MAX;
}

bool NounPhrases::AtClauseStart(TokenRange subject) const {
  if (subject.empty()) return false;
  if (subject.first == 0) return true;
  size_t prev = subject.first - 1;
  return IsBoundary(prev) || rules_.Words("clause_openers").Contains(Word(prev));
}

bool NounPhrases::PlausibleSource(TokenRange r) const {
  if (r.empty()) return false;
  const PhraseSet& not_sources = rules_.Words("not_sources");
  if (r.first == r.last && not_sources.Contains(Word(r.first))) return false;
  for (size_t i = r.first; i <= r.last; ++i) {
    if (tokens_[i].capitalized && !(i == 0 && IsDeterminer(Word(i)))) {
      // A sentence-initial capital only counts when the word is not a common word that happens to
      // start it.
      if (i == 0 && r.first == r.last && rules_.Words("not_sources").Contains(Word(i))) continue;
      return true;
    }
  }
  std::string_view phrase = Text(r);
  if (rules_.Words("pronouns").Contains(phrase)) return true;
  return source_words_.Search(phrase);
}

PhraseSet NounPhrases::SourceWords(const RuleSet& rules) {
  std::vector<const PhraseSet*> sets;
  for (const LexiconName lexicon :
       {LexiconName("person_nouns"), LexiconName("titles"), LexiconName("organization_nouns"),
        LexiconName("document_nouns"), LexiconName("outlet_nouns"),
        LexiconName("anonymous_sources"), LexiconName("vague_sources")}) {
    sets.push_back(&rules.Words(lexicon));
  }
  return PhraseSet::Union(sets);
}

size_t NounPhrases::MainClauseStart() const {
  constexpr size_t kMaxOpeningPhrase = 10;
  if (tokens_.empty()) return 0;
  // Only an opening phrase ("On Monday, ...", "After the vote, ...") ends at its comma; "Ana
  // Silva, a spokeswoman, ..." starts with the subject.
  const std::string_view first = Word(0);
  static constexpr std::string_view kOpeners[] = {"in",     "on",   "at",   "for", "with",
                                                  "during", "last", "this", "by",  "from",
                                                  "under",  "over", "amid", "to",  "among"};
  bool opener = rules_.Words("subordinators").Contains(first) ||
                rules_.Words("skip_before_cue").Contains(first) ||
                rules_.Words("time_words").Contains(first) ||
                rules_.Words("clause_openers").Contains(first);
  const std::string lower = AsciiLower(first);
  for (std::string_view o : kOpeners) opener = opener || lower == o;
  if (!opener) return 0;
  for (size_t i = 0; i < tokens_.size() && i < kMaxOpeningPhrase; ++i) {
    if (IsPunct(i, ",")) return i + 1;
    if (tokens_[i].kind != TokenKind::kWord && tokens_[i].kind != TokenKind::kNumber) break;
  }
  return 0;
}

bool NounPhrases::IsNameOrPronoun(TokenRange r) const {
  if (r.empty()) return false;
  if (r.first == r.last && rules_.Words("pronouns").Contains(Word(r.first))) return true;
  return tokens_[r.last].capitalized;
}

std::string_view NounPhrases::Text(TokenRange r) const {
  if (r.empty()) return {};
  return text_.substr(tokens_[r.first].begin, tokens_[r.last].end - tokens_[r.first].begin);
}

}  // namespace audit
