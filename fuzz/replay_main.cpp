// Runs a fuzz target over kept inputs without libFuzzer: every file given, and every file in
// every folder given. The regular test build uses it, so each corpus and crash input stays a
// regression test under GCC and the sanitizers.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void run_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  int runs = 0;
  for (int i = 1; i < argc; ++i) {
    const fs::path given = argv[i];
    if (fs::is_directory(given)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::recursive_directory_iterator(given)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& file : files) {
        run_file(file);
        ++runs;
      }
    } else if (fs::is_regular_file(given)) {
      run_file(given);
      ++runs;
    } else {
      std::fprintf(stderr, "replay: %s is neither a file nor a folder\n", argv[i]);
      return 1;
    }
  }
  std::printf("replay: %d inputs, no failure\n", runs);
  // No inputs at all means the corpus went missing: that is a failure, not a pass.
  return runs > 0 ? 0 : 1;
}
