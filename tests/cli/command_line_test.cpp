// The command line as main() sees it: which command runs, with which options, and how a
// mistake is answered.
#include "cli/command_line.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

namespace unknot::cli {
namespace {

struct Said {
  ParsedCommandLine parsed;
  std::string out, err;
};

Said parse(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), "unknot");
  std::vector<const char*> argv;
  for (const std::string& argument : arguments) argv.push_back(argument.c_str());
  std::ostringstream out, err;
  Said said{parse_command_line(static_cast<int>(argv.size()), argv.data(), out, err), {}, {}};
  said.out = out.str();
  said.err = err.str();
  return said;
}

TEST_CASE("no subcommand starts the app with its options") {
  const Said said =
      parse({"--data-dir", "/tmp/d", "--theme", "dark", "--scale", "1.5", "x.unknot"});
  REQUIRE(said.parsed.line);
  const CommandLine& line = *said.parsed.line;
  CHECK(line.command == Command::App);
  CHECK(line.app.data_dir == "/tmp/d");
  CHECK(line.app.theme == "dark");
  CHECK(line.app.scale == doctest::Approx(1.5));
  CHECK(line.app.open_file == "x.unknot");
}

TEST_CASE("a subcommand without a data folder of its own takes the app's") {
  Said said = parse({"--data-dir", "/tmp/app", "history"});
  REQUIRE(said.parsed.line);
  CommandLine& line = *said.parsed.line;
  CHECK(line.command == Command::History);
  const std::filesystem::path* dir = command_data_dir(line);
  REQUIRE(dir);
  CHECK(*dir == "/tmp/app");
  CHECK(line.history.data_dir == "/tmp/app");

  Said own =
      parse({"--data-dir", "/tmp/app", "export", "--csv", "out.csv", "--data-dir", "/tmp/own"});
  REQUIRE(own.parsed.line);
  CHECK(own.parsed.line->command == Command::Export);
  CHECK(*command_data_dir(*own.parsed.line) == "/tmp/own");
}

TEST_CASE("commands that read no data folder have none") {
  Said said = parse({"check", "plan.unknot"});
  REQUIRE(said.parsed.line);
  CHECK(said.parsed.line->command == Command::Check);
  CHECK(command_data_dir(*said.parsed.line) == nullptr);
}

TEST_CASE("help and version exit 0 on standard output, a mistake exits 1 on standard error") {
  const Said help = parse({"--help"});
  CHECK_FALSE(help.parsed.line);
  CHECK(help.parsed.exit_code == 0);
  CHECK(help.out.find("--data-dir") != std::string::npos);
  CHECK(help.err.empty());

  const Said version = parse({"--version"});
  CHECK(version.parsed.exit_code == 0);
  CHECK(version.out.rfind("unknot ", 0) == 0);

  for (const auto& wrong : std::vector<std::vector<std::string>>{
           {"--theme", "purple"}, {"--scale", "9"}, {"--frobnicate"}, {"history", "--weeks"}}) {
    CAPTURE(wrong.front());
    const Said said = parse(wrong);
    CHECK_FALSE(said.parsed.line);
    CHECK(said.parsed.exit_code == 1);
    CHECK_FALSE(said.err.empty());
  }
}

TEST_CASE("an argument with escape codes is printed escaped in the error") {
  const Said said = parse({"--\x1b]0;title\x07"});
  CHECK(said.parsed.exit_code == 1);
  CHECK(said.err.find('\x1b') == std::string::npos);
  CHECK(said.err.find('\x07') == std::string::npos);
  CHECK(said.err.find("\\x1b]0;title\\x07") != std::string::npos);
}

}  // namespace
}  // namespace unknot::cli
