// How `audit eval` compares text: the normalisations of ../shared/eval/score.py, written out in
// C++ so `audit eval` reproduces that script's figures on the same output. Unicode handling (NFKC,
// full lower-case mapping, word and space characters) follows Python's str and re semantics, with
// ICU supplying the character data.
//
// Plain functions of their arguments; thread-safe.
#ifndef AUDIT_EVAL_TEXT_COMPARE_H_
#define AUDIT_EVAL_TEXT_COMPARE_H_

#include <string>
#include <string_view>
#include <vector>

namespace audit {

// NFKC, curly quotes to straight ones, en and em dashes to '-', no-break space to space, runs of
// white space to one space, trimmed, lower case. Invalid UTF-8 counts as U+FFFD.
std::string NormalizeText(std::string_view utf8);

// The runs of word characters (letters, numbers, '_', as Python's `\w`) of NormalizeText(utf8).
std::vector<std::string> TextWords(std::string_view utf8);

// A source or outlet name reduced for comparison: normalised, a leading article dropped,
// punctuation other than '-' removed, and the score's aliases applied ("The Associated Press" ->
// "ap").
std::string NormalizeName(std::string_view name);

// Whether the auditor's source `got` names the gold source `gold`: equal, one contained in the
// other, or the same last word, after NormalizeName.
bool SameSource(std::string_view gold, std::string_view got);

}  // namespace audit

#endif  // AUDIT_EVAL_TEXT_COMPARE_H_
