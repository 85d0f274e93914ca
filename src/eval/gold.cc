#include "eval/gold.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

namespace audit {

namespace {

Error NodeError(const std::string& path, const YAML::Node& node, const std::string& message) {
  const YAML::Mark mark = node.Mark();
  return Error::AtLine(ErrorCode::kInput, path, mark.line + 1, mark.column + 1, message);
}

// A scalar field as a string; empty when absent or null.
Result<std::string> StringField(const std::string& path, const YAML::Node& map, const char* key) {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) return std::string();
  if (!node.IsScalar()) return NodeError(path, node, fmt::format("`{}` must be text", key));
  return node.Scalar();
}

Result<bool> BoolField(const std::string& path, const YAML::Node& map, const char* key) {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) return false;
  bool value = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
    return NodeError(path, node, fmt::format("`{}` must be true or false", key));
  return value;
}

Result<GoldSentence> ReadSentence(const std::string& path, const YAML::Node& node) {
  if (!node.IsMap()) return NodeError(path, node, "a sentence must be a mapping with `text`");
  GoldSentence s;
  Result<std::string> text = StringField(path, node, "text");
  if (!text.ok()) return text.error();
  if (text.value().empty()) return NodeError(path, node, "a sentence needs `text`");
  s.text = text.take();
  Result<bool> claim = BoolField(path, node, "claim");
  if (!claim.ok()) return claim.error();
  s.claim = claim.value();
  Result<std::string> attribution = StringField(path, node, "attribution");
  if (!attribution.ok()) return attribution.error();
  if (!attribution.value().empty()) s.attribution = attribution.take();
  if (s.attribution != "direct" && s.attribution != "inherited" && s.attribution != "none") {
    return NodeError(
        path, node["attribution"],
        fmt::format("`attribution` must be direct, inherited or none, not `{}`", s.attribution));
  }
  Result<std::string> source = StringField(path, node, "source");
  if (!source.ok()) return source.error();
  s.source = source.take();
  if (const YAML::Node via = node["via"]; via && !via.IsNull()) {
    if (!via.IsSequence()) return NodeError(path, via, "`via` must be a list of outlets");
    for (const YAML::Node& outlet : via) {
      if (!outlet.IsScalar()) return NodeError(path, outlet, "an outlet in `via` must be text");
      s.via.push_back(outlet.Scalar());
    }
  }
  Result<bool> secondhand = BoolField(path, node, "secondhand");
  if (!secondhand.ok()) return secondhand.error();
  s.secondhand = secondhand.value();
  if (const YAML::Node refers = node["refers_to"]; refers && !refers.IsNull()) {
    int index = -1;
    if (!refers.IsScalar() || !YAML::convert<int>::decode(refers, index) || index < 0)
      return NodeError(path, refers, "`refers_to` must be a sentence number (0-based)");
    s.refers_to = index;
  }
  return s;
}

}  // namespace

Result<GoldArticle> ReadGoldFile(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Error::InFile(ErrorCode::kIo, path, "cannot read the gold file");
  } catch (const YAML::Exception& e) {
    return Error::AtLine(ErrorCode::kInput, path, e.mark.line + 1, e.mark.column + 1, e.msg);
  }
  if (!root.IsMap())
    return NodeError(path, root, "a gold file is a mapping with `file` and `sentences`");
  GoldArticle article;
  article.gold_path = path;
  Result<std::string> file = StringField(path, root, "file");
  if (!file.ok()) return file.error();
  if (file.value().empty())
    return NodeError(path, root, "a gold file needs `file`: the article's name");
  article.article_path =
      (std::filesystem::path(path).parent_path() / file.value()).lexically_normal().string();
  const YAML::Node sentences = root["sentences"];
  if (!sentences || !sentences.IsSequence())
    return NodeError(path, sentences ? sentences : root, "`sentences` must be a list");
  for (const YAML::Node& node : sentences) {
    Result<GoldSentence> sentence = ReadSentence(path, node);
    if (!sentence.ok()) return sentence.error();
    article.sentences.push_back(sentence.take());
  }
  for (size_t i = 0; i < article.sentences.size(); ++i) {
    const int refers_to = article.sentences[i].refers_to;
    if (refers_to >= static_cast<int>(article.sentences.size())) {
      return NodeError(path, sentences[i]["refers_to"],
                       fmt::format("`refers_to: {}` points past the last sentence ({})", refers_to,
                                   article.sentences.size() - 1));
    }
  }
  return article;
}

GoldFolder ReadGoldFolder(const std::string& folder) {
  GoldFolder out;
  std::vector<std::string> paths;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".gold.yaml") && !entry.is_directory())
      paths.push_back(entry.path().string());
  }
  if (error) {
    out.errors.push_back(
        Error::InFile(ErrorCode::kIo, folder, "cannot list the folder: " + error.message()));
    return out;
  }
  // Byte order of UTF-8 names is code point order, the order Python's sorted() gives.
  std::sort(paths.begin(), paths.end());
  for (const std::string& path : paths) {
    Result<GoldArticle> article = ReadGoldFile(path);
    if (article.ok()) {
      out.articles.push_back(article.take());
    } else {
      out.errors.push_back(article.error());
    }
  }
  return out;
}

}  // namespace audit
