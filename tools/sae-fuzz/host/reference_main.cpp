// sae-fuzz-reference: Unicorn 2 as a reference for sae-fuzz, built for the build machine itself
// (x86-64 here), where Unicorn has none of its big-endian-host bugs and runs ten times faster
// than its s390x build under qemu. Reads a trace on stdin and writes it back on stdout with each
// case's `out` and `write` lines, flushing after every case, so sae-fuzz can stream cases to it.
#include <cstdio>
#include <iostream>
#include <string_view>

#include "trace.h"
#include "unicorn_reference.h"

int main(int argc, char** argv) {
  using namespace sae::fuzz;
  if (argc > 1) {
    const std::string_view argument = argv[1];
    if (argument == "--help") {
      std::puts(
          "Usage: sae-fuzz-reference < TRACE > TRACE\n"
          "Runs each case of a trace on Unicorn (arm64 \"max\" CPU, EL0) and writes the trace\n"
          "back with the results (docs/trace-format.md).");
      return 0;
    }
    std::fprintf(stderr, "sae-fuzz-reference: unexpected argument '%s' (try --help)\n", argv[1]);
    return 2;
  }
  std::ios::sync_with_stdio(false);
  UnicornReference unicorn;
  if (!unicorn.error().empty()) {
    std::fprintf(stderr, "sae-fuzz-reference: %s\n", unicorn.error().c_str());
    return 1;
  }
  unsigned major = 0, minor = 0;
  uc_version(&major, &minor);
  TraceWriter writer(std::cout, "results of Unicorn " + std::to_string(major) + "." +
                                    std::to_string(minor) + " (host-native sae-fuzz-reference)");
  std::cout.flush();
  try {
    TraceReader reader(std::cin);
    while (auto c = reader.Next()) {
      c->out = unicorn.Run(*c);
      writer.Write(*c);
      std::cout.flush();
    }
  } catch (const TraceError& e) {
    std::fprintf(stderr, "sae-fuzz-reference: %s\n", e.what());
    return 2;
  }
  return 0;
}
