// Gold annotations: what a careful editor concluded about each sentence of an article, in the
// format of ../shared/corpus/ANNOTATION.md (NAME.gold.yaml beside the article NAME.EXT). Only the
// fields the score reads are kept; the others (role, source_type, cue, also) are accepted and
// ignored.
#ifndef AUDIT_EVAL_GOLD_H_
#define AUDIT_EVAL_GOLD_H_

#include <string>
#include <vector>

#include "base/error.h"

namespace audit {

struct GoldSentence {
  std::string text;
  bool claim = false;
  std::string attribution = "none";  // "direct", "inherited" or "none", as written
  std::string source;                // empty when none
  std::vector<std::string> via;  // outlets between the publisher and the source, outermost first
  bool secondhand = false;
  int refers_to = -1;  // the sentence that introduced a pronoun or definite source; -1 for none
};

struct GoldArticle {
  std::string gold_path;     // the .gold.yaml file
  std::string article_path;  // its `file`, resolved against the gold file's folder
  std::vector<GoldSentence> sentences;
};

// Reads one gold file. Errors name the file, line and column of the offending node.
Result<GoldArticle> ReadGoldFile(const std::string& path);

// Every *.gold.yaml directly in `folder`, in name order (as score.py lists them). Files that do not
// parse are returned as errors; the others still load.
struct GoldFolder {
  std::vector<GoldArticle> articles;
  std::vector<Error> errors;
};
GoldFolder ReadGoldFolder(const std::string& folder);

}  // namespace audit

#endif  // AUDIT_EVAL_GOLD_H_
