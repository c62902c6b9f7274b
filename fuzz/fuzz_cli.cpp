// libFuzzer target: the command line. The input is split into arguments at NUL bytes (up to
// 64) and parsed as `unknot <arguments>` would be. The parse must never throw, a mistake exits 1
// and says so, help and version exit 0, what is printed is bounded by what was typed and holds
// no raw control characters, and a parsed command names its data folder consistently.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_line.h"
#include "fuzz/fuzz_check.h"

namespace {

bool has_raw_control(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n') || byte == 0x7f) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace unknot;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> arguments{"unknot"};
  for (std::size_t start = 0; start <= input.size() && arguments.size() <= 64;) {
    const std::size_t end = std::min(input.find('\0', start), input.size());
    arguments.emplace_back(input.substr(start, end - start));
    start = end + 1;
  }
  std::vector<const char*> argv;
  for (const std::string& argument : arguments) argv.push_back(argument.c_str());

  std::ostringstream out, err;
  auto parsed = cli::parse_command_line(static_cast<int>(argv.size()), argv.data(), out, err);
  const std::string said = out.str() + err.str();
  if (!parsed.line) {
    fuzz::require(parsed.exit_code == 0 || parsed.exit_code == 1, "an exit code other than 0/1");
    fuzz::require(parsed.exit_code == 0 || !err.str().empty(), "a mistake explained nowhere");
  } else {
    fuzz::require(said.empty(), "a command line that parsed printed something");
    // A subcommand without a data folder of its own reads the app's.
    cli::CommandLine& line = *parsed.line;
    if (const std::filesystem::path* dir = cli::command_data_dir(line);
        dir && line.command != cli::Command::App)
      fuzz::require(!dir->empty() || line.app.data_dir.empty(), "the app's data folder lost");
  }
  fuzz::require(!has_raw_control(said), "a raw control character printed to the terminal");
  // Help text is long but fixed; anything else grows at most by what was typed (escaped: x4).
  fuzz::require(said.size() <= 16384 + 4 * size, "output out of proportion to the input");
  return 0;
}
