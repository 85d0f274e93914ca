#include "analysis/attribution_finder.h"

#include <algorithm>
#include <cstdint>

#include "base/ascii.h"
#include "rules/common_script.h"

namespace audit {

namespace {

constexpr size_t kNoToken = SIZE_MAX;

// The token starting at byte `pos`, or the first after it; tokens.size() when none.
size_t TokenAt(const std::vector<Token>& tokens, size_t pos) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), pos,
                             [](const Token& t, size_t p) { return t.end <= p; });
  return static_cast<size_t>(it - tokens.begin());
}

size_t LastTokenBefore(const std::vector<Token>& tokens, size_t end) {
  size_t i = TokenAt(tokens, end);
  if (i < tokens.size() && tokens[i].begin < end) return i;
  return i == 0 ? kNoToken : i - 1;
}

bool IsDeterminerOrPossessive(std::string_view w) {
  static constexpr std::string_view kWords[] = {"the",   "The", "a",   "A",     "an",   "An",
                                                "its",   "his", "her", "their", "this", "these",
                                                "those", "our", "my",  "your"};
  for (std::string_view d : kWords) {
    if (w == d) return true;
  }
  return false;
}

// A verb form that needs a plural subject: "say", "claim" (not "says", "said", "claimed",
// "saying").
bool IsBareForm(std::string_view w) {
  static constexpr std::string_view kIrregularPast[] = {"wrote",    "thought", "knew", "saw",
                                                        "spoke",    "swore",   "felt", "held",
                                                        "forecast", "read",    "went"};
  for (std::string_view p : kIrregularPast) {
    if (w == p) return false;
  }
  return !EndsWith(w, "s") && !EndsWith(w, "d") && !EndsWith(w, "ing");
}

bool IsPrepositionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"in",    "on",     "at",     "for",    "to",
                                                "from",  "with",   "of",     "by",     "over",
                                                "after", "before", "during", "against"};
  for (std::string_view p : kWords) {
    if (w == p) return true;
  }
  return false;
}

bool IsBeForm(std::string_view w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "be" ||
         w == "am" || w == "'s" || w == "’s" || w == "'re" || w == "’re" || w == "'m" || w == "’m";
}

// Auxiliaries and "not": they follow a clause's subject ("Smith did not name ...").
bool IsAuxiliaryOrNot(std::string_view w) {
  static constexpr std::string_view kWords[] = {"do",   "does",   "did",   "has",   "have", "had",
                                                "will", "would",  "can",   "could", "may",  "might",
                                                "must", "should", "shall", "not",   "never"};
  for (std::string_view a : kWords) {
    if (w == a) return true;
  }
  return IsBeForm(w);
}

bool SameOutlet(const std::vector<std::string>& via, const std::string& name) {
  return std::find(via.begin(), via.end(), name) != via.end();
}

// Whether a comma or colon closes the clause within a few words of `from` ("as X said in a letter
// last month:").
bool ClauseEndsSoon(const NounPhrases& np, const std::vector<Token>& tokens, size_t from) {
  constexpr size_t kMaxWords = 8;
  for (size_t i = from; i < tokens.size() && i < from + kMaxWords; ++i) {
    if (np.IsPunct(i, ",") || np.IsPunct(i, ":")) return true;
    if (tokens[i].kind != TokenKind::kWord && tokens[i].kind != TokenKind::kNumber) return false;
  }
  return false;
}

// Whether a candidate is a closing attribution: ", X said." or ", said X." with nothing after but
// punctuation.
bool ClosesSentence(const std::vector<Token>& tokens, const CueCandidate& c) {
  if (c.source.empty()) return false;
  const size_t first = std::min(c.source.first, c.cue_first);
  const size_t last = std::max(c.source.last, c.cue_last);
  if (first == 0 || tokens[first - 1].kind != TokenKind::kPunct) return false;
  for (size_t i = last + 1; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::kWord || tokens[i].kind == TokenKind::kNumber) return false;
  }
  return true;
}

}  // namespace

bool AttributionFinder::SourceFor(const NounPhrases& np, const std::vector<Token>& tokens,
                                  CueCandidate* c) const {
  switch (c->rule->side) {
    case SourceSide::kVague:
      c->vague = true;
      return true;
    case SourceSide::kCapture:
      // "FILE PHOTO: ...", "Editor's note: ...": a label, not a speaker.
      return !c->source.empty() && !rules_.Words("caption_labels").Contains(np.Text(c->source));
    case SourceSide::kAfter: {
      c->source = np.PhraseStartingAt(c->cue_last + 1, 10);
      return np.PlausibleSource(c->source);
    }
    case SourceSide::kSubject:
      break;
  }
  const size_t after = c->cue_last + 1;
  const std::string_view cue_word = np.Word(c->cue_first);
  // "were told": a passive cue is as strong as its verb.
  const bool strong = rules_.Words("strong_cues").Contains(cue_word) ||
                      rules_.Words("strong_cues").Contains(np.Word(c->cue_last));
  auto plausible = [&](TokenRange r) {
    if (np.PlausibleSource(r)) return true;
    if (!strong || r.empty() || r.last - r.first >= 7) return false;
    // After "said" or "told", a short noun phrase is a speaker: "The world champion", "former
    // secretary of state", "43 percent", "most of them".
    if (r.first == r.last && rules_.Words("not_sources").Contains(np.Word(r.first))) return false;
    return IsDeterminerOrPossessive(np.Word(r.first)) ||
           tokens[r.first].kind == TokenKind::kNumber || np.AtClauseStart(r);
  };
  size_t k = c->cue_first == 0 ? kNoToken : np.SkipLeftAdjuncts(c->cue_first - 1);
  // "..., saying ...": a participle after a comma speaks for the sentence's subject; "with Altria
  // rising" does not.
  if (EndsWith(cue_word, "ing")) {
    // "is once again questioning": a be-form before the participle, past any adverbs.
    size_t before = c->cue_first;
    while (before > 0 && !IsBeForm(np.Word(before - 1)) &&
           rules_.Words("skip_before_cue").Contains(np.Word(before - 1))) {
      --before;
    }
    const bool progressive = before > 0 && IsBeForm(np.Word(before - 1));
    if (!progressive) {
      if (k == kNoToken || !np.IsPunct(k, ",")) {
        c->source = k == kNoToken ? TokenRange{} : np.SubjectEndingAt(k);
        // "a statement saying ...", "911 calls saying ...": a document that says something
        // attributes it when nothing else in the sentence does; "with Altria rising" does not.
        const bool document = !c->source.empty() && !tokens[k].capitalized &&
                              rules_.Words("document_nouns").Contains(np.Word(k));
        c->subordinate = !document;
        c->fallback_only = document;
        if (document) {
          // The document itself is the source: "911 calls", "a statement".
          size_t first = k;
          if (first > 0 && (IsDeterminerOrPossessive(np.Word(first - 1)) ||
                            tokens[first - 1].kind == TokenKind::kNumber)) {
            --first;
          }
          c->source = {first, k};
          return true;
        }
        return plausible(c->source);
      }
      c->source = np.PhraseStartingAt(0, 6);
      return np.PlausibleSource(c->source);
    }
  }
  auto inverted = [&]() -> bool {
    if (after >= tokens.size() || np.Word(after) == "that" ||
        tokens[after].kind != TokenKind::kWord)
      return false;
    if (!rules_.Words("inverting_cues").Contains(cue_word)) return false;
    TokenRange right = np.PhraseStartingAt(after, 8);
    if (!plausible(right)) return false;
    // "said she turned out ..." or "said the ward was full" is a complement clause, not an inverted
    // subject.
    if (right.last > right.first && rules_.Words("pronouns").Contains(np.Word(right.first)))
      return false;
    for (size_t i = right.first; i <= right.last; ++i) {
      if (!tokens[i].capitalized && rules_.Words("skip_before_cue").Contains(np.Word(i)))
        return false;
    }
    // An inverted subject closes its clause: "..., said Hugh Hill, a doctor." but not "told Reuters
    // that ...".
    const size_t next = right.last + 1;
    const bool relative =
        next < tokens.size() && (np.Word(next) == "who" || np.Word(next) == "whose");
    if (next < tokens.size() &&
        !(tokens[next].kind == TokenKind::kPunct || np.IsQuoteMark(next) || relative)) {
      return false;
    }
    c->source = right;
    return true;
  };
  if (k == kNoToken) return inverted();
  // "..., rushed everyone inside and said ...": the verb shares the sentence's subject.
  if (np.Word(k) == "and" || np.Word(k) == "but") {
    c->source = np.PhraseStartingAt(np.MainClauseStart(), 5);
    // "Smith did not name his rivals, but told ...": the subject of a speech verb ends where its
    // own verb begins ("Collins was sixth but is hoping ..." keeps the clause, and fails below).
    for (size_t i = c->source.first + 1; strong && !c->source.empty() && i <= c->source.last; ++i) {
      if (IsAuxiliaryOrNot(np.Word(i))) {
        c->source.last = i - 1;
        break;
      }
    }
    const bool described = !c->source.empty() && c->source.last - c->source.first < 4 &&
                           IsDeterminerOrPossessive(np.Word(c->source.first));  // "His ex-wife"
    return np.PlausibleSource(c->source) && (np.IsNameOrPronoun(c->source) || described);
  }
  const bool comma = np.IsPunct(k, ",");
  const bool quote_before =
      tokens[k].kind == TokenKind::kCloseQuote || tokens[k].in_quote ||
      (comma && (tokens[k].in_quote || (k > 0 && tokens[k - 1].kind == TokenKind::kCloseQuote)));
  if (quote_before) return inverted();
  if (comma || np.IsPunct(k, "—") || np.IsPunct(k, "–") || np.IsPunct(k, "―")) {
    // "..., said the minister" (inverted) or "Hugh Hill, a doctor, said" (appositive).
    if (inverted()) return true;
    return AppositiveSubject(np, tokens, k, c);
  }
  c->source = np.SubjectEndingAt(k);
  // "Political observers in Virginia and around the country say": a conjunction inside the subject.
  if (!c->source.empty() && !np.PlausibleSource(c->source) && c->source.first >= 2) {
    const std::string_view joint = np.Word(c->source.first - 1);
    if (joint == "and" || joint == "or") {
      const TokenRange left = np.SubjectEndingAt(c->source.first - 2);
      if (!left.empty() && np.PlausibleSource(left)) c->source.first = left.first;
    }
  }
  c->subordinate = np.OpensSubordinate(c->source);
  // "A US government claim accusing ...": a bare verb form needs a plural subject, else it is a
  // noun.
  if (!c->source.empty() && IsBareForm(cue_word) && !IsBeForm(cue_word) &&
      c->cue_first == c->cue_last && c->cue_first == c->source.last + 1) {
    // The head comes before a preposition: "Aides to Clinton say"; "Bush and Christie say" is
    // plural.
    size_t head_index = c->source.last;
    bool coordinated = false;
    for (size_t i = c->source.first; i <= c->source.last; ++i) {
      const std::string_view w = np.Word(i);
      if (w == "and" || w == "&") coordinated = true;
      const bool participle =
          !tokens[i].capitalized && (EndsWith(w, "ed") || w == "seen" || w == "shown" ||
                                     w == "taken" || w == "given" || w == "written");
      if (i > c->source.first && (IsPrepositionWord(w) || participle)) {
        head_index = i - 1;
        break;
      }
    }
    const std::string_view head = np.Word(head_index);
    if (!coordinated && !EndsWith(head, "s") && !rules_.Words("plural_nouns").Contains(head))
      return false;
  }
  // "As the report states: ...", "as X said," attribute the main clause.
  const size_t subordinator = np.SubordinatorBefore(c->source);
  if (c->subordinate && subordinator != SIZE_MAX &&
      (np.Word(subordinator) == "as" || np.Word(subordinator) == "As" ||
       np.Word(subordinator) == "AS") &&
      ClauseEndsSoon(np, tokens, after)) {
    c->subordinate = false;
  }
  if (c->subordinate) {
    // "The report that is directed to the Council illustrated ...": a relative clause after a noun
    // phrase at the start of the clause; the noun phrase is the subject. After a verb ("said that
    // ..."), it is a complement.
    const size_t rel = subordinator;
    const std::string_view w = rel == SIZE_MAX ? std::string_view() : np.Word(rel);
    if ((w == "that" || w == "which" || w == "who") && rel > 0) {
      TokenRange before = np.SubjectEndingAt(rel - 1);
      const bool after_verb =
          np.IsCue(rel - 1) && !(rel >= 2 && IsDeterminerOrPossessive(np.Word(rel - 2)));
      if (np.AtClauseStart(before) && np.PlausibleSource(before) && !after_verb) {
        c->source = before;
        c->subordinate = np.OpensSubordinate(before);
      }
    }
  }
  if (!SubjectHasNoVerb(np, tokens, c->source)) return false;
  return plausible(c->source);
}

bool AttributionFinder::SubjectHasNoVerb(const NounPhrases& np, const std::vector<Token>& tokens,
                                         TokenRange subject) const {
  // A subject is a noun phrase: "Nuts are the main reason people get a problem" is a clause. The
  // writer's own "I" and "we" outside quotation marks are not sources either.
  for (size_t i = subject.first + 1; i <= subject.last && !subject.empty(); ++i) {
    const std::string_view w = np.Word(i);
    if (IsBeForm(w) || w == "has" || w == "have" || w == "had" || w == "will" || w == "would" ||
        w == "can" || w == "could") {
      return false;
    }
  }
  if (!subject.empty() && subject.first == subject.last && !tokens[subject.first].in_quote) {
    const std::string_view w = np.Word(subject.first);
    if (w == "we" || w == "We" || w == "I") return false;
  }
  return true;
}

bool AttributionFinder::AppositiveSubject(const NounPhrases& np, const std::vector<Token>& tokens,
                                          size_t comma, CueCandidate* c) const {
  // The comma-separated segments before the verb, right to left: "Mara Quill, 34, a nurse
  // from Las Vegas,".
  constexpr size_t kMaxSegments = 4;
  std::vector<TokenRange> segments;
  size_t end = comma;  // exclusive end of the segment being collected
  while (segments.size() < kMaxSegments && end > 0) {
    size_t p = end;
    auto separator = [&](size_t i) {
      return (np.IsPunct(i, ",") || np.IsPunct(i, "—") || np.IsPunct(i, "–") ||
              np.IsPunct(i, "―")) &&
             !tokens[i].in_quote;
    };
    while (p > 0 && !separator(p - 1) && !np.IsPunct(p - 1, ";") && !np.IsPunct(p - 1, ":")) --p;
    if (p < end) segments.push_back({p, end - 1});
    if (p == 0 || !separator(p - 1)) break;
    end = p - 1;
  }
  if (segments.size() < 2) return false;
  // "The county sheriff, Dana Ruiz, told": when the appositive next to the verb is a
  // name, it is the source.
  const TokenRange nearest = segments.front();
  bool name_appositive = nearest.last - nearest.first < 5;
  for (size_t i = nearest.first; i <= nearest.last && name_appositive; ++i) {
    name_appositive = tokens[i].capitalized || np.IsPunct(i, ".");
  }
  if (name_appositive && segments.size() >= 2) {
    c->source = nearest;
    return true;
  }
  // Otherwise the head is the leftmost segment that is a noun phrase (not "After the meeting").
  for (size_t i = segments.size(); i-- > 1;) {
    size_t last = np.SkipLeftAdjuncts(segments[i].last);
    if (last == kNoToken || last < segments[i].first) continue;
    TokenRange candidate = np.SubjectEndingAt(last);
    if (candidate.empty() || candidate.first < segments[i].first) continue;
    bool only_adjuncts_before = true;  // "Even Hale": words trimmed off the front
    for (size_t t = segments[i].first; t < candidate.first; ++t) {
      only_adjuncts_before =
          only_adjuncts_before && rules_.Words("skip_before_cue").Contains(np.Word(t));
    }
    if (!only_adjuncts_before && !np.AtClauseStart(candidate)) continue;
    if (np.OpensSubordinate(candidate) && candidate.first == segments[i].first) continue;
    if (!np.PlausibleSource(candidate)) continue;
    c->source = candidate;
    c->subordinate = np.OpensSubordinate(candidate);
    return true;
  }
  return false;
}

bool AttributionFinder::CueIsVerb(const NounPhrases& np, const std::vector<Token>& tokens,
                                  const CueCandidate& c) const {
  // "the accused", "after the ruling", "Trump's comments": a determiner or possessive makes the cue
  // a noun.
  if (c.cue_first > 0) {
    const std::string_view before = np.Word(c.cue_first - 1);
    if (IsDeterminerOrPossessive(before)) return false;
    if ((before.size() > 2 && EndsWith(before, "'s")) ||
        (before.size() > 4 && EndsWith(before, "’s"))) {
      return false;
    }
  }
  // "so-called": part of a hyphenated word.
  if (tokens[c.cue_first].begin < c.cue.begin) return false;
  const std::string_view word = np.Word(c.cue_first);
  // "to respond", "will announce": an infinitive or a future reports nothing yet.
  if (c.cue_first > 0) {
    const std::string_view before = np.Word(c.cue_first - 1);
    if (before == "to" || before == "will" || before == "shall" || before == "'ll" ||
        before == "would") {
      return false;
    }
  }
  // "The source did not clarify", "didn't say": what a source did not say is the reporter's
  // observation. The words just before the cue are searched back to the subject.
  for (size_t i = c.cue_first; i-- > 0;) {
    const std::string_view w = np.Word(i);
    if (w == "not" || w == "n't" || w == "never" || EndsWith(w, "n't") || EndsWith(w, "n’t"))
      return false;
    if (!rules_.Words("skip_before_cue").Contains(w)) break;
  }
  // "Clinton is assured of winning", "can be found here": a passive participle does not name a
  // speaker.
  if (c.cue_first > 0 && IsBeForm(np.Word(c.cue_first - 1)) && c.cue_first == c.cue_last &&
      (EndsWith(word, "ed") || word == "found" || word == "shown" || word == "told" ||
       word == "said")) {
    return false;
  }
  // "claimed victory", "claimed a seat in": an object the verb takes shows it is not speech. "said
  // the letter was forged" is speech: there the noun starts a clause. "told delegates": the
  // object of "told" is who heard it.
  const PhraseSet& objects = rules_.Words("non_speech_objects");
  const bool addressee = rules_.Words("addressee_cues").Contains(np.Word(c.cue_last));
  size_t object = c.cue_last + 1;
  if (object < tokens.size() && IsDeterminerOrPossessive(np.Word(object))) ++object;
  // One adjective may stand before the object: "maintains tight control".
  if (object + 1 < tokens.size() && !objects.Contains(np.Word(object)) &&
      objects.Contains(np.Word(object + 1)) && tokens[object].kind == TokenKind::kWord &&
      !tokens[object].capitalized) {
    ++object;
  }
  if (!addressee && object < tokens.size() && objects.Contains(np.Word(object))) {
    const size_t after = object + 1;
    const bool ends_phrase = after >= tokens.size() || tokens[after].kind == TokenKind::kPunct ||
                             IsPrepositionWord(np.Word(after));
    if (ends_phrase) return false;
  }
  // "Parents have been told for years to avoid ...": an instruction, not a report.
  // "The mayor told aides to wait" is an order, which still reports what the mayor said.
  const bool passive =
      c.cue_first != c.cue_last || (c.cue_first > 0 && IsBeForm(np.Word(c.cue_first - 1)));
  if (passive && np.Word(c.cue_last) == "told") {
    for (size_t i = c.cue_last + 1; i < tokens.size() && i <= c.cue_last + 4; ++i) {
      if (np.Word(i) == "to") return false;
      if (tokens[i].kind != TokenKind::kWord) break;
    }
  }
  // "adding to his victories", "continued to rise", "compared with", "showed up": a particle that
  // makes the verb mean something other than speech.
  if (c.cue_last + 1 < tokens.size()) {
    const std::string_view particle = np.Word(c.cue_last + 1);
    const bool to_or_with = particle == "to" || particle == "with";
    if ((to_or_with && (word.substr(0, 3) == "add" || word.substr(0, 7) == "continu" ||
                        word.substr(0, 7) == "compare" || word.substr(0, 7) == "respond")) ||
        (particle == "from" && word.substr(0, 6) == "report") ||
        (particle == "in" && word.substr(0, 4) == "call") || particle == "up" ||
        particle == "down" || particle == "off") {
      return false;
    }
  }
  // "Editor's note: ...": a label before a colon.
  if (c.cue_last + 1 < tokens.size() && np.IsPunct(c.cue_last + 1, ":") &&
      rules_.Words("caption_labels").Contains(np.Text({0, c.cue_last}))) {
    return false;
  }
  if (!rules_.Words("noun_like_cues").Contains(word)) return true;
  // "intelligence reports seen by Reuters": a noun-like form is a verb only before something that
  // can start a clause.
  const size_t next = c.cue_last + 1;
  if (next >= tokens.size())
    return false;  // "West End to honour finest shows": a headline ending in a noun
  const Token& t = tokens[next];
  if (t.kind != TokenKind::kWord) {
    // "..., a new study shows." ends the sentence with the verb.
    return t.kind != TokenKind::kPunct || np.IsPunct(next, ",") || np.IsPunct(next, ".") ||
           np.IsPunct(next, ":");
  }
  const std::string_view w = np.Word(next);
  if (t.capitalized || w == "that" || IsDeterminerOrPossessive(w) ||
      rules_.Words("pronouns").Contains(w)) {
    return true;
  }
  // "reports of abuse", "claims by rivals", "reports were", "reports seen by": a noun.
  static constexpr std::string_view kNounFollowers[] = {
      "of",  "for",   "by",    "from",   "about", "against", "over", "to", "with",
      "at",  "along", "among", "across", "were",  "was",     "are",  "is", "have",
      "has", "had",   "and",   "or",     "seen",  "made",    "found"};
  for (std::string_view f : kNounFollowers) {
    if (w == f) return false;
  }
  // "calls saying", "reports seen": a participle after the word makes it a noun.
  return !(EndsWith(w, "ed") || EndsWith(w, "en") || EndsWith(w, "ing"));
}

void AttributionFinder::CollectCandidates(std::string_view text, const std::vector<Token>& tokens,
                                          bool common_script, Scratch* scratch) const {
  scratch->candidates.clear();
  re2::StringPiece input(text.data(), text.size());
  NounPhrases np(rules_, source_words_, text, tokens);
  re2::StringPiece groups[8];
  // The prefilter's one pass over the literals the rules need says which rules can match; those
  // scan the sentence with their own DFA, in pack order.
  rules_.cue_prefilter().MayMatch(text, &scratch->may_match, &scratch->prefilter);
  for (size_t r = 0; r < rules_.cue_rules().size(); ++r) {
    if (!scratch->may_match[r]) continue;
    const CueRule& rule = rules_.cue_rules()[r];
    // Only the groups up to the last one used are filled in (fewer to find); at most 8. A cue
    // that is the whole match needs none: RE2 then finds the match with its DFAs alone.
    const int last_group =
        rule.cue_is_match ? rule.source_group : std::max(rule.cue_group, rule.source_group);
    const int ngroups = std::min(std::max(last_group, 0) + 1, 8);
    const bool has_cue = rule.cue_group > 0 && rule.cue_group < ngroups;
    const bool has_source = rule.source_group > 0 && rule.source_group < ngroups;
    size_t pos = 0;
    while (pos <= text.size() &&
           rule.re->For(common_script)
               .Match(input, pos, text.size(), RE2::UNANCHORED, groups, ngroups)) {
      const re2::StringPiece whole = groups[0];
      pos = static_cast<size_t>(whole.data() - text.data()) + std::max<size_t>(whole.size(), 1);
      re2::StringPiece cue = has_cue ? groups[rule.cue_group] : whole;
      if (cue.data() == nullptr) continue;
      CueCandidate c;
      c.rule = &rule;
      c.cue.begin = static_cast<size_t>(cue.data() - text.data());
      c.cue.end = c.cue.begin + cue.size();
      c.cue_first = TokenAt(tokens, c.cue.begin);
      if (c.cue_first >= tokens.size()) continue;
      // One candidate per cue position: the first rule (in pack order) to claim a cue keeps it, so
      // a cue already claimed needs no further checks.
      const bool claimed =
          std::any_of(scratch->candidates.begin(), scratch->candidates.end(),
                      [&](const CueCandidate& o) { return o.cue_first == c.cue_first; });
      if (claimed) continue;
      c.cue_last = LastTokenBefore(tokens, c.cue.end);
      if (c.cue_last == kNoToken || c.cue_last < c.cue_first) c.cue_last = c.cue_first;
      if (tokens[c.cue_first].in_quote && rule.side != SourceSide::kCapture) continue;
      if (rule.side == SourceSide::kSubject && !CueIsVerb(np, tokens, c)) continue;
      if (has_source && groups[rule.source_group].data() != nullptr) {
        const re2::StringPiece s = groups[rule.source_group];
        const size_t sb = static_cast<size_t>(s.data() - text.data());
        c.source.first = TokenAt(tokens, sb);
        c.source.last = LastTokenBefore(tokens, sb + s.size());
        if (c.source.last == kNoToken) c.source = {};
      }
      if (!SourceFor(np, tokens, &c)) continue;
      scratch->candidates.push_back(c);
    }
  }
  std::sort(scratch->candidates.begin(), scratch->candidates.end(),
            [](const CueCandidate& a, const CueCandidate& b) { return a.cue.begin < b.cue.begin; });
}

Attribution AttributionFinder::ToAttribution(std::string_view text,
                                             const std::vector<Token>& tokens,
                                             const CueCandidate& c) const {
  Attribution a;
  a.status = AttributionStatus::kDirect;
  a.rule = c.rule->id;
  a.holds_paragraph = c.rule->holds_paragraph;
  a.cue_span = c.cue;
  a.cue = c.rule->fixed_cue.empty() ? std::string(text.substr(c.cue.begin, c.cue.end - c.cue.begin))
                                    : c.rule->fixed_cue;
  if (c.vague) {
    a.source = a.cue;
    a.source_span = c.cue;
    a.source_type = SourceType::kVague;
    return a;
  }
  a.source_span = {tokens[c.source.first].begin, tokens[c.source.last].end};
  a.source = std::string(text.substr(a.source_span.begin, a.source_span.end - a.source_span.begin));
  a.source_type = classifier_.Classify(a.source);
  if (!c.rule->fixed_type.empty()) {
    a.source_type = ParseSourceType(c.rule->fixed_type);
  } else if (a.source_type != SourceType::kOrganization && a.source_type != SourceType::kOutlet &&
             rules_.Words("document_cues").Search(a.cue)) {
    // "Auditors said in a report": the findings are the report's, unless a named body or outlet
    // issued it.
    a.source_type = SourceType::kDocument;
  }
  if (a.source_type == SourceType::kOutlet) {
    if (const Outlet* o = classifier_.OutletIn(a.source)) {
      a.resolved = o->name;
    } else {
      // "The newspaper Kivi on its website": the outlet is the name after the outlet
      // noun.
      TokenRange name;
      for (size_t i = c.source.first + 1; i <= c.source.last; ++i) {
        if (!tokens[i].capitalized) {
          if (!name.empty()) break;
          continue;
        }
        if (name.empty()) name.first = i;
        name.last = i;
      }
      if (!name.empty()) {
        a.resolved = std::string(text.substr(tokens[name.first].begin,
                                             tokens[name.last].end - tokens[name.first].begin));
      }
    }
  }
  return a;
}

void AttributionFinder::AddVia(std::string_view text, const std::vector<Token>& tokens,
                               bool common_script, Attribution* main) const {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[4];
  for (const CueRule& rule : rules_.via_rules()) {
    const int source = rule.source_group;
    if (source <= 0 || source >= 4) continue;
    size_t pos = 0;
    while (pos < text.size() &&
           rule.re->For(common_script)
               .Match(input, pos, text.size(), RE2::UNANCHORED, groups, source + 1)) {
      pos = static_cast<size_t>(groups[0].data() - text.data()) +
            std::max<size_t>(groups[0].size(), 1);
      const re2::StringPiece s = groups[source];
      const size_t at = TokenAt(tokens, static_cast<size_t>(s.data() - text.data()));
      if (at < tokens.size() && tokens[at].in_quote) continue;
      const Outlet* outlet = rules_.FindOutlet(std::string_view(s.data(), s.size()));
      if (!outlet || outlet->name == main->resolved || SameOutlet(main->via, outlet->name))
        continue;
      main->via.push_back(outlet->name);
    }
  }
}

void AttributionFinder::Find(std::string_view text, const std::vector<Token>& tokens,
                             Scratch* scratch, SentenceAttributions* out) const {
  out->main = Attribution();
  out->also.clear();
  out->loaded_cues.clear();
  const bool common_script = InCommonScript(text);
  CollectCandidates(text, tokens, common_script, scratch);
  const auto& candidates = scratch->candidates;
  const PhraseSet& loaded = rules_.Words("loaded_cues");
  for (const auto& c : candidates) {
    const size_t first_word_end = tokens[c.cue_first].end;
    if (loaded.Contains(text.substr(c.cue.begin, first_word_end - c.cue.begin)))
      out->loaded_cues.push_back(c.cue);
  }
  const CueCandidate* main = nullptr;
  for (const auto& c : candidates) {
    if (c.rule->inner || c.subordinate || c.vague || c.rule->fallback || c.fallback_only) continue;
    main = &c;
    break;
  }
  for (auto it = candidates.begin(); !main && it != candidates.end(); ++it) {
    if ((it->rule->fallback || it->fallback_only) && !it->subordinate) main = &*it;
  }
  // "A and B are insisting ..., a source said.": a closing attribution governs everything before
  // it.
  auto np_text = [&](const CueCandidate& c) {
    return c.source.empty() ? std::string_view()
                            : text.substr(tokens[c.source.first].begin,
                                          tokens[c.source.last].end - tokens[c.source.first].begin);
  };
  if (main) {
    for (auto it = candidates.rbegin(); it != candidates.rend() && &*it != main; ++it) {
      // An outlet closing the sentence (", Interfax reported") relays the source before it: it
      // becomes via.
      const bool outlet = classifier_.OutletIn(np_text(*it)) != nullptr;
      if (!it->rule->inner && !it->subordinate && !it->vague && !outlet &&
          ClosesSentence(tokens, *it)) {
        main = &*it;
        break;
      }
    }
  }
  // "It is widely believed that ...": a vague cue that spans the main cue (the impersonal rule
  // around "believed") says no one in particular is the source, not an expletive "It".
  if (main) {
    for (const auto& c : candidates) {
      if (c.vague && c.cue.begin <= main->cue.begin && c.cue.end >= main->cue.end) {
        main = &c;
        break;
      }
    }
  }
  if (!main) {
    for (const auto& c : candidates) {
      if (c.vague) {
        main = &c;
        break;
      }
    }
  }
  if (!main) {
    for (const auto& c : candidates) out->also.push_back(ToAttribution(text, tokens, c));
    return;
  }
  Attribution a = ToAttribution(text, tokens, *main);
  for (const auto& c : candidates) {
    if (&c == main) continue;
    if (c.vague) continue;
    Attribution other = ToAttribution(text, tokens, c);
    if (c.rule->inner && c.cue.begin > main->cue.begin && a.source_type == SourceType::kOutlet) {
      // "Bloomberg reported, citing people familiar with the matter": the outlet relays the inner
      // source.
      a.via.insert(a.via.begin(), a.resolved);
      a.source = other.source;
      a.source_span = other.source_span;
      a.source_type = other.source_type;
      a.resolved.clear();
      a.cue = a.cue;  // the outlet's cue stays the sentence's cue
      continue;
    }
    if (other.source_type == SourceType::kOutlet && !c.subordinate) {
      if (!SameOutlet(a.via, other.resolved) && other.resolved != a.resolved) {
        a.via.insert(a.via.begin(), other.resolved);
      }
      continue;
    }
    out->also.push_back(std::move(other));
  }
  // "The newspaper X cited an unidentified witness as saying ...": the outlet relays the one it
  // cites.
  const std::string_view main_cue = text.substr(
      tokens[main->cue_first].begin, tokens[main->cue_first].end - tokens[main->cue_first].begin);
  if (a.source_type == SourceType::kOutlet && !a.resolved.empty() &&
      (main_cue == "cited" || main_cue == "cites" || main_cue == "quoted" ||
       main_cue == "quotes")) {
    NounPhrases np(rules_, source_words_, text, tokens);
    const TokenRange cited = np.PhraseStartingAt(main->cue_last + 1, 8);
    if (np.PlausibleSource(cited)) {
      a.via.insert(a.via.begin(), a.resolved);
      a.source = std::string(np.Text(cited));
      a.source_span = {tokens[cited.first].begin, tokens[cited.last].end};
      a.source_type = classifier_.Classify(a.source);
      a.resolved.clear();
    }
  }
  AddVia(text, tokens, common_script, &a);
  out->main = std::move(a);
}

}  // namespace audit
