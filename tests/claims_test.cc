// Claim decisions and scores.
#include <catch2/catch.hpp>

#include "test_support.h"

namespace audit {
namespace {

using testing::AuditString;
using testing::SentenceStartingWith;

TEST_CASE("Reported events are claims; questions and unknowns are not", "[claims]") {
  FileReport r = AuditString(
      "The council closed 12 pools on Monday. Who will pay for the repairs? "
      "It was not clear whether the pools would reopen. Click here to read more about the plan.\n");
  CHECK(SentenceStartingWith(r, "The council closed").claim);
  const SentenceVerdict& question = SentenceStartingWith(r, "Who will pay");
  CHECK_FALSE(question.claim);
  CHECK(question.role == "question");
  CHECK_FALSE(SentenceStartingWith(r, "It was not clear").claim);
  CHECK_FALSE(SentenceStartingWith(r, "Click here").claim);
}

TEST_CASE("Figures, dates and names raise the claim score", "[claims]") {
  FileReport r = AuditString("The plan changed. The council cut 12 jobs in Leeds on Monday.\n");
  const SentenceVerdict& bare = SentenceStartingWith(r, "The plan changed");
  const SentenceVerdict& rich = SentenceStartingWith(r, "The council cut");
  CHECK(rich.claim_score > bare.claim_score);
  CHECK(std::find(rich.signals.begin(), rich.signals.end(), "figure") != rich.signals.end());
  CHECK(std::find(rich.signals.begin(), rich.signals.end(), "date") != rich.signals.end());
}

TEST_CASE("Opinion lowers the claim score below the threshold", "[claims]") {
  FileReport r = AuditString(
      "That is a ridiculous plan for the harbour. The minister should resign. The council cut 12 "
      "jobs.\n");
  CHECK_FALSE(SentenceStartingWith(r, "That is a ridiculous").claim);
  CHECK_FALSE(SentenceStartingWith(r, "The minister should").claim);
  CHECK(SentenceStartingWith(r, "The council cut").claim);
}

TEST_CASE("Headlines, captions and credits are never claims", "[claims]") {
  FileReport r = AuditString(
      "Council closes 12 pools\n\nThe council closed 12 pools.\n\nPhoto: City archive\n");
  CHECK_FALSE(r.analysis.sentences.at(0).claim);
  CHECK(r.analysis.sentences.at(1).claim);
  CHECK_FALSE(r.analysis.sentences.at(2).claim);
}

}  // namespace
}  // namespace audit
