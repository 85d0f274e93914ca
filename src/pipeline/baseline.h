// Baselines: findings a newsroom has already accepted, recorded by fingerprint (rule, file and the
// sentence's normalised text, never the line) so edits elsewhere in a file do not invalidate them.
// A run with a baseline reports and fails only on findings not in it, and counts the entries that
// no longer match anything.
//
// File format (JSON): {"version": 1, "findings": [{"fingerprint", "rule", "path", "sentence"}]}.
// A loaded Baseline is read-only and safe to share between threads; Filter records nothing in it.
#ifndef AUDIT_PIPELINE_BASELINE_H_
#define AUDIT_PIPELINE_BASELINE_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "base/error.h"
#include "report/file_report.h"

namespace audit {

class Baseline {
 public:
  static Result<Baseline> Load(const std::string& path);
  // Writes the findings of `reports` as a baseline, to a temporary name renamed into place.
  static std::optional<Error> Write(const std::vector<const FileReport*>& reports,
                                    const std::string& root, const std::string& path);

  // Removes the findings of `report` the baseline holds; returns their fingerprints.
  std::vector<std::string> Filter(const std::string& root, FileReport* report) const;
  size_t size() const { return fingerprints_.size(); }

 private:
  std::unordered_set<std::string> fingerprints_;
};

}  // namespace audit

#endif  // AUDIT_PIPELINE_BASELINE_H_
