// re2_threads: what it costs two threads to search with one RE2 object, against one thread, and
// against two threads with a copy each. bench/run runs it on the huge article with the cue
// pattern grep uses and reports the ratios beside the all-cores figure, because they explain it:
// every DFA search takes the reader lock of that RE2's state cache, and two cores taking the same
// lock pass its cache line back and forth on every search.
//
// Usage: re2_threads PATTERN FILE. Prints one line of JSON: the CPU seconds one thread spends on
// its share of searches alone ("one"), beside another thread searching with the same RE2
// ("shared"), and beside another with a copy of its own ("own"); each the least of five tries.
#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

// Passes over the text per measurement: enough for tens of milliseconds, where the clock's
// granularity and one interruption no longer count.
constexpr int kPasses = 10;

double ThreadCpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Searches every sentence of `sentences` with `re`, kPasses times; returns the thread's CPU
// seconds.
double SearchAll(const std::vector<std::string_view>& sentences, const RE2& re, size_t* hits) {
  const double start = ThreadCpuSeconds();
  for (int pass = 0; pass < kPasses; ++pass) {
    for (std::string_view s : sentences) {
      if (RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), re)) ++*hits;
    }
  }
  return ThreadCpuSeconds() - start;
}

// The mean CPU seconds of `threads` threads each searching all sentences, with one shared RE2 or
// one each.
double Run(const std::vector<std::string_view>& sentences, const std::string& pattern, int threads,
           bool shared) {
  const RE2 common(pattern);
  std::vector<std::unique_ptr<RE2>> own;
  for (int t = 0; t < threads; ++t) own.push_back(std::make_unique<RE2>(pattern));
  // Warm every DFA first, so that both modes measure searching, not building states.
  size_t hits = 0;
  SearchAll(sentences, common, &hits);
  for (const auto& re : own) SearchAll(sentences, *re, &hits);
  std::vector<double> seconds(static_cast<size_t>(threads));
  std::vector<size_t> counts(static_cast<size_t>(threads));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      const RE2& re = shared ? common : *own[static_cast<size_t>(t)];
      seconds[static_cast<size_t>(t)] = SearchAll(sentences, re, &counts[static_cast<size_t>(t)]);
    });
  }
  for (std::thread& t : pool) t.join();
  double sum = 0;
  for (double s : seconds) sum += s;
  return sum / threads;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: re2_threads PATTERN FILE\n");
    return 2;
  }
  const std::string pattern = argv[1];
  if (!RE2(pattern).ok()) {
    std::fprintf(stderr, "re2_threads: the pattern does not compile\n");
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  text.resize(std::min<size_t>(text.size(), size_t{4} << 20));
  std::vector<std::string_view> sentences;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('.', pos);
    if (end == std::string::npos) end = text.size();
    sentences.emplace_back(text.data() + pos, end - pos);
    pos = end + 1;
  }
  if (sentences.empty()) {
    std::fprintf(stderr, "re2_threads: %s is empty\n", argv[2]);
    return 2;
  }
  double one = 1e9, shared = 1e9, own = 1e9;
  for (int attempt = 0; attempt < 5; ++attempt) {
    one = std::min(one, Run(sentences, pattern, 1, true));
    shared = std::min(shared, Run(sentences, pattern, 2, true));
    own = std::min(own, Run(sentences, pattern, 2, false));
  }
  std::printf("{\"one\": %.4f, \"shared\": %.4f, \"own\": %.4f}\n", one, shared, own);
  return 0;
}
