#include "analysis/source_classifier.h"

#include "base/ascii.h"
#include "base/utf8.h"

namespace audit {

namespace {

std::string_view LastWord(std::string_view phrase) {
  size_t space = phrase.rfind(' ');
  return space == std::string_view::npos ? phrase : phrase.substr(space + 1);
}

bool AllCapsWord(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

}  // namespace

bool SourceClassifier::IsPronoun(std::string_view w) {
  return w == "he" || w == "He" || w == "she" || w == "She" || w == "they" || w == "They" ||
         w == "it" || w == "It" || w == "we" || w == "We" || w == "I";
}

std::string_view SourceClassifier::Head(std::string_view phrase) {
  static constexpr std::string_view kCuts[] = {" of ",   " for ", " from ",     " at ",
                                               " with ", ",",     " who ",      " in ",
                                               " on ",   " by ",  " released ", " published "};
  size_t cut = phrase.size();
  for (std::string_view c : kCuts) {
    size_t at = phrase.find(c);
    if (at != std::string_view::npos && at > 0 && at < cut) cut = at;
  }
  return phrase.substr(0, cut);
}

const Outlet* SourceClassifier::OutletIn(std::string_view source) const {
  if (const Outlet* o = rules_.FindOutlet(source)) return o;
  std::string_view head = Head(source);
  if (const Outlet* o = rules_.FindOutlet(head)) return o;
  // "Interfax news agency", "the AP's": an outlet name followed by an outlet noun, or in the
  // possessive.
  size_t space = head.rfind(' ');
  while (space != std::string_view::npos) {
    std::string_view prefix = head.substr(0, space);
    std::string_view rest = head.substr(space + 1);
    if (rules_.Words("outlet_nouns").Contains(rest) || rules_.Words("outlet_nouns").Prefix(rest)) {
      if (const Outlet* o = rules_.FindOutlet(prefix)) return o;
    }
    space = prefix.rfind(' ');
    if (space == std::string_view::npos) {
      if (const Outlet* o = rules_.FindOutlet(prefix)) {
        if (rules_.Words("outlet_nouns").Search(head.substr(prefix.size()))) return o;
      }
    }
  }
  if (const Outlet* o = rules_.FindOutlet(StripPossessive(head))) return o;
  return nullptr;
}

bool SourceClassifier::NamesUnknownOutlet(std::string_view source) const {
  // "the Valley Herald": a capitalised name after "the" that ends in a masthead word.
  std::string_view head = Head(source);
  if (head.substr(0, 4) == "the " || head.substr(0, 4) == "The ") {
    const std::string_view name = head.substr(4);
    const size_t space = name.rfind(' ');
    char32_t cp;
    if (space != std::string_view::npos && DecodeUtf8(name, 0, &cp) && IsUpperLetter(cp) &&
        rules_.Words("masthead_words").Contains(name.substr(space + 1))) {
      return true;
    }
  }
  // "The newspaper Kivi", "state broadcaster CCTV", "the news agency Nova": an outlet
  // noun, then a name.
  for (std::string_view d : {"the ", "The ", "state ", "State "}) {
    if (head.substr(0, d.size()) == d) head.remove_prefix(d.size());
  }
  const size_t space = head.find(' ');
  if (space == std::string_view::npos) return false;
  char32_t cp;
  const std::string_view rest = head.substr(space + 1);
  return rules_.Words("outlet_nouns").Contains(head.substr(0, space)) && DecodeUtf8(rest, 0, &cp) &&
         IsUpperLetter(cp);
}

bool SourceClassifier::EndsInPersonalName(std::string_view phrase) const {
  // Two or more capitalised words at the end, none of them a title or a common noun.
  size_t words = 0;
  size_t end = phrase.size();
  while (end > 0) {
    size_t start = phrase.rfind(' ', end - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::string_view w = phrase.substr(start, end - start);
    char32_t cp;
    if (!DecodeUtf8(w, 0, &cp) || !IsUpperLetter(cp) || rules_.Words("titles").Contains(w) ||
        rules_.Words("organization_nouns").Contains(w) ||
        rules_.Words("person_nouns").Contains(w) || rules_.Words("document_nouns").Contains(w) ||
        rules_.FindOutlet(w)) {
      break;
    }
    ++words;
    if (start == 0) break;
    end = start - 1;
  }
  return words >= 2;
}

bool SourceClassifier::HasProperName(std::string_view phrase) const {
  size_t start = 0;
  bool first = true;
  while (start < phrase.size()) {
    size_t end = phrase.find(' ', start);
    if (end == std::string_view::npos) end = phrase.size();
    std::string_view w = phrase.substr(start, end - start);
    char32_t cp;
    // A capital on a common noun ("Experts say", "Sources said") starts a sentence; it does not
    // make a name.
    const bool common =
        rules_.Words("titles").Contains(w) || rules_.Words("person_nouns").Contains(w) ||
        rules_.Words("vague_sources").Contains(w) || rules_.Words("not_sources").Contains(w) ||
        rules_.Words("document_nouns").Contains(w) ||
        rules_.Words("organization_nouns").Contains(w);
    if (DecodeUtf8(w, 0, &cp) && IsUpperLetter(cp) && !common &&
        !(first && (w == "The" || w == "A" || w == "An"))) {
      return true;
    }
    first = false;
    start = end + 1;
  }
  return false;
}

SourceType SourceClassifier::Classify(std::string_view source) const {
  if (source.empty()) return SourceType::kUnknown;
  if (IsPronoun(source)) return SourceType::kPerson;  // refined when the pronoun is resolved
  if (OutletIn(source) || NamesUnknownOutlet(source)) return SourceType::kOutlet;
  const std::string_view head = Head(source);
  const std::string_view head_word = StripPossessive(LastWord(head));
  if (rules_.Words("vague_sources").Prefix(source) && !HasProperName(head))
    return SourceType::kVague;
  // "Political observers", "Some economists": a vague noun heads the phrase.
  if (rules_.Words("vague_sources").Contains(head_word) && !EndsInPersonalName(head)) {
    return SourceType::kVague;
  }
  if (rules_.Words("anonymous_sources").Prefix(source) ||
      rules_.Words("anonymous_sources").Search(head)) {
    if (!HasProperName(head) || rules_.Words("person_nouns").Contains(head_word))
      return SourceType::kAnonymous;
  }
  if (rules_.Words("document_nouns").Contains(head_word)) return SourceType::kDocument;
  if (rules_.Words("organization_nouns").Contains(head_word)) return SourceType::kOrganization;
  if (rules_.Words("person_nouns").Contains(head_word)) {
    // "the minister", "the mayor": one identifiable office-holder. "a spokesman", "U.S. officials",
    // "A Russian Foreign Ministry source": a role without a name.
    const bool definite = head.substr(0, 4) == "the " || head.substr(0, 4) == "The ";
    const bool singular = !head_word.empty() && head_word.back() != 's';
    if (definite && singular && head_word != "source") return SourceType::kPerson;
    return SourceType::kAnonymous;
  }
  if (AllCapsWord(head_word) && head.find(' ') == std::string_view::npos)
    return SourceType::kOrganization;
  // "Board chair Tom Alvarez": a phrase ending in a personal name names the person, whatever
  // precedes it.
  if (EndsInPersonalName(head)) return SourceType::kPerson;
  if (rules_.Words("organization_nouns").Search(head)) return SourceType::kOrganization;
  if (HasProperName(head)) return SourceType::kPerson;
  if (rules_.Words("vague_sources").Search(head)) return SourceType::kVague;
  return SourceType::kPerson;
}

}  // namespace audit
