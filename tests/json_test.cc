// The JSON contract: field names and shapes other tools rely on.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/json_text.h"
#include "report/json_writer.h"
#include "test_support.h"

namespace audit {
namespace {

TEST_CASE("JSON output follows the contract", "[json]") {
  FileReport r = testing::AuditString(
      "Envoy says talks failed\n\nThe envoy told Reuters that talks failed on Monday.\n",
      "Daily Courier", "a/b.txt");
  std::ostringstream out;
  JsonDocumentWriter writer(out);
  writer.Begin();
  writer.File(r);
  writer.End();
  const nlohmann::json doc = nlohmann::json::parse(out.str());
  CHECK(doc["version"] == 1);
  const auto& file = doc["files"].at(0);
  CHECK(file["path"] == "a/b.txt");
  CHECK(file["publisher"] == "Daily Courier");
  const auto& s = file["sentences"].at(1);
  for (const char* key : {"id", "text", "start", "end", "line", "column", "role", "claim",
                          "claim_score", "attribution", "secondhand", "chain"}) {
    INFO(key);
    CHECK(s.contains(key));
  }
  CHECK(s["id"] == 1);
  CHECK(s["line"] == 3);
  CHECK(s["column"] == 1);
  CHECK(s["start"] == 25);
  CHECK(s["end"] == 25 + std::string("The envoy told Reuters that talks failed on Monday.").size());
  const auto& a = s["attribution"];
  for (const char* key :
       {"status", "source", "resolved", "source_type", "cue", "via", "refers_to"}) {
    INFO(key);
    CHECK(a.contains(key));
  }
  CHECK(a["status"] == "direct");
  CHECK(a["source"] == "The envoy");
  CHECK(a["source_type"] == "person");
  CHECK(a["cue"] == "told");
  CHECK(a["via"] == nlohmann::json::array({"Reuters"}));
  CHECK(s["secondhand"] == true);
  const auto& chain = file["chains"].at(0);
  CHECK(chain["hops"] == nlohmann::json::array({"Daily Courier", "Reuters", "The envoy"}));
  CHECK(chain["sentences"] == nlohmann::json::array({1}));
  CHECK(chain["secondhand"] == true);
  const auto& finding = file["findings"].at(0);
  for (const char* key : {"rule", "severity", "start", "end", "line", "column", "end_line",
                          "end_column", "message", "sentence"}) {
    INFO(key);
    CHECK(finding.contains(key));
  }
}

TEST_CASE("JSON lines hold one file per line", "[json]") {
  FileReport r = testing::AuditString("The mayor said the pool would reopen.\n");
  std::ostringstream out;
  WriteJsonLine(r, out);
  WriteJsonLine(r, out);
  std::istringstream lines(out.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    CHECK(nlohmann::json::parse(line)["path"] == "article.txt");
    ++count;
  }
  CHECK(count == 2);
}

TEST_CASE("A result streamed a megabyte at a time is the rendered text", "[json]") {
  // Enough sentences that the writer hands its buffer on several times.
  std::string text;
  for (int i = 0; text.size() < 400000; ++i) {
    text += "The council voted " + std::to_string(i) +
            " times on the plan, the clerk said. Officials claimed the \"road\" was safe.\n\n";
  }
  FileReport r = testing::AuditString(text);
  REQUIRE(r.analysis.sentences.size() > 5000);
  const std::string rendered = RenderJson(r);
  REQUIRE(rendered.size() > 3u << 20);
  std::ostringstream streamed;
  WriteJson(r, streamed);
  CHECK(streamed.str() == rendered);
  std::ostringstream document;
  JsonDocumentWriter writer(document);
  writer.Begin();
  writer.Stream(r);
  writer.Stream(r);
  writer.End();
  const auto parsed = nlohmann::json::parse(document.str());
  REQUIRE(parsed["files"].size() == 2);
  CHECK(parsed["files"][1].dump() == nlohmann::json::parse(rendered).dump());
}

// Every object's keys in byte order, as the contract's first writer (nlohmann::json over std::map)
// wrote them and the golden files pin.
bool KeysSorted(const nlohmann::ordered_json& j) {
  if (j.is_array()) {
    for (const auto& v : j) {
      if (!KeysSorted(v)) return false;
    }
  }
  if (!j.is_object()) return true;
  std::string previous;
  bool first = true;
  for (const auto& [key, value] : j.items()) {
    if (!first && !(previous < key)) return false;
    previous = key;
    first = false;
    if (!KeysSorted(value)) return false;
  }
  return true;
}

TEST_CASE("Strings and numbers are written as nlohmann::json writes them", "[json]") {
  for (const std::string& s :
       {std::string("plain"), std::string("tab\there \"quoted\" back\\slash"),
        std::string("\x01\x1f\x7f control"), std::string("\xe2\x80\xae caf\xc3\xa9"),
        std::string("bad \xff\xfe bytes \xc0\xaf"), std::string("cut \xe2\x80"), std::string()}) {
    std::string out;
    JsonText(&out).String(s);
    CHECK(out == nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    // As a key, after other text in the buffer (a bad byte rewrites the string from its start).
    std::string object;
    JsonText keyed(&object);
    keyed.BeginObject();
    keyed.Key(s);
    keyed.Unsigned(1);
    keyed.EndObject();
    CHECK(object ==
          nlohmann::json{{s, 1}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  // Long enough for the eight-byte scan, with each character that needs a look at every offset.
  for (const std::string special : {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xff"}) {
    for (size_t at = 0; at < 20; ++at) {
      std::string s(24, 'a');
      s.replace(at, special.size(), special);
      std::string out;
      JsonText(&out).String(s);
      INFO(at << ": " << s);
      CHECK(out ==
            nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  }
  for (const double d : {0.0, 1.0, 0.85, 0.333, 2.5, 1e-7, 123456.0, -0.05, 1e300, 0.1 + 0.2,
                         std::nan(""), HUGE_VAL, -HUGE_VAL}) {
    std::string out;
    JsonText(&out).Double(d);
    CHECK(out == nlohmann::json(d).dump());
  }
  for (const long long n : {0LL, 7LL, -42LL, 9007199254740993LL}) {
    std::string out;
    JsonText(&out).Signed(n);
    CHECK(out == nlohmann::json(n).dump());
  }
  std::string out;
  JsonText j(&out);
  j.BeginObject();
  j.Key("a");
  j.BeginArray();
  j.Unsigned(1);
  j.Signed(-2);
  j.Null();
  j.Bool(true);
  j.EndArray();
  j.Key("b");
  j.StringOrNull("");
  j.Key(std::string_view("c"));  // a key not given as a literal
  j.BeginObject();
  j.Key("d");
  j.Bool(false);
  j.Key("e");
  j.Null();
  j.EndObject();
  j.EndObject();
  CHECK(out == R"({"a":[1,-2,null,true],"b":null,"c":{"d":false,"e":null}})");
}

TEST_CASE("Results are valid JSON with sorted keys, hostile text included", "[json]") {
  std::vector<FileReport> reports;
  reports.push_back(testing::AuditString(
      "Envoy says talks failed\n\nThe envoy told Reuters that talks failed on Monday.\n\n"
      "\"It is over,\" she said. \"We tried.\"\n\nExperts say the deal was reportedly dead, "
      "officials said, after sources told the BBC it had collapsed.\n",
      "Daily Courier", "a/b.txt"));
  reports.push_back(testing::AuditString(
      "Tab\there, \"quoted\" \\ back\x01slash \xe2\x80\xae caf\xc3\xa9 \xff\xfe said the "
      "mayor.\n",
      "", "odd\x7f\xc3.txt"));
  reports.push_back(testing::AuditString("", "", "empty.txt"));
  FileReport unreadable;
  unreadable.path = "missing.txt";
  unreadable.error = Error::InFile(ErrorCode::kIo, "missing.txt", "cannot read");
  reports.push_back(std::move(unreadable));
  reports.push_back(testing::AuditString(
      "# Pool\n\nThe pool closed, [the council said](https://example.org/c).\n", "", "p.md"));
  for (const FileReport& r : reports) {
    INFO(r.path);
    const auto parsed = nlohmann::ordered_json::parse(RenderJson(r), nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    CHECK(KeysSorted(parsed));
    CHECK(parsed["sentences"].size() == r.analysis.sentences.size());
  }
}

}  // namespace
}  // namespace audit
