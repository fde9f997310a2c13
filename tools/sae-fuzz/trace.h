// Differential-fuzzing traces, version 2 (docs/trace-format.md is the specification): reading
// (version 1 too), writing, and the initial guest memory a case describes. Portable C++20 on
// purpose — no libsae, no Unicorn — because every reference program links this file: the
// host-native Unicorn reference, the static arm64 runner, and sae-fuzz itself on s390x.
#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sae::fuzz {

inline constexpr int kTraceVersion = 2;
// Traces of this version and later, up to kTraceVersion, are read.
inline constexpr int kOldestTraceVersion = 1;

// What writers use (docs/trace-format.md, "Lines").
inline constexpr std::uint64_t kWindowBase = 0x10000;
inline constexpr std::uint64_t kWindowSize = 0x10000;
inline constexpr std::uint64_t kFillSize = 0x4000;  // SplitMix64 bytes at the window's start
inline constexpr std::uint64_t kCodeAddress = kWindowBase + 0x8000;
inline constexpr std::uint32_t kStopWord = 0x000005ae;  // UDF #0x5ae

enum class Stop { kStop, kFault, kUndefined, kException, kTimeout };

std::string_view StopName(Stop stop);

// One SIMD&FP register as the control block holds it: bits 63:0, then bits 127:64.
using VectorRegister = std::array<std::uint64_t, 2>;

struct Registers {
  std::array<std::uint64_t, 31> x{};
  std::uint64_t sp = 0;
  std::uint64_t nzcv = 0;  // PSTATE bits 31:28 in place
  std::uint64_t tpidr_el0 = 0;
  std::array<VectorRegister, 32> v{};
  std::uint32_t fpcr = 0;
  std::uint32_t fpsr = 0;
  bool operator==(const Registers&) const = default;
};

// A maximal run of window bytes that differ from the initial contents at the end of a case.
struct WrittenBytes {
  std::uint64_t address = 0;
  std::vector<std::uint8_t> bytes;
  bool operator==(const WrittenBytes&) const = default;
};

// What a reference (or libsae) ended with: the `out` line and the `write` lines.
struct Outcome {
  Registers registers;
  std::uint64_t pc = 0;
  Stop stop = Stop::kStop;
  std::vector<WrittenBytes> writes;
  bool operator==(const Outcome&) const = default;
};

struct Case {
  std::uint64_t id = 0;
  std::string class_name;  // informative: the generator's class
  std::uint64_t window_base = kWindowBase;
  std::uint64_t window_size = kWindowSize;
  std::uint64_t fill_seed = 0;
  std::uint64_t code_address = kCodeAddress;
  std::vector<std::uint32_t> code;
  Registers in;
  std::optional<Outcome> out;
};

// One SplitMix64 step (Steele, Lea, Flood 2014): `state` advances by the golden gamma.
std::uint64_t SplitMix64(std::uint64_t& state);

// The window's contents before the case runs: fill, stop words, then the code over them.
std::vector<std::uint8_t> InitialWindow(const Case& c);

// The maximal runs of bytes where `final_window` differs from `initial_window`, in address order.
std::vector<WrittenBytes> WrittenRuns(const std::vector<std::uint8_t>& initial_window,
                                      const std::vector<std::uint8_t>& final_window,
                                      std::uint64_t window_base);

// A malformed or unsupported trace. what() is one line: "line N: what is wrong".
class TraceError : public std::runtime_error {
 public:
  TraceError(std::size_t line, const std::string& message);
  std::size_t line() const { return line_; }

 private:
  std::size_t line_;
};

// Reads cases one at a time, so a reference can answer each case of a stream before the next
// one arrives. The header is checked on the first call of Next().
class TraceReader {
 public:
  explicit TraceReader(std::istream& in) : in_(in) {}
  // The next case, or nullopt at the end of the input. Throws TraceError.
  std::optional<Case> Next();

 private:
  // The next line that is not a comment, split at spaces; empty at the end of the input.
  std::vector<std::string_view> NextRecord();
  [[noreturn]] void Fail(const std::string& message) const;

  std::istream& in_;
  std::string line_text_;
  std::size_t line_ = 0;
  int version_ = 0;  // 0 until the header is read
};

// Writes the header on construction (after `comment` lines, if any), then one case per Write().
// Flushing is the caller's choice: a streaming reference flushes after every case.
class TraceWriter {
 public:
  explicit TraceWriter(std::ostream& out, std::string_view comment = {});
  void Write(const Case& c);

 private:
  std::ostream& out_;
};

}  // namespace sae::fuzz
