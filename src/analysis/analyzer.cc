#include "analysis/analyzer.h"

#include <algorithm>

#include "analysis/chains.h"
#include "analysis/findings.h"

namespace audit {

namespace {

// Quoted words beyond this many make a sentence quote someone, rather than put a phrase in scare
// quotes.
constexpr size_t kQuotedWordsForQuote = 5;

bool EndsWithQuestion(std::string_view text, const std::vector<Token>& tokens) {
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
    if (it->kind == TokenKind::kCloseQuote) continue;
    return it->kind == TokenKind::kPunct && it->In(text) == "?" && !it->in_quote;
  }
  return false;
}

// Most words capitalised, as in "Council Members Blame Storm For Delays".
bool IsTitleCase(std::string_view text, const std::vector<Token>& tokens) {
  size_t words = 0, capitalized = 0;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord) continue;
    ++words;
    capitalized += t.capitalized;
  }
  (void)text;
  return words >= 3 && capitalized * 10 >= words * 7;
}

// Whether a block's links start and end in text order, as the readers add them (links do not
// nest), so that the sentences of the block can find theirs with a cursor.
bool LinksInOrder(const std::vector<Link>& links) {
  for (size_t i = 1; i < links.size(); ++i) {
    if (links[i].begin < links[i - 1].begin || links[i].end < links[i - 1].end) return false;
  }
  return true;
}

// "according to [a UN report](https://...)": a link on the cue or the source makes the attribution
// cited. With `cursor` (links in order, sentences of the block taken in order), the search starts
// at the first link that does not end before the sentence and stops at the first that starts after
// it, so a paragraph of n linked sentences costs n steps rather than n * n; without, every link of
// the block is looked at.
void AttachLink(const Block& block, const Sentence& s, size_t* cursor, Attribution* a,
                Analysis* analysis) {
  if (a->status != AttributionStatus::kDirect) return;
  const std::vector<Link>& links = block.links;
  size_t i = 0;
  if (cursor) {
    while (*cursor < links.size() && links[*cursor].end <= s.begin) ++*cursor;
    i = *cursor;
  }
  for (; i < links.size(); ++i) {
    const Link& link = links[i];
    if (cursor && link.begin >= s.end) return;  // so does every link after it
    if (link.end <= s.begin || link.begin >= s.end) continue;
    const size_t begin = link.begin - std::min<size_t>(link.begin, s.begin);
    const size_t end = link.end - s.begin;
    const bool on_source = begin < a->source_span.end && end > a->source_span.begin;
    const bool on_cue = begin < a->cue_span.end && end > a->cue_span.begin;
    if (on_source || on_cue) {
      analysis->SetLink(a, link.url);
      return;
    }
  }
}

}  // namespace

std::string_view Analyzer::SentenceRole(const Block& block, const SentenceVerdict& v,
                                        const std::vector<Token>& tokens) const {
  const std::string_view role = BlockRoleName(block.role);
  if (const RoleRule* rule = rules_.FirstSentenceRole(v.text)) return rule->role;
  if ((role == "body" || role == "quotation") && EndsWithQuestion(v.text, tokens))
    return "question";
  return role;
}

Analysis Analyzer::Analyze(Document doc, const AnalyzerOptions& options) const {
  Analysis analysis;
  analysis.publisher = options.publisher.empty() ? doc.meta.publisher : options.publisher;
  analysis.wire = doc.meta.wire;
  Sentences sentences = segmenter_.SplitDocument(doc);
  analysis.sentences.reserve(sentences.size());
  // The sentences' text views point into the block texts: those of their own move into the
  // analysis (reserved first: a move would carry a short string's bytes away from its views);
  // borrowed ones stay the file's.
  std::vector<std::string_view> block_texts;
  block_texts.reserve(doc.blocks.size());
  analysis.texts.reserve(static_cast<size_t>(
      std::count_if(doc.blocks.begin(), doc.blocks.end(),
                    [](const Block& block) { return !block.text.borrowed(); })));
  for (Block& block : doc.blocks) {
    std::string* owned = block.text.owned();
    block_texts.push_back(owned ? analysis.texts.emplace_back(std::move(*owned))
                                : block.text.view());
  }

  std::vector<Token> tokens;
  AttributionFinder::Scratch scratch;
  ClaimScorer::Scratch scoring;
  SentenceAttributions found;
  bool quote_open = false;
  bool previous_block_quote_open = false;
  size_t current_block = SIZE_MAX;
  size_t link_cursor = 0;
  bool links_in_order = true;
  for (const Sentence& s : sentences) {
    const Block& block = doc.blocks[s.block];
    if (s.block != current_block) {
      // Sentences come in block order.
      previous_block_quote_open = current_block != SIZE_MAX && quote_open;
      quote_open = false;
      current_block = s.block;
      link_cursor = 0;
      links_in_order = LinksInOrder(block.links);
    }
    // Built where it will stay: a verdict is over 400 bytes of strings and vectors to move.
    SentenceVerdict& v = analysis.sentences.emplace_back();
    v.block = s.block;
    v.block_begin = s.begin;
    v.text = block_texts[s.block].substr(s.begin, s.end - s.begin);
    v.begin = block.offsets.ToFile(s.begin);
    v.end = block.offsets.ToFileEnd(s.end);
    const bool starts_in_quote = quote_open;
    quote_open = Tokenize(v.text, starts_in_quote, &tokens);
    // A paragraph that reopens a quotation left open by the one before continues it.
    v.starts_in_quote =
        starts_in_quote || (s.begin == 0 && previous_block_quote_open && !tokens.empty() &&
                            tokens.front().kind == TokenKind::kOpenQuote);
    v.ends_in_quote = quote_open;
    size_t words = 0, quoted = 0;
    for (const Token& t : tokens) {
      if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) {
        ++words;
        quoted += t.in_quote;
      }
    }
    v.has_quote = quoted >= kQuotedWordsForQuote;
    v.role = SentenceRole(block, v, tokens);
    scorer_.Score(words, &scoring, &analysis.lists, &v);
    if (IsTitleCase(v.text, tokens)) {
      // "Officials Blame News Reports": in a title-case line, cue verbs are capitalised like every
      // word.
      std::string lowered(v.text);
      const PhraseSet& verbs = rules_.Words("reporting_verbs");
      for (size_t t = 1; t < tokens.size(); ++t) {
        if (tokens[t].capitalized && verbs.Contains(tokens[t].In(v.text))) {
          lowered[tokens[t].begin] = static_cast<char>(lowered[tokens[t].begin] - 'A' + 'a');
        }
      }
      finder_.Find(lowered, tokens, &scratch, &found);
      for (auto* a : {&found.main}) {
        if (!a->source.empty())
          a->source =
              v.text.substr(a->source_span.begin, a->source_span.end - a->source_span.begin);
        if (!a->cue.empty() && !a->cue_span.empty())
          a->cue = v.text.substr(a->cue_span.begin, a->cue_span.end - a->cue_span.begin);
      }
    } else {
      finder_.Find(v.text, tokens, &scratch, &found);
    }
    v.attribution = std::move(found.main);
    analysis.SetExtras(&v, std::move(found.also), std::move(found.loaded_cues));
    AttachLink(block, s, links_in_order ? &link_cursor : nullptr, &v.attribution, &analysis);
  }
  // Freed now rather than on return, so that a long document's findings reuse the memory.
  Sentences().swap(sentences);

  discourse_.ResolveReferences(&analysis.sentences);
  discourse_.InheritQuotations(&analysis.sentences);
  discourse_.ContinueDocuments(&analysis.sentences);
  if (analysis.publisher.empty() && analysis.wire.empty()) {
    analysis.wire = discourse_.InferWire(analysis.sentences);
  }
  discourse_.ApplyPublisher(analysis.publisher, analysis.wire, &analysis.sentences);
  for (const SentenceVerdict& v : analysis.sentences) {
    if (!v.claim) continue;
    ++analysis.claims;
    analysis.attributed_claims += v.attribution.status != AttributionStatus::kNone;
  }
  BuildChains(&analysis);
  AddFindings(rules_, &analysis);
  // Rules the article itself switches off.
  if (!doc.meta.skip_rules.empty()) {
    std::erase_if(analysis.findings, [&](const Finding& f) {
      return std::find(doc.meta.skip_rules.begin(), doc.meta.skip_rules.end(), f.rule) !=
             doc.meta.skip_rules.end();
    });
  }
  for (Finding& f : analysis.findings) {
    const SentenceVerdict& v = analysis.sentences[f.sentence];
    const OffsetMap& offsets = doc.blocks[v.block].offsets;
    f.begin = offsets.ToFile(v.block_begin + f.span.begin);
    f.end = offsets.ToFileEnd(v.block_begin + f.span.end);
  }
  return analysis;
}

}  // namespace audit
