// The common script and patterns narrowed to it: on every character of the common script a narrowed
// class matches exactly what RE2's own class matches, with and without (?i); texts with other
// characters are told apart, and matched with the full patterns; the news pack's patterns all
// narrow.
#include "rules/common_script.h"

#include <re2/re2.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "pipeline/auditor.h"
#include "rules/first_match.h"
#include "rules/lazy_regex.h"
#include "rules/pattern_compiler.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace audit {
namespace {

std::string Utf8(char32_t c) {
  std::string s;
  AppendUtf8(c, &s);
  return s;
}

// Every code point of the blocks the common script draws on, excluded ones too.
std::vector<char32_t> CommonBlocks() {
  std::vector<char32_t> out;
  for (char32_t c = 0; c <= 0x36F; ++c) out.push_back(c);
  for (char32_t c = 0x2000; c <= 0x20BF; ++c) out.push_back(c);
  return out;
}

TEST_CASE("A narrowed class matches what RE2's class matches on every common character",
          "[rules][common_script]") {
  const char* kCategories[] = {"L",  "Lu", "Ll", "Lt", "Lm", "Lo", "M",  "Mn", "Mc", "Me", "N",
                               "Nd", "Nl", "No", "P",  "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
                               "S",  "Sm", "Sc", "Sk", "So", "Z",  "Zs", "Zl", "Zp"};
  const std::vector<char32_t> chars = CommonBlocks();
  size_t compared = 0;
  for (const char* category : kCategories) {
    const std::string name(category);
    // Alone, negated three ways, in brackets with other members, and in a negated bracket.
    const std::vector<std::string> forms = {
        "\\p{" + name + "}",     "\\P{" + name + "}",     "\\p{^" + name + "}",
        "[x\\p{" + name + "}.]", "[^\\p{" + name + "}x]", name.size() == 1 ? "\\p" + name : "\\pL"};
    for (const bool fold : {false, true}) {
      for (const std::string& form : forms) {
        const std::string pattern = std::string(fold ? "(?i)" : "") + "^" + form + "$";
        const std::optional<std::string> narrow = NarrowToCommonScript(pattern);
        const RE2 full_re(pattern, RuleRe2Options());
        if (!narrow) {
          // Only a category with no character in the common script (enclosing marks) is left
          // whole; the other forms of it would have to be, too.
          const RE2 positive("^\\p{" + name + "}$", RuleRe2Options());
          for (const char32_t c : chars) CHECK_FALSE(RE2::FullMatch(Utf8(c), positive));
          continue;
        }
        const RE2 narrow_re(*narrow, RuleRe2Options());
        REQUIRE(full_re.ok());
        REQUIRE(narrow_re.ok());
        for (const char32_t c : chars) {
          if (!IsCommonScript(c)) continue;
          const std::string text = Utf8(c);
          INFO(pattern << " on U+" << std::hex << static_cast<uint32_t>(c));
          const bool full_matches = RE2::FullMatch(text, full_re);
          if (full_matches != RE2::FullMatch(text, narrow_re)) {
            CHECK(full_matches == !full_matches);  // reported with the character above
          }
          ++compared;
        }
      }
    }
  }
  CHECK(compared > 300000);
}

TEST_CASE("Characters folded to a partner outside the common script are not in it",
          "[rules][common_script]") {
  // A character of the blocks that (?i)\p{Lu} or (?i)\p{Ll} matches only through a partner in
  // another block must be excluded; every other letter of the blocks must stay in.
  const RE2 upper("(?i)^\\p{Lu}$", RuleRe2Options());
  const RE2 lower("(?i)^\\p{Ll}$", RuleRe2Options());
  const std::string upper_narrow = *NarrowToCommonScript("(?i)^\\p{Lu}$");
  const std::string lower_narrow = *NarrowToCommonScript("(?i)^\\p{Ll}$");
  const RE2 upper_in(upper_narrow, RuleRe2Options());
  const RE2 lower_in(lower_narrow, RuleRe2Options());
  size_t excluded = 0;
  for (const char32_t c : CommonBlocks()) {
    const std::string text = Utf8(c);
    const bool disagrees = RE2::FullMatch(text, upper) != RE2::FullMatch(text, upper_in) ||
                           RE2::FullMatch(text, lower) != RE2::FullMatch(text, lower_in);
    INFO("U+" << std::hex << static_cast<uint32_t>(c));
    if (disagrees) CHECK_FALSE(IsCommonScript(c));
    if (!IsCommonScript(c)) {
      ++excluded;
      CHECK(disagrees);  // excluded for no reason: texts with it would take the slow path
    }
  }
  CHECK(excluded > 0);
  CHECK_FALSE(IsCommonScript(0xDF));  // ß: (?i)\p{Lu} matches it through U+1E9E
  CHECK(IsCommonScript(0x141));       // Ł
}

TEST_CASE("Texts are told in or out of the common script", "[rules][common_script]") {
  CHECK(InCommonScript(""));
  CHECK(InCommonScript("The minister said on Tuesday that 5,000 people had left."));
  CHECK(
      InCommonScript("\xE2\x80\x9CWe will not go back,\xE2\x80\x9D Erdo\xC4\x9F"
                     "an said \xE2\x80\x94 "
                     "costing \xE2\x82\xAC"
                     "5m."));  // curly quotes, ğ, em dash, euro sign
  CHECK(InCommonScript("Dvo\xC5\x99\xC3\xA1k and \xC5\x81ukasz, na\xC3\xAFve caf\xC3\xA9"));
  CHECK_FALSE(
      InCommonScript("Stra\xC3\x9F"
                     "e"));                                                         // ß
  CHECK_FALSE(InCommonScript("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"));  // Москва
  CHECK_FALSE(InCommonScript("Great news \xF0\x9F\x8E\x89"));                       // an emoji
  CHECK_FALSE(InCommonScript("caf\xC3"));  // cut in the middle of é
  CHECK_FALSE(InCommonScript("bad \xFF byte"));
  CHECK_FALSE(InCommonScript("\xE2\x84\xA2"));  // ™, in Letterlike Symbols
  // The ASCII fast paths (32 and 8 bytes at a time) check every byte: a non-ASCII character at
  // each position.
  for (size_t at = 0; at < 70; ++at) {
    std::string text(70, 'a');
    text.replace(at, 1, "\xD0\x96");  // Ж
    INFO(at);
    CHECK_FALSE(InCommonScript(text));
  }
}

TEST_CASE("Only general categories outside ranges and quoting are narrowed",
          "[rules][common_script]") {
  CHECK_FALSE(NarrowToCommonScript("said|told").has_value());  // nothing to narrow
  CHECK_FALSE(NarrowToCommonScript("\\p{Greek}+").has_value());
  CHECK_FALSE(NarrowToCommonScript("\\p{Xx}").has_value());
  CHECK_FALSE(NarrowToCommonScript("[x\\P{L}]").has_value());
  CHECK_FALSE(NarrowToCommonScript("[\\p{L}-z]").has_value());
  CHECK_FALSE(NarrowToCommonScript("[a-\\p{L}]").has_value());
  CHECK_FALSE(NarrowToCommonScript("\\Q\\p{L}\\E").has_value());
  CHECK_FALSE(NarrowToCommonScript("[\\p{L}").has_value());
  // An escaped backslash before p leaves a literal p; a trailing dash is a literal dash.
  CHECK(NarrowToCommonScript("\\\\p{L}") == std::nullopt);
  const std::optional<std::string> word = NarrowToCommonScript("\\p{Lu}[\\p{L}.'-]*");
  REQUIRE(word.has_value());
  CHECK(word->rfind("[\\x{41}-\\x{5A}", 0) == 0);
  CHECK(word->find(".'-]*") != std::string::npos);
  CHECK(word->find("\\p") == std::string::npos);
  // Groups survive, so a narrowed pattern's group numbers are the full one's.
  const RE2 full("(?P<cue>\\p{Lu}\\w+) (said)", RuleRe2Options());
  const RE2 narrow(*NarrowToCommonScript(full.pattern()), RuleRe2Options());
  CHECK(narrow.NamedCapturingGroups() == full.NamedCapturingGroups());
  CHECK(narrow.NumberOfCapturingGroups() == full.NumberOfCapturingGroups());
}

TEST_CASE("Every pattern of the news pack with a property class narrows",
          "[rules][common_script]") {
  const RuleSet& rules = testing::NewsRules();
  size_t narrowed = 0;
  auto check = [&](const std::string& pattern) {
    if (pattern.find("\\p") == std::string::npos && pattern.find("\\P") == std::string::npos)
      return;
    INFO(pattern);
    CHECK(NarrowToCommonScript(pattern).has_value());
    ++narrowed;
  };
  for (const CueRule& rule : rules.cue_rules()) check(rule.re->pattern());
  for (const CueRule& rule : rules.via_rules()) check(rule.re->pattern());
  for (const RoleRule& rule : rules.role_rules()) check(rule.re->pattern());
  for (const ClaimSignal& signal : rules.claim_signals()) check(signal.re->pattern());
  CHECK(narrowed >= 15);
}

}  // namespace
}  // namespace audit

namespace audit {
namespace {

TEST_CASE("A pattern compiles its full form only for a text outside the common script",
          "[rules][common_script]") {
  const LazyRegex word("^\\p{Lu}\\p{L}+$", RuleRe2Options());
  CHECK_FALSE(word.compiled());
  CHECK(
      RE2::FullMatch("Erdo\xC4\x9F"
                     "an",
                     word.For(InCommonScript("Erdo\xC4\x9F"
                                             "an"))));
  CHECK(word.compiled());
  CHECK_FALSE(word.full_compiled());
  const std::string greek = "\xCE\xA9mega";  // Ωmega: the narrowed form has no Ω
  REQUIRE_FALSE(InCommonScript(greek));
  CHECK_FALSE(RE2::FullMatch(greek, word.For(true)));
  CHECK(RE2::FullMatch(greek, word.For(false)));
  CHECK(word.full_compiled());
  // Nothing to narrow: both forms are the one RE2.
  const LazyRegex plain("said|told", RuleRe2Options());
  CHECK(&plain.For(true) == &plain.For(false));
  CHECK(plain.pattern_for(true) == plain.pattern());
}

TEST_CASE("FirstMatch matches a text outside the common script with the full patterns",
          "[rules][common_script]") {
  const LazyRegex heading("^\\p{L}+:$", RuleRe2Options());
  const LazyRegex other("^Photo:", RuleRe2Options());
  for (const size_t calls_before_sets : {size_t{0}, size_t{1000}}) {
    const FirstMatch first({&other, &heading}, calls_before_sets);
    INFO(calls_before_sets);
    CHECK(first.First("Summary:") == 1);
    CHECK(first.First("\xD0\x98\xD1\x82\xD0\xBE\xD0\xB3\xD0\xB8:") == 1);  // Итоги:
    CHECK(first.First("\xD0\x98\xD1\x82\xD0\xBE\xD0\xB3\xD0\xB8") == -1);
  }
}

TEST_CASE("A sentence outside the common script gets the full patterns' attribution and signals",
          "[rules][common_script]") {
  // "Ωmega" is a letter to \p{L} and \p{Lu} but not to their narrowed forms: the closing-verb cue
  // and the named-entity signal find it only in their full forms.
  const std::string sentence = "Prices will rise again next year, \xCE\xA9mega continued.";
  const RuleSet& rules = testing::NewsRules();
  std::vector<int> narrow_fired, full_fired;
  REQUIRE(rules.claim_signal_set(true) != nullptr);
  REQUIRE(rules.claim_signal_set(false) != nullptr);
  rules.claim_signal_set(true)->Match(sentence, &narrow_fired);
  rules.claim_signal_set(false)->Match(sentence, &full_fired);
  CHECK(full_fired.size() > narrow_fired.size());
  FileReport report = testing::AuditString(sentence + "\n");
  REQUIRE(report.analysis.sentences.size() == 1);
  const SentenceVerdict& v = report.analysis.sentences[0];
  CHECK(v.attribution.status == AttributionStatus::kDirect);
  CHECK(v.attribution.source == "\xCE\xA9mega");
  CHECK(v.attribution.cue == "continued");
  CHECK(std::find(v.signals.begin(), v.signals.end(), "named-entity") != v.signals.end());
}

}  // namespace
}  // namespace audit

namespace audit {
namespace {

TEST_CASE("Narrowed patterns find the same matches as the full ones on common-script texts",
          "[rules][common_script]") {
  // Random patterns built from Unicode classes, brackets, flags, groups and repetitions, matched
  // against random texts of common-script characters: the first match's span and groups agree.
  const std::vector<std::string> pieces = {
      "\\p{L}",      "\\p{Lu}",   "\\p{Ll}",      "\\P{L}",  "\\pL", "\\p{^Lu}", "[\\p{L}.'-]",
      "[^\\p{Lu}x]", "[\\p{N}a]", "\\p{P}",       "\\p{Zs}", "a",    "\xC3\xA9", ".",
      "\\s",         "\\b",       "(?i:\\p{Lu})", "(?i:k)",  "\\w",  "[’“-]",    "\\d"};
  const std::vector<std::string> quantifiers = {"", "", "*", "+", "?", "{1,3}", "{2}"};
  const std::vector<std::string> alphabet = {"a",
                                             "b",
                                             "K",
                                             "k",
                                             "Z",
                                             " ",
                                             ".",
                                             "'",
                                             "-",
                                             "1",
                                             "x",
                                             "\xC3\xA9",
                                             "\xC3\x89",
                                             "\xC5\x81",
                                             "\xC5\x82",
                                             "\xC4\x9F",
                                             "\xE2\x80\x99",
                                             "\xE2\x80\x9C",
                                             "\xE2\x80\x94",
                                             "\xE2\x82\xAC",
                                             "\xC2\xA0",
                                             "\xCA\xBC",
                                             "\xC7\x85",
                                             "\xC3\xBF",
                                             "\xC5\xB8"};
  uint32_t state = 12345;
  auto next = [&state](size_t n) {
    state = state * 1103515245u + 12345u;
    return static_cast<size_t>((state >> 8) % n);
  };
  size_t compared = 0;
  for (int round = 0; round < 400; ++round) {
    std::string pattern = next(4) == 0 ? "(?i)" : "";
    const size_t length = 1 + next(5);
    for (size_t k = 0; k < length; ++k) {
      std::string piece = pieces[next(pieces.size())];
      if (next(5) == 0) piece = "(" + piece + "|" + pieces[next(pieces.size())] + ")";
      pattern += piece + (piece == "\\b" ? "" : quantifiers[next(quantifiers.size())]);
    }
    INFO(pattern);
    const std::optional<std::string> narrow = NarrowToCommonScript(pattern);
    // Every class the pieces use narrows; a pattern without one has nothing to narrow.
    const bool has_class =
        pattern.find("\\p") != std::string::npos || pattern.find("\\P") != std::string::npos;
    REQUIRE(narrow.has_value() == has_class);
    if (!narrow) continue;
    const RE2 full_re(pattern, RuleRe2Options());
    const RE2 narrow_re(*narrow, RuleRe2Options());
    REQUIRE(full_re.ok());
    REQUIRE(narrow_re.ok());
    REQUIRE(narrow_re.NumberOfCapturingGroups() == full_re.NumberOfCapturingGroups());
    const int groups = full_re.NumberOfCapturingGroups() + 1;
    for (int t = 0; t < 25; ++t) {
      std::string text;
      const size_t text_length = next(12);
      for (size_t k = 0; k < text_length; ++k) text += alphabet[next(alphabet.size())];
      REQUIRE(InCommonScript(text));
      std::vector<re2::StringPiece> full_groups(groups), narrow_groups(groups);
      const re2::StringPiece input(text);
      const bool full_matches =
          full_re.Match(input, 0, text.size(), RE2::UNANCHORED, full_groups.data(), groups);
      const bool narrow_matches =
          narrow_re.Match(input, 0, text.size(), RE2::UNANCHORED, narrow_groups.data(), groups);
      INFO(text);
      REQUIRE(full_matches == narrow_matches);
      for (int g = 0; full_matches && g < groups; ++g) {
        CHECK(full_groups[g].data() == narrow_groups[g].data());
        CHECK(full_groups[g].size() == narrow_groups[g].size());
      }
      ++compared;
    }
  }
  CHECK(compared > 8000);
}

}  // namespace
}  // namespace audit
