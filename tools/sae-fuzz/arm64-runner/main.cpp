// sae-fuzz-arm64-runner: the arm64-native reference of the differential fuzzer. Reads a trace
// (docs/trace-format.md) on stdin, executes every case on the CPU it runs on — real arm64
// hardware, or qemu-aarch64 — and writes the trace with `out` and `write` lines on stdout, one
// case at a time, so it can answer a stream.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string_view>

#include "native_executor.h"
#include "trace.h"

namespace sae::fuzz::arm64_runner {
namespace {

constexpr char kUsage[] =
    "Usage: sae-fuzz-arm64-runner [--timeout-ms N] < TRACE > TRACE\n"
    "Executes each case of a trace on this CPU and writes the trace with its results.\n"
    "  --timeout-ms N  CPU time a case may use before it is reported as `timeout` (default 200)\n"
    "SVC is never executed (it would be a real system call): a case stops at it with\n"
    "`exception`, as BRK does.\n"
    "Under qemu-aarch64, use a CPU like libsae's: qemu-aarch64 -cpu max,pauth=off,sve=off.\n";

[[noreturn]] void UsageError(std::string_view message) {
  std::fprintf(stderr, "sae-fuzz-arm64-runner: %.*s (try --help)\n",
               static_cast<int>(message.size()), message.data());
  std::exit(2);
}

unsigned ParseTimeout(int argc, char** argv) {
  unsigned timeout_ms = 200;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--help") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    }
    if (argument != "--timeout-ms") UsageError("unknown argument '" + std::string(argument) + "'");
    if (++i == argc) UsageError("--timeout-ms needs a number of milliseconds");
    const std::string_view value = argv[i];
    const auto result = std::from_chars(value.data(), value.data() + value.size(), timeout_ms);
    if (result.ec != std::errc() || result.ptr != value.data() + value.size() || timeout_ms == 0) {
      UsageError("--timeout-ms needs a positive number of milliseconds, not '" +
                 std::string(value) + "'");
    }
  }
  return timeout_ms;
}

// WrittenRuns over the parts of the window that changed, found by comparing chunks with memcmp:
// comparing all of it byte by byte takes most of a case's time under qemu-aarch64. Runs cannot
// cross an unchanged chunk, so each group of adjacent changed chunks is done on its own.
std::vector<WrittenBytes> WindowWrites(const std::vector<std::uint8_t>& initial,
                                       std::span<const std::uint8_t> window, std::uint64_t base) {
  constexpr std::size_t kChunk = 256;
  const auto changed = [&](std::size_t offset) {
    return std::memcmp(initial.data() + offset, window.data() + offset, kChunk) != 0;
  };
  std::vector<WrittenBytes> writes;
  for (std::size_t begin = 0; begin < window.size(); begin += kChunk) {
    if (!changed(begin)) continue;
    std::size_t end = begin + kChunk;
    while (end < window.size() && changed(end)) end += kChunk;
    const std::vector<std::uint8_t> before(initial.begin() + begin, initial.begin() + end);
    const std::vector<std::uint8_t> after(window.begin() + begin, window.begin() + end);
    for (WrittenBytes& run : WrittenRuns(before, after, base + begin)) {
      writes.push_back(std::move(run));
    }
    begin = end;  // and the loop steps over the chunk at `end`, which is unchanged
  }
  return writes;
}

Outcome Execute(NativeExecutor& executor, const Case& c) {
  const std::vector<std::uint8_t> initial = InitialWindow(c);
  const std::span<std::uint8_t> window = executor.window();
  std::copy(initial.begin(), initial.end(), window.begin());
  Outcome outcome = executor.Run(c.code_address, c.in);
  outcome.writes = WindowWrites(initial, window, c.window_base);
  return outcome;
}

int Main(int argc, char** argv) {
  const unsigned timeout_ms = ParseTimeout(argc, argv);
  NativeExecutor executor(kWindowBase, kWindowSize, timeout_ms);
  std::ios::sync_with_stdio(false);
  TraceReader reader(std::cin);
  TraceWriter writer(std::cout);
  try {
    while (std::optional<Case> c = reader.Next()) {
      if (c->window_base != kWindowBase || c->window_size != kWindowSize) {
        std::fprintf(stderr,
                     "sae-fuzz-arm64-runner: case %llu: only the window 10000 10000 exists\n",
                     static_cast<unsigned long long>(c->id));
        return 2;
      }
      c->out = Execute(executor, *c);
      writer.Write(*c);
      std::cout.flush();
    }
  } catch (const TraceError& error) {
    std::fprintf(stderr, "sae-fuzz-arm64-runner: %s\n", error.what());
    return 2;
  }
  return 0;
}

}  // namespace
}  // namespace sae::fuzz::arm64_runner

int main(int argc, char** argv) { return sae::fuzz::arm64_runner::Main(argc, argv); }
