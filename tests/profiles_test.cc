// Profiles: each worker past the first audits with rules of its own, loaded from the bytes the
// profile's were, which give the same reports as the profile's.
#include "pipeline/profiles.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "report/json_writer.h"
#include "test_support.h"

namespace audit {
namespace {

namespace fs = std::filesystem;

const char kArticle[] =
    "The council approved the budget on Tuesday, the mayor said in a statement.\n\n"
    "According to police, the fire started in the kitchen. Experts say the damage is severe.\n";

// Profiles over a copy of the news pack in a scratch folder, for `workers` workers, and the profile
// of an article in it.
class PackCopy {
 public:
  PackCopy(const std::string& name, int workers) : dir_(name), profiles_(Options(dir_, workers)) {}

  const testing::ScratchDir& dir() const { return dir_; }
  const Profile& ProfileOfArticle() {
    Result<const Profile*> loaded = profiles_.For(dir_.Write("news/a.txt", kArticle));
    REQUIRE(loaded.ok());
    return *loaded.value();
  }

 private:
  static ProfileOptions Options(const testing::ScratchDir& dir, int workers) {
    fs::copy(fs::path(AUDIT_SOURCE_DIR) / "rules" / "news", dir.dir() / "pack",
             fs::copy_options::recursive);
    ProfileOptions options;
    options.rules_dir = (dir.dir() / "pack").string();
    options.builtin_pack = options.rules_dir;
    options.workers = workers;
    return options;
  }

  testing::ScratchDir dir_;
  Profiles profiles_;
};

TEST_CASE("Each worker past the first audits with rules of its own, to the same reports",
          "[profiles]") {
  PackCopy pack("profiles-workers", 3);
  const Profile& profile = pack.ProfileOfArticle();
  // The second worker's copy loads with the profile; the third's on its first call.
  CHECK(profile.HasOwnRules(1));
  CHECK_FALSE(profile.HasOwnRules(2));
  CHECK(&profile.AuditorFor(0) == profile.auditor.get());
  const Auditor& first = profile.AuditorFor(1);
  const Auditor& second = profile.AuditorFor(2);
  CHECK(&first != profile.auditor.get());
  CHECK(&second != profile.auditor.get());
  CHECK(&first != &second);
  CHECK(&profile.AuditorFor(1) == &first);  // loaded once
  CHECK(profile.HasOwnRules(2));
  // A number past the workers the profiles were made for gets the profile's own.
  CHECK(&profile.AuditorFor(3) == profile.auditor.get());
  const std::string expected = RenderJson(profile.auditor->AuditText("a.txt", kArticle));
  CHECK(expected.find("according") != std::string::npos);
  CHECK(RenderJson(first.AuditText("a.txt", kArticle)) == expected);
  CHECK(RenderJson(second.AuditText("a.txt", kArticle)) == expected);
}

TEST_CASE("With one worker there are no copies", "[profiles]") {
  PackCopy pack("profiles-one", 1);
  const Profile& profile = pack.ProfileOfArticle();
  CHECK(&profile.AuditorFor(1) == profile.auditor.get());
  CHECK_FALSE(profile.HasOwnRules(1));
}

TEST_CASE("A worker's copy is of the rules as they were read, even if the files change",
          "[profiles]") {
  PackCopy pack("profiles-changed", 3);
  const Profile& profile = pack.ProfileOfArticle();
  // The pack breaks after the run has loaded it: the third worker's copy, loaded now, does not read
  // it again.
  pack.dir().Write("pack/claims.yaml", "claims: [\n");
  REQUIRE_FALSE(RuleSet::LoadDirectory((pack.dir().dir() / "pack").string()).ok());
  REQUIRE_FALSE(profile.HasOwnRules(2));
  const Auditor& copy = profile.AuditorFor(2);
  CHECK(&copy != profile.auditor.get());
  CHECK(RenderJson(copy.AuditText("a.txt", kArticle)) ==
        RenderJson(profile.auditor->AuditText("a.txt", kArticle)));
}

}  // namespace
}  // namespace audit
