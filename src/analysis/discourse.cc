#include "analysis/discourse.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "base/ascii.h"
#include "base/string_hash.h"
#include "base/utf8.h"

namespace audit {

namespace {

// The space-separated words of `s`, into `out` (cleared first; its memory is reused).
void SplitWords(std::string_view s, std::vector<std::string_view>* out) {
  out->clear();
  // One pass over the bytes: words are short, and a find per word costs a library call each.
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ' ') continue;
    if (i > start) out->push_back(s.substr(start, i - start));
    start = i + 1;
  }
  if (start < s.size()) out->push_back(s.substr(start));
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  out.reserve(s.size() / 4 + 1);  // one allocation: English words average about five letters
  SplitWords(s, &out);
  return out;
}

bool Capitalized(std::string_view w) {
  char32_t cp;
  return DecodeUtf8(w, 0, &cp) && IsUpperLetter(cp);
}

// How many sentences back a quotation paragraph looks for its speaker.
constexpr size_t kQuoteLookback = 2;

Attribution Inherit(const Attribution& from) {
  Attribution a = from;
  a.status = AttributionStatus::kInherited;
  a.cue_span = {};
  a.source_span = {};
  a.cue.clear();
  return a;
}

// Something a later sentence can point back at.
struct Entity {
  std::string name;  // "Dana Ruiz", "State auditors (report)", "the Ministry of Transport"
  std::string head;  // lowercase head noun for descriptions: "report", "ministry"
  SourceType type = SourceType::kUnknown;
  size_t introduced = 0;
  std::vector<std::string> via;
  bool plural = false;
  bool was_source = false;  // named as a source, not only mentioned
};

// Keeps only the entities a later sentence can still reach: the last kRecent (an older one is never
// looked at), so a very long document's table stays small.
class EntityTable {
 public:
  static constexpr size_t kRecent = Discourse::kReferenceLookback;

  explicit EntityTable(const RuleSet& rules) : rules_(rules) {}

  Entity* Add(Entity e) {
    if (e.type == SourceType::kPerson) {
      if (const size_t space = e.name.rfind(' '); space != std::string::npos)
        latest_person_by_surname_[e.name.substr(space + 1)] = added_;
    }
    entities_.push_back(std::move(e));
    ++added_;
    if (entities_.size() > kRecent) entities_.pop_front();
    return &entities_.back();
  }
  // Most recent entity matching `pred`, among the last kRecent: a pronoun or description points
  // back a few paragraphs, and the bound keeps a very long document linear in its length.
  template <typename Pred>
  Entity* Latest(Pred pred) {
    size_t looked = 0;
    for (auto it = entities_.rbegin(); it != entities_.rend() && looked < kRecent; ++it, ++looked) {
      if (pred(*it)) return &*it;
    }
    return nullptr;
  }
  // The person whose name ends with `surname` ("Ruiz" -> "Dana Ruiz"), among the last kRecent. A
  // hash lookup, since every capitalised name in every sentence asks.
  Entity* PersonBySurname(std::string_view surname) {
    if (surname.empty() || surname.find(' ') != std::string_view::npos) return nullptr;
    const auto it = latest_person_by_surname_.find(surname);
    if (it == latest_person_by_surname_.end()) return nullptr;
    if (it->second + kRecent < added_) return nullptr;  // too far back
    // Still held: the table holds the last kRecent, and this is at most kRecent back.
    const size_t first_held = added_ - entities_.size();
    if (it->second < first_held) return nullptr;
    return &entities_[it->second - first_held];
  }
  // Registers the multi-word proper names a sentence mentions (`words`, the sentence split at
  // spaces), so later surnames resolve to them.
  void AddNamesFrom(const std::vector<std::string_view>& words, size_t sentence) {
    size_t i = 0;
    while (i < words.size()) {
      size_t j = i;
      while (j < words.size() && IsNameWord(words[j], j == 0)) {
        const char last = words[j].back();
        ++j;
        if (last == ',' || last == '.' || last == ';' || last == ':')
          break;  // punctuation ends a name
      }
      if (j - i >= 2) {
        std::string name;
        for (size_t k = i; k < j; ++k) {
          std::string_view w = words[k];
          while (!w.empty() &&
                 (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':')) {
            w.remove_suffix(1);
          }
          w = StripPossessive(w);
          if (!name.empty()) name += ' ';
          name += w;
        }
        // "Leeds General hospital", "Water Quality Agency": a name followed by or ending in an
        // organisation noun names a body, not a person.
        std::string_view last = words[j - 1];
        while (!last.empty() && (last.back() == ',' || last.back() == '.')) last.remove_suffix(1);
        const bool organisation =
            rules_.Words("organization_nouns").Contains(last) ||
            rules_.FindOutlet(name) != nullptr ||
            (j < words.size() && rules_.Words("organization_nouns").Contains(words[j]));
        if (!organisation && !PersonBySurname(StripPossessive(last))) {
          Add({name, "", SourceType::kPerson, sentence, {}, false, false});
        }
      }
      i = j == i ? i + 1 : j;
    }
  }

 private:
  bool IsNameWord(std::string_view w, bool sentence_start) const {
    if (!Capitalized(w) || rules_.Words("titles").Contains(w)) return false;
    if (sentence_start && rules_.Words("not_sources").Contains(w)) return false;
    if (w == "The" || w == "A" || w == "An") return false;
    // A name word ends at punctuation: "Dana Ruiz," still counts, but the name stops after
    // it.
    return true;
  }

  const RuleSet& rules_;
  std::deque<Entity> entities_;  // the last kRecent added, oldest first
  size_t added_ = 0;             // entities added in all; entities_.back() is number added_ - 1
  // Last word of each person's name -> number of the latest such person (counting from 0).
  std::unordered_map<std::string, size_t, StringViewHash, std::equal_to<>>
      latest_person_by_surname_;
};

std::string_view TrimDeterminer(std::string_view s) {
  for (std::string_view d : {"the ", "The ", "this ", "This ", "that ", "That "}) {
    if (s.substr(0, d.size()) == d) return s.substr(d.size());
  }
  return {};
}

// The name a source phrase gives, without titles and determiners: "Prime Minister Ana
// de Souza" -> "Ana de Souza", "Prof Lind" -> "Lind".
std::string NameWithoutTitles(const RuleSet& rules, std::string_view source) {
  std::vector<std::string_view> words = Words(source);
  // The name is the last run of capitalised words that are not titles: "Port director Elena Marsh"
  // -> "Elena Marsh", "Labour's Ann Hale" -> "Ann Hale".
  size_t i = words.size();
  while (i > 0 && Capitalized(words[i - 1]) && !rules.Words("titles").Contains(words[i - 1]) &&
         StripPossessive(words[i - 1]).size() == words[i - 1].size()) {
    --i;
  }
  if (i == words.size()) i = words.empty() ? 0 : words.size() - 1;
  std::string out;
  for (; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += StripPossessive(words[i]);
  }
  return out;
}

void Resolve(const RuleSet& rules, const SourceClassifier& classifier, size_t index,
             SentenceVerdict* v, EntityTable* table) {
  Attribution& a = v->attribution;
  const std::string lower = AsciiLower(a.source);
  auto take = [&](Entity* e) {
    a.resolved = e->name;
    a.refers_to = static_cast<int>(e->introduced);
    if (a.via.empty()) a.via = e->via;
    if (a.source_type == SourceType::kPerson || a.source_type == SourceType::kUnknown) {
      a.source_type = e->type == SourceType::kUnknown ? a.source_type : e->type;
    }
  };
  // Pronouns.
  if (lower == "he" || lower == "she") {
    auto person = [](const Entity& x) {
      return x.type == SourceType::kPerson || x.type == SourceType::kAnonymous;
    };
    Entity* e = table->Latest([&](const Entity& x) { return person(x) && x.was_source; });
    if (!e) e = table->Latest(person);
    if (e) {
      take(e);
      a.source_type = e->type;
    }
    return;
  }
  if (lower == "they" || lower == "it") {
    const bool plural = lower == "they";
    if (Entity* e = table->Latest([&](const Entity& x) {
          return x.type == SourceType::kOrganization || x.type == SourceType::kOutlet ||
                 x.type == SourceType::kDocument ||
                 (plural && (x.plural || x.type == SourceType::kAnonymous));
        })) {
      take(e);
      a.source_type = e->type;
    } else {
      a.source_type = plural ? SourceType::kAnonymous : SourceType::kOrganization;
    }
    return;
  }
  // Descriptions: "The report", "the ministry", "the paper".
  std::string_view described = TrimDeterminer(a.source);
  if (!described.empty() && described.find(' ') == std::string_view::npos) {
    const std::string noun = AsciiLower(described);
    if (rules.Words("document_nouns").Contains(noun)) {
      // "The study" points back at a study, not at any document.
      if (Entity* e = table->Latest([&](const Entity& x) {
            return x.type == SourceType::kDocument &&
                   (x.head == noun || x.head == noun + "s" ||
                    AsciiLower(x.name).find(noun) != std::string::npos);
          })) {
        take(e);
        a.source_type = SourceType::kDocument;
      } else {
        a.dangling = true;
      }
      return;
    }
    if (rules.Words("outlet_nouns").Contains(noun)) {
      if (Entity* e =
              table->Latest([&](const Entity& x) { return x.type == SourceType::kOutlet; })) {
        a.resolved = e->name;
        a.refers_to = static_cast<int>(e->introduced);
        a.source_type = SourceType::kOutlet;
      } else {
        a.dangling = true;
      }
      return;
    }
    if (rules.Words("organization_nouns").Contains(noun)) {
      if (Entity* e = table->Latest([&](const Entity& x) {
            return x.type == SourceType::kOrganization &&
                   AsciiLower(x.name).find(noun) != std::string::npos;
          })) {
        take(e);
      }
      return;
    }
  }
  // Names: a surname or a titled surname resolves to the full name mentioned before.
  if (a.source_type == SourceType::kPerson) {
    std::string name = NameWithoutTitles(rules, a.source);
    if (!name.empty() && name.find(' ') == std::string::npos) {
      if (Entity* e = table->PersonBySurname(name)) {
        e->was_source = true;
        a.resolved = e->name;
        if (a.via.empty()) a.via = e->via;
      }
    } else if (!name.empty() && name != a.source) {
      a.resolved = name;
    }
  }
  (void)classifier;
  (void)index;
}

// Adds what sentence `index` introduces through its attribution; returns whether that includes a
// document.
bool Register(const RuleSet& rules, size_t index, SentenceVerdict* v, EntityTable* table) {
  Attribution& a = v->attribution;
  if (a.status != AttributionStatus::kDirect || a.source.empty()) return false;
  const std::string name = a.resolved.empty() ? a.source : a.resolved;
  // "Auditors said in a report": the report becomes something later sentences can call "the
  // report", and the sentence rests on that report.
  for (std::string_view word : Words(a.cue)) {
    if (rules.Words("document_nouns").Contains(word) && a.refers_to < 0) {
      const std::string document = name + " (" + AsciiLower(word) + ")";
      table->Add({document, AsciiLower(word), SourceType::kDocument, index, a.via, false, true});
      if (a.source_type != SourceType::kDocument)
        break;  // "Smith said in a statement": Smith stays the source
      a.resolved = document;
      return true;
    }
  }
  bool document = false;
  for (const std::string& outlet :
       a.via) {  // "the Journal said ..." lets "the paper" point back at it
    table->Add({outlet, "", SourceType::kOutlet, index, {}, false, true});
  }
  if (a.refers_to >= 0 || a.dangling) return document;  // already points at an entity
  Entity e;
  e.name = name;
  e.was_source = true;
  e.type = a.source_type;
  e.introduced = index;
  e.via = a.via;
  std::string_view last = a.source;
  if (size_t sp = last.rfind(' '); sp != std::string_view::npos) last = last.substr(sp + 1);
  e.plural = !last.empty() && last.back() == 's';
  e.head = AsciiLower(last);
  if (e.type == SourceType::kDocument) {
    // "A district study released in January": the head is the document noun, wherever it stands.
    for (std::string_view w : Words(a.source)) {
      if (rules.Words("document_nouns").Contains(w)) e.head = AsciiLower(w);
    }
  }
  if (e.type == SourceType::kPerson) {
    const std::string full = NameWithoutTitles(rules, name);
    if (full.find(' ') == std::string::npos) return document;  // a surname alone: not enough to add
    e.name = full;
  }
  if (e.type == SourceType::kDocument) document = true;
  table->Add(std::move(e));
  return document;
}

// `words`: the sentence's text split at spaces.
void RegisterDocumentMentions(const RuleSet& rules, size_t index, const SentenceVerdict& v,
                              const std::vector<std::string_view>& words, EntityTable* table) {
  // "a new report released on Monday by ...": an indefinite document mention introduces a document,
  // unless it is the sentence's own source, registered already.
  if (v.attribution.status == AttributionStatus::kDirect &&
      v.attribution.source_type == SourceType::kDocument) {
    return;
  }
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    std::string_view d = words[i];
    if (d != "a" && d != "A" && d != "an" && d != "An" && d != "new") continue;
    for (size_t j = i + 1; j < std::min(words.size(), i + 4); ++j) {
      std::string_view w = words[j];
      while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
      if (rules.Words("document_nouns").Contains(w)) {
        table->Add({std::string(w), AsciiLower(w), SourceType::kDocument, index, v.attribution.via,
                    false, false});
        return;
      }
    }
  }
}

}  // namespace

void Discourse::ResolveReferences(SentenceVerdicts* sentences) const {
  EntityTable table(rules_);
  std::vector<std::string_view> words;  // each sentence split once, into memory kept for the next
  for (size_t i = 0; i < sentences->size(); ++i) {
    SentenceVerdict& v = (*sentences)[i];
    SplitWords(v.text, &words);
    if (v.attribution.status == AttributionStatus::kDirect) {
      Resolve(rules_, classifier_, i, &v, &table);
      if (Register(rules_, i, &v, &table)) {
        table.AddNamesFrom(words, i);
        continue;
      }
    }
    RegisterDocumentMentions(rules_, i, v, words, &table);
    table.AddNamesFrom(words, i);
  }
}

void Discourse::InheritQuotations(SentenceVerdicts* sentences) const {
  auto& s = *sentences;
  // Group sentences joined by an open quotation; each group takes the first direct attribution
  // inside it.
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j + 1 < s.size() && s[j].ends_in_quote && s[j + 1].starts_in_quote) ++j;
    if (j > i) {
      const SentenceVerdict* holder = nullptr;
      for (size_t k = i; k <= j && !holder; ++k) {
        if (s[k].attribution.status == AttributionStatus::kDirect) holder = &s[k];
      }
      // A quotation opened by a sentence without a cue may still belong to the speaker of the one
      // before.
      if (!holder && i > 0 && s[i - 1].attribution.status != AttributionStatus::kNone &&
          s[i - 1].block == s[i].block) {
        holder = &s[i - 1];
      }
      if (holder) {
        const Attribution inherited = Inherit(holder->attribution);
        for (size_t k = i; k <= j; ++k) {
          if (s[k].attribution.status == AttributionStatus::kNone) s[k].attribution = inherited;
        }
      }
    }
    i = j + 1;
  }
  // "The minister wrote:" introduces the paragraph after it, quoted or not: every sentence of it
  // without a cue of its own is the minister's, also after one that has a cue (a word in the quote
  // can look like one: "She knows nothing").
  const SentenceVerdict* introducer = nullptr;  // of the paragraph of sentence k, if any
  for (size_t k = 1; k < s.size(); ++k) {
    SentenceVerdict& v = s[k];
    const SentenceVerdict& prev = s[k - 1];
    if (v.block != prev.block) {
      const bool introduced = prev.attribution.status == AttributionStatus::kDirect &&
                              !prev.text.empty() && prev.text.back() == ':';
      introducer = introduced ? &prev : nullptr;
    }
    if (!introducer || v.attribution.status != AttributionStatus::kNone || v.role != "body") {
      continue;
    }
    v.attribution = Inherit(introducer->attribution);
    v.attribution.introduces_paragraph = true;
  }
  // A transcript paragraph ("SMITH: Well, ...") is its speaker's to the end of the paragraph.
  for (size_t k = 1; k < s.size(); ++k) {
    SentenceVerdict& v = s[k];
    const SentenceVerdict& prev = s[k - 1];
    if (v.attribution.status != AttributionStatus::kNone || v.block != prev.block) continue;
    if (!prev.attribution.holds_paragraph || v.role != "body") continue;
    // "(CROSSTALK.)": an aside in parentheses is nobody's words.
    const bool aside = !v.text.empty() && (v.text.front() == '(' || v.text.rfind("\"(", 0) == 0);
    if (!aside) {
      v.attribution = Inherit(prev.attribution);
    }
  }
  // A paragraph that is a quotation continues the speaker of the sentence before it, or of the one
  // before that when a line of narration stands between; items listed after "... said:" continue
  // the sentence that introduced them.
  size_t before_list = SIZE_MAX;  // the last sentence before k that is not a list item
  for (size_t k = 1; k < s.size(); ++k) {
    if (k + 8 < s.size()) __builtin_prefetch(s[k + 8].text.data());
    // Kept as the loop goes rather than searched for from each item: a list of n items would
    // otherwise cost n * n / 2 steps.
    if (s[k - 1].role != "list_item") before_list = k - 1;
    SentenceVerdict& v = s[k];
    if (v.attribution.status != AttributionStatus::kNone || v.text.empty()) continue;
    if (v.role == "list_item") {
      if (before_list != SIZE_MAX) {
        const SentenceVerdict& intro = s[before_list];
        if (intro.attribution.status != AttributionStatus::kNone && !intro.text.empty() &&
            intro.text.back() == ':') {
          v.attribution = Inherit(intro.attribution);
        }
      }
      continue;
    }
    if (v.role != "body") continue;
    // A quotation still open from the sentence before keeps that sentence's speaker.
    if (v.starts_in_quote && s[k - 1].attribution.status != AttributionStatus::kNone) {
      v.attribution = Inherit(s[k - 1].attribution);
      continue;
    }
    char32_t first;
    DecodeUtf8(v.text, 0, &first);
    if (!(first == '"' || IsOpeningQuote(first) || v.text.rfind("''", 0) == 0)) continue;
    for (size_t back = 1; back <= kQuoteLookback && back <= k; ++back) {
      const SentenceVerdict& prev = s[k - back];
      if (prev.role != "body") break;
      if (prev.attribution.status == AttributionStatus::kNone) continue;
      const SourceType t = prev.attribution.source_type;
      if (t == SourceType::kDocument || t == SourceType::kVague) break;
      if (back > 1 && !prev.has_quote)
        break;  // only a speaker already quoted carries over narration
      v.attribution = Inherit(prev.attribution);
      break;
    }
  }
}

std::string Discourse::InferWire(const SentenceVerdicts& sentences) const {
  // Mentions of one agency in its reporter's role that make a copy that agency's, not a citation of
  // it.
  constexpr int kMentionsForWireCopy = 2;
  std::map<std::string, int> mentions;
  for (const SentenceVerdict& v : sentences) {
    const Attribution& a = v.attribution;
    if (a.status != AttributionStatus::kDirect) continue;
    std::set<std::string> in_sentence(a.via.begin(), a.via.end());
    if (a.source_type == SourceType::kOutlet && !a.resolved.empty()) in_sentence.insert(a.resolved);
    for (const std::string& name : in_sentence) {
      const Outlet* outlet = rules_.FindOutlet(name);
      if (outlet && outlet->wire) ++mentions[outlet->name];
    }
  }
  std::string best;
  int best_count = 0;
  for (const auto& [name, count] : mentions) {
    if (count > best_count) best = name, best_count = count;
  }
  return best_count >= kMentionsForWireCopy && mentions.size() == 1 ? best : std::string();
}

void Discourse::ContinueDocuments(SentenceVerdicts* sentences) const {
  // After a sentence that reports a document's findings, sentences that point back at those
  // findings without a cue of their own ("Among its key findings: ...", "The overall rankings were
  // as follows:" and the list after it) continue the document. Another attribution, or a sentence
  // that points at nothing, ends the run.
  const Attribution* document = nullptr;
  for (SentenceVerdict& v : *sentences) {
    if (v.role != "body" && v.role != "list_item") continue;
    if (v.attribution.status != AttributionStatus::kNone) {
      document = v.attribution.source_type == SourceType::kDocument ? &v.attribution : nullptr;
      continue;
    }
    if (!document) continue;
    const bool points_back = rules_.Words("document_references").Search(v.text);
    const bool introduces_list = !v.text.empty() && v.text.back() == ':';
    if (points_back || introduces_list || v.role == "list_item") {
      v.attribution = Inherit(*document);
    } else {
      document = nullptr;
    }
  }
}

void Discourse::ApplyPublisher(const std::string& publisher, const std::string& wire,
                               SentenceVerdicts* sentences) const {
  const Outlet* publisher_outlet = publisher.empty() ? nullptr : rules_.FindOutlet(publisher);
  auto is_publisher = [&](const std::string& name) {
    if (publisher.empty() || name.empty()) return false;
    if (AsciiLower(name) == AsciiLower(publisher)) return true;
    const Outlet* o = rules_.FindOutlet(name);
    return o && o == publisher_outlet;
  };
  for (SentenceVerdict& v : *sentences) {
    Attribution& a = v.attribution;
    if (a.status == AttributionStatus::kNone) continue;
    a.via.erase(std::remove_if(a.via.begin(), a.via.end(), is_publisher), a.via.end());
    const bool source_is_outlet = a.source_type == SourceType::kOutlet;
    const std::string& outlet_name = a.resolved.empty() ? a.source : a.resolved;
    if (!wire.empty() && !is_publisher(wire) && (a.via.empty() || a.via.front() != wire) &&
        !(source_is_outlet && outlet_name == wire)) {
      a.via.insert(a.via.begin(), wire);
    }
    v.secondhand = !a.via.empty() || (source_is_outlet && !is_publisher(outlet_name));
  }
  // A headline or caption that summarises an attributed report takes that report's via. It looks
  // at most kSummaryLookahead sentences ahead, and lowers each body sentence it reads once: a list
  // of n attributed items would otherwise cost n * n / 2 searches.
  // The lowered texts of the sentences within reach, by index modulo the window (or the document,
  // when shorter): sentence k is looked at only from the kSummaryLookahead sentences before it, so
  // its slot is not taken by another while it can still be asked for.
  struct Lowered {
    size_t sentence = SIZE_MAX;
    std::string text;
  };
  std::vector<Lowered> lowered;  // made when the search first needs it
  for (size_t i = 0; i < sentences->size(); ++i) {
    SentenceVerdict& h = (*sentences)[i];
    if (h.role == "body" || h.attribution.status == AttributionStatus::kNone ||
        !h.attribution.via.empty())
      continue;
    const std::string needle = AsciiLower(h.attribution.source);
    if (needle.size() < 3) continue;
    const size_t last = std::min(sentences->size(), i + 1 + kSummaryLookahead);
    if (lowered.empty()) lowered.resize(std::min(kSummaryLookahead, sentences->size()));
    for (size_t k = i + 1; k < last; ++k) {
      const SentenceVerdict& b = (*sentences)[k];
      if (b.role != "body" || b.attribution.via.empty()) continue;
      Lowered& slot = lowered[k % lowered.size()];
      if (slot.sentence != k) {
        slot.sentence = k;
        slot.text = AsciiLower(b.text);
      }
      if (slot.text.find(needle) != std::string::npos) {
        h.attribution.via = b.attribution.via;
        h.secondhand = true;
        break;
      }
    }
  }
}

}  // namespace audit
