// The verdicts the analysis reaches for one document: per sentence its role, claim score and
// attribution; the sourcing chains; and the findings. Plain values: produced by Analyzer, read by
// the report writers, safe to move between threads. Spans are byte offsets into the analysed file.
#ifndef AUDIT_ANALYSIS_ANALYSIS_H_
#define AUDIT_ANALYSIS_ANALYSIS_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/dense_array_allocator.h"
#include "base/string_list_pool.h"
#include "base/string_pool.h"
#include "rules/severity.h"

namespace audit {

// One byte each: they sit in every verdict of a long document.
enum class AttributionStatus : uint8_t { kNone, kDirect, kInherited };
enum class SourceType : uint8_t {
  kUnknown,
  kPerson,
  kOrganization,
  kDocument,
  kOutlet,
  kAnonymous,
  kVague
};

std::string_view StatusName(AttributionStatus status);
std::string_view SourceTypeName(SourceType type);
// The type SourceTypeName names ("person", ...); kUnknown for any other text.
SourceType ParseSourceType(std::string_view name);

// A span of the sentence's text: [begin, end) byte offsets relative to the sentence start. 32 bits
// suffice (a sentence is at most Segmenter::kMaxSentenceBytes long) and keep the verdicts small.
struct TextSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin >= end; }
};

// Field order puts what the discourse passes test for every sentence (status, type, flags) first,
// where they share the verdict's first cache line with its own flags (see SentenceVerdict).
struct Attribution {
  static constexpr uint32_t kNoLink = UINT32_MAX;

  AttributionStatus status = AttributionStatus::kNone;
  SourceType source_type = SourceType::kUnknown;
  bool dangling = false;  // a description that points back at nothing ("the report" with no report)
  bool holds_paragraph = false;  // also attributes the rest of its paragraph ("SMITH: Well, ...")
  bool introduces_paragraph = false;  // inherited from "X wrote:" before the paragraph
  int refers_to = -1;  // the sentence that introduced the source, for pronouns and descriptions
  // The URL the cue or source links to (a cited attribution): its entry in Analysis::links, read
  // through Analysis::LinkOf; few attributions have one. An index, so that a sentence inheriting
  // the attribution copies it with the rest.
  uint32_t link = kNoLink;
  TextSpan cue_span;
  TextSpan source_span;
  std::string source;    // as written: "Ruiz", "he", "The report"
  std::string resolved;  // the name a pronoun, surname or description refers to: "Dana Ruiz"
  std::vector<std::string> via;  // outlets between the publisher and the source, outermost first
  std::string cue;               // as written: "told", "according to", "said in a statement"
  // Id of the cue rule that matched: a view of the rule set's CueRule::id (the rule set outlives
  // what it analyses), or, in an attribution read back from JSON, of Analysis::strings.
  std::string_view rule;
};

// What few sentences have, kept beside the verdicts rather than in each (Analysis::extras): a
// verdict with these two vectors inline was 48 bytes larger for every sentence.
struct SentenceExtras {
  std::vector<Attribution> also;  // attributions in subordinate clauses; they do not govern it
  std::vector<TextSpan> loaded_cues;
};

// Four cache lines (256 bytes with libstdc++; each line more is 64 bytes a sentence of a long
// document's memory, which it must first touch, so the static_assert below holds it there). The
// first 64 bytes hold what the whole-document passes (discourse, chains, findings) test for every
// sentence: block, flags, and the attribution's status, type and flags (Attribution puts them
// first). Aligned to a cache line, a pass over a long document reads one line per sentence rather
// than two; the rest of the verdict is read only where a pass acts. Offsets are 32 bits: an article
// is at most 64 MB (kMaxArticleBytes).
struct alignas(64) SentenceVerdict {
  static constexpr uint32_t kNoExtras = UINT32_MAX;

  uint32_t block = 0;
  int chain = -1;
  uint32_t block_begin = 0;  // where the sentence starts in its block's text
  uint32_t begin = 0;        // byte offsets of the sentence in the file
  uint32_t end = 0;
  // Its entry in Analysis::extras, or kNoExtras: read it through Analysis::AlsoOf / LoadedCuesOf.
  uint32_t extras = kNoExtras;
  bool claim = false;
  bool secondhand = false;
  bool has_quote = false;        // quotes more than a phrase
  bool starts_in_quote = false;  // continues a quotation opened before
  bool ends_in_quote = false;    // leaves a quotation open
  Attribution attribution;
  // "body", "headline", "date", "dateline", "caption", "credit", ...: a view of the block role
  // names, of a role rule's name in the rule set, or, in a verdict read back from JSON, of
  // Analysis::strings.
  std::string_view role;
  double claim_score = 0;
  // The sentence as analysed: a view of Analysis::texts, of the audited file's bytes (a block
  // that borrowed them: input/block_text.h), or, in a verdict built by hand (tests), of text that
  // outlives it.
  std::string_view text;
  // Ids of the claim signals that fired: a view of Analysis::lists (or, in a verdict built by hand,
  // of a list that outlives it).
  std::span<const std::string> signals;
};
static_assert(sizeof(SentenceVerdict) <= 256, "a verdict grew past four cache lines");

// A document's verdicts, one per sentence in order. Written whole as the sentences are analysed,
// and large for a long document (256 bytes a sentence), so kept in huge pages where the kernel
// allows (DenseArrayAllocator).
using SentenceVerdicts = std::vector<SentenceVerdict, DenseArrayAllocator<SentenceVerdict>>;

struct Chain {
  int id = 0;
  std::vector<std::string> hops;  // publisher, intermediaries..., source
  bool secondhand = false;
  std::vector<size_t> sentences;  // claim sentences resting on it
  double share = 0;               // of the article's claims
};

struct Finding {
  // The rule's id: a view of the analysis's rule id constants (analysis/findings.h) or, in a
  // finding read back from JSON, of Analysis::strings. Every finding of a long document would
  // otherwise hold a copy (most ids are longer than a string keeps inline).
  std::string_view rule;
  Severity severity = Severity::kWarning;
  size_t sentence = 0;
  TextSpan span;     // in the sentence's text
  size_t begin = 0;  // byte offsets in the file
  size_t end = 0;
  // A view of Analysis::strings (or, in a finding built by hand, of text that outlives it).
  std::string_view message;
};

// A document's findings: about one per sentence in a long document, so kept like its verdicts.
using Findings = std::vector<Finding, DenseArrayAllocator<Finding>>;

// Move-only: its sentences' text views point into its own `texts`, which a move keeps in place (a
// vector's move hands over its elements) and a copy would not.
struct Analysis {
  Analysis() = default;
  Analysis(Analysis&&) = default;
  Analysis& operator=(Analysis&&) = default;
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  // What the sentences' text views point into: the document's block texts of their own (never
  // added to once a view is taken, so none moves); the texts a block borrowed stay in the audited
  // file, which must outlive the analysis (FileReport holds both). A sentence's text is not a copy
  // of its own: a long document's sentences would be as many bytes again, in a small allocation
  // each.
  std::vector<std::string> texts;
  // What the findings' message views point into: each distinct message once.
  StringPool strings;
  // What the sentences' signal lists point into: each distinct list once.
  StringListPool lists;
  // What few sentences have (SentenceVerdict::extras indexes it).
  std::vector<SentenceExtras> extras;
  // The URLs attributions link to (Attribution::link indexes it).
  std::vector<std::string> links;
  std::string publisher;
  std::string wire;
  SentenceVerdicts sentences;
  std::vector<Chain> chains;
  Findings findings;
  size_t claims = 0;
  size_t attributed_claims = 0;

  // A sentence's attributions in subordinate clauses and its loaded cues (empty for most).
  std::span<const Attribution> AlsoOf(const SentenceVerdict& v) const;
  std::span<const TextSpan> LoadedCuesOf(const SentenceVerdict& v) const;
  // Records them for `v` (nothing when both are empty).
  void SetExtras(SentenceVerdict* v, std::vector<Attribution> also,
                 std::vector<TextSpan> loaded_cues);
  // The URL an attribution of this analysis links to, or "".
  std::string_view LinkOf(const Attribution& a) const;
  // Records that `a` links to `url` (nothing when it is empty).
  void SetLink(Attribution* a, std::string url);
};

}  // namespace audit

#endif  // AUDIT_ANALYSIS_ANALYSIS_H_
