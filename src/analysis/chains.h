// Builds the article's sourcing chains: publisher -> intermediaries -> source, one per distinct
// source and via list, each with the claim sentences resting on it and their share of the article's
// claims. Stateless.
#ifndef AUDIT_ANALYSIS_CHAINS_H_
#define AUDIT_ANALYSIS_CHAINS_H_

#include <string>

#include "analysis/analysis.h"

namespace audit {

// Fills analysis->chains and each sentence's `chain` from the sentences' attributions.
void BuildChains(Analysis* analysis);

// "Valley Herald -> AP -> State auditors (report)".
std::string ChainText(const Chain& chain);

}  // namespace audit

#endif  // AUDIT_ANALYSIS_CHAINS_H_
