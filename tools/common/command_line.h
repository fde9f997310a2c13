// The command-line conventions of libsae's tools: --help and --version print and exit 0; any
// other mistake is one line on stderr, "TOOL: what (try --help)", and exit status 2.
#pragma once

#include <cstdio>
#include <optional>

#include <CLI/CLI.hpp>

namespace sae::tools {

// Parses the command line; returns the status to exit with when the tool must not go on.
inline std::optional<int> ParseCommandLine(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "%s: %s (try --help)\n", app.get_name().c_str(), e.what());
    return 2;
  }
  return std::nullopt;
}

}  // namespace sae::tools
