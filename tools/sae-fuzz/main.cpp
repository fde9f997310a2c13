// sae-fuzz: differential fuzzing of libsae against a reference arm64 implementation. Generates
// cases from the decoder's table (or replays a trace), runs each on the reference and on libsae
// through its public C API, and prints a reproducer for every case where they differ.
#include <unistd.h>

#include <bit>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "frontend/arm64/decoder/decoder.h"
#include "generate.h"
#include "libsae_runner.h"
#include "reference.h"
#include "reference_bugs.h"
#include "support/llvm_disassembler.h"
#include "trace.h"

namespace sae::fuzz {
namespace {

constexpr char kProgram[] = "sae-fuzz";
// Bytes at each end of the window that a store which faulted part-way may leave UNKNOWN.
constexpr std::uint64_t kUnknownAfterFault = 64;

[[noreturn]] void UsageError(const std::string& message) {
  std::fprintf(stderr, "%s: %s (try --help)\n", kProgram, message.c_str());
  std::exit(2);
}

struct Options {
  std::uint64_t seed = 1;
  std::optional<std::uint64_t> iterations;
  std::string case_class = "all";
  unsigned block_length = 1;
  std::vector<std::string> reference = {"unicorn"};
  std::string write_corpus;
  std::string save_failures;
  std::string corpus_from = "unicorn";
  unsigned timeout_ms = 10000;
  unsigned max_reports = 10;
};

// Why a case was not compared, or its mismatch not counted (docs/trace-format.md, "Comparing").
enum Skip {
  kReferenceTimeout,
  kReferenceDied,
  kNotTranslated,
  kImplementationDefined,
  kConstrainedUnpredictable,
  kLinuxProcess,
  kOutsideTable,
  kSkipCount
};
constexpr const char* kSkipNames[kSkipCount] = {"reference timeout",
                                                "reference died",
                                                "not translated",
                                                "implementation-defined",
                                                "constrained unpredictable",
                                                "not comparable with a Linux process",
                                                "outside libsae's A64 table"};

struct Counts {
  std::uint64_t passed = 0, failed = 0;
  // Instructions of the passed cases up to where each stopped (an exception, a fault, the stop
  // word): the generated ones a case never reached are not counted.
  std::uint64_t instructions_reached = 0;
  std::map<std::string_view, std::uint64_t> reference_bugs;  // by name
  std::uint64_t skipped[kSkipCount] = {};
};

// Which known bugs and differences apply to the reference.
struct ReferenceKind {
  enum { kUnicorn, kQemuAarch64, kLinuxOnHardware } kind = kUnicorn;
  bool big_endian_host = false;

  const ReferenceBug* KnownBug(std::uint32_t word, std::optional<std::uint64_t> base,
                               bool in_longer_block, BugFilter filter = nullptr) const {
    switch (kind) {
      case kUnicorn:
        return UnicornBugAffecting(word, base, big_endian_host, in_longer_block, filter);
      case kQemuAarch64:
        return QemuAarch64BugAffecting(word, base, filter);
      default:
        return nullptr;
    }
  }
  bool linux_process() const { return kind != kUnicorn; }
};

__attribute__((format(printf, 1, 2))) std::string Format(const char* format, ...) {
  char text[256];
  va_list arguments;
  va_start(arguments, format);
  std::vsnprintf(text, sizeof text, format, arguments);
  va_end(arguments);
  return text;
}

// The window's final bytes as an outcome describes them.
std::vector<std::uint8_t> FinalWindow(const Case& c, const Outcome& outcome) {
  std::vector<std::uint8_t> window = InitialWindow(c);
  for (const WrittenBytes& run : outcome.writes) {
    std::copy(run.bytes.begin(), run.bytes.end(), window.begin() + (run.address - c.window_base));
  }
  return window;
}

// The word at `address` when libsae stopped, if it is inside the window.
std::optional<std::uint32_t> WordAt(const Case& c, const Outcome& outcome, std::uint64_t address) {
  if (address < c.window_base || address - c.window_base + 4 > c.window_size) return std::nullopt;
  const std::vector<std::uint8_t> window = FinalWindow(c, outcome);
  const std::uint8_t* bytes = window.data() + (address - c.window_base);
  return bytes[0] | bytes[1] << 8 | bytes[2] << 16 | static_cast<std::uint32_t>(bytes[3]) << 24;
}

// Equal but for what an access that faulted part-way may leave UNKNOWN (Arm ARM: a load or
// store that takes a Data Abort): the bytes of a store (Unicorn writes the part that fits below
// the window's end, libsae none of it) and the V registers of a SIMD&FP load (QEMU writes those
// it loaded before the fault, libsae none).
bool SameUpToUnknownState(const Case& c, const Outcome& reference, const Outcome& ours) {
  if (reference.stop != Stop::kFault || ours.stop != Stop::kFault || reference.pc != ours.pc) {
    return false;
  }
  const std::optional<std::uint32_t> word = WordAt(c, ours, ours.pc);
  const std::uint32_t unknown_v = word ? VectorRegistersLoaded(*word) : 0;
  Registers their_registers = reference.registers;
  for (std::size_t n = 0; n < their_registers.v.size(); ++n) {
    if ((unknown_v >> n & 1) != 0) their_registers.v[n] = ours.registers.v[n];
  }
  if (their_registers != ours.registers) return false;
  std::vector<std::uint8_t> theirs = FinalWindow(c, reference), mine = FinalWindow(c, ours);
  const std::vector<std::uint8_t> initial = InitialWindow(c);
  const std::uint64_t edge = std::min(kUnknownAfterFault, c.window_size);
  for (std::uint64_t offset = 0; offset < edge; ++offset) {
    theirs[offset] = mine[offset] = initial[offset];
    const std::uint64_t top = c.window_size - 1 - offset;
    theirs[top] = mine[top] = initial[top];
  }
  return theirs == mine;
}

bool WritesCode(const Case& c, const Outcome& outcome) {
  const std::uint64_t begin = c.code_address, end = c.code_address + 4 * c.code.size() + 4;
  for (const WrittenBytes& run : outcome.writes) {
    if (run.address < end && run.address + run.bytes.size() > begin) return true;
  }
  return false;
}

// Why a mismatch is no fault of libsae's, if it is not.
std::optional<Skip> WhyNotComparable(const Case& c, const LibsaeResult& ours,
                                     const ReferenceKind& reference) {
  if (ours.not_translated) return kNotTranslated;
  for (const std::uint32_t word : c.code) {
    if (ReadsImplementationDefinedRegister(word) || ZeroesImplementationDefinedBlock(word)) {
      return kImplementationDefined;
    }
  }
  // UNDEFINED in libsae at a word of no encoding in its table, which the reference ran: an
  // extension the guest lacks (Unicorn's max CPU has FEAT_LOR, MTE...), or an encoding whose
  // should-be-one fields are not, which is CONSTRAINED UNPREDICTABLE.
  if (ours.outcome.stop == Stop::kUndefined &&
      !(c.out->stop == Stop::kUndefined && c.out->pc == ours.outcome.pc)) {
    const std::optional<std::uint32_t> word = WordAt(c, ours.outcome, ours.outcome.pc);
    if (word && !frontend::arm64::DecodeEncoding(*word)) return kOutsideTable;
  }
  // A store-exclusive of another size than the load-exclusive before it: CONSTRAINED
  // UNPREDICTABLE whether it succeeds (libsae fails it, QEMU lets it pass).
  unsigned loaded = 0;
  for (const std::uint32_t word : c.code) {
    const unsigned stored = StoreExclusiveSize(word);
    if (loaded != 0 && stored != 0 && stored != loaded) return kConstrainedUnpredictable;
    if (LoadExclusiveSize(word) != 0) loaded = LoadExclusiveSize(word);
  }
  // Without cache maintenance, a store into code is CONSTRAINED UNPREDICTABLE.
  if (WritesCode(c, *c.out) || WritesCode(c, ours.outcome)) return kConstrainedUnpredictable;
  if (reference.linux_process()) {
    // On a CPU with FEAT_PAuth they branch; qemu-aarch64 runs without it, as the guest has.
    for (const std::uint32_t word : c.code) {
      if (reference.kind == ReferenceKind::kLinuxOnHardware && IsAuthenticatedBranch(word)) {
        return kLinuxProcess;
      }
    }
    // Linux has top-byte-ignore on for EL0; libsae (like Unicorn here) does not: a tagged
    // address faults on libsae only.
    const bool tagged = (ours.far >> 56) != 0 || (ours.outcome.pc >> 56) != 0;
    if (ours.outcome.stop == Stop::kFault && c.out->stop != Stop::kFault && tagged) {
      return kLinuxProcess;
    }
    if (ours.outcome.stop == Stop::kFault && c.out->stop == Stop::kFault &&
        (ours.outcome.pc >> 56) != 0 && (c.out->pc >> 56) == 0) {
      return kLinuxProcess;  // a branch to a tagged address: Linux strips the tag from the PC
    }
  }
  return std::nullopt;
}

bool ShowsAsLibsaeFault(const ReferenceBug& bug) { return bug.shows == Shows::kFaultOnLibsaeOnly; }
bool ShowsAsReferenceFault(const ReferenceBug& bug) {
  return bug.shows == Shows::kFaultOnReferenceOnly;
}
bool ShowsAsAnyDifference(const ReferenceBug& bug) { return bug.shows == Shows::kAnyDifference; }
// What the generator never draws: a word that kills the reference; in longer blocks, where a
// mismatch cannot be pinned on one instruction, a word of any bug no fault gives away.
bool AvoidedInLongerBlocks(const ReferenceBug& bug) {
  return bug.kills_reference || bug.shows == Shows::kAnyDifference;
}
bool KillsReference(const ReferenceBug& bug) { return bug.kills_reference; }

// The known bug of the reference that explains the mismatch, if one does.
const ReferenceBug* KnownBugExplaining(const Case& c, const Outcome& ours,
                                       const ReferenceKind& reference) {
  const bool longer_block = c.code.size() > 1;
  for (std::size_t i = 0; i < c.code.size(); ++i) {
    const std::uint32_t word = c.code[i];
    // The registers are known before the first instruction only; without them, a bug that
    // shows as a fault is recognised below by where it faulted.
    const std::optional<std::uint64_t> base =
        i == 0 ? std::optional(BaseRegisterValue(word, c.in.x, c.in.sp)) : std::nullopt;
    const ReferenceBug* bug =
        base ? reference.KnownBug(word, base, longer_block)
             : reference.KnownBug(word, base, longer_block, ShowsAsAnyDifference);
    if (bug != nullptr) return bug;
  }
  // One side took a fault where the other went on: the instruction there, in the code or in
  // data a branch reached, with a bug that shows so.
  const auto fault_only_on = [&](const Outcome& faulted, const Outcome& other,
                                 BugFilter shows) -> const ReferenceBug* {
    if (faulted.stop != Stop::kFault || (other.stop == Stop::kFault && other.pc == faulted.pc)) {
      return nullptr;
    }
    const std::optional<std::uint32_t> word = WordAt(c, faulted, faulted.pc);
    return word ? reference.KnownBug(*word, std::nullopt, longer_block, shows) : nullptr;
  };
  const ReferenceBug* bug = fault_only_on(ours, *c.out, ShowsAsLibsaeFault);
  return bug != nullptr ? bug : fault_only_on(*c.out, ours, ShowsAsReferenceFault);
}

class Reporter {
 public:
  Reporter(const Options& options, std::string reference_name)
      : options_(options),
        reference_name_(std::move(reference_name)),
        disassembler_("aarch64-linux-gnu", "",
                      "+v8.5a,+lse,+crc,+flagm,+pauth,+fullfp16,+aes,+sha2,+sha3,+sm4"),
        dumper_(options.timeout_ms, SAE_VM_DUMP_GUEST | SAE_VM_DUMP_IR | SAE_VM_DUMP_HOST) {}

  void Report(const Case& c, const LibsaeResult& ours, std::uint64_t number) {
    if (!options_.save_failures.empty()) Save(c);
    if (number > options_.max_reports) return;
    std::string text =
        "FAIL: case " + std::to_string(c.id) + " (" + c.class_name + ", " +
        (options_.reference[0] == "corpus" ? options_.reference[1]
                                           : "seed " + std::to_string(options_.seed)) +
        ")\n  code:\n";
    for (std::size_t i = 0; i < c.code.size(); ++i) {
      const std::uint32_t word = c.code[i];
      const std::uint8_t bytes[4] = {
          static_cast<std::uint8_t>(word), static_cast<std::uint8_t>(word >> 8),
          static_cast<std::uint8_t>(word >> 16), static_cast<std::uint8_t>(word >> 24)};
      const auto disassembly = disassembler_.Disassemble(bytes);
      text +=
          Format("    %llx: %08x  %s\n", static_cast<unsigned long long>(c.code_address + 4 * i),
                 word, disassembly ? disassembly->text.c_str() : "(not decoded by LLVM)");
    }
    // Of the V registers, those that differ at the end: they would drown the rest.
    std::uint32_t shown_v = 0;
    for (std::size_t n = 0; n < c.in.v.size(); ++n) {
      if (c.out->registers.v[n] != ours.outcome.registers.v[n]) shown_v |= 1u << n;
    }
    text += "  initial:   " + Describe(c.in, nullptr, shown_v) + "\n";
    text += "  reference: " + Describe(c.out->registers, &ours.outcome.registers, shown_v) +
            Format(" pc=%llx %s", static_cast<unsigned long long>(c.out->pc),
                   std::string(StopName(c.out->stop)).c_str()) +
            "\n";
    text += "  libsae:    " + Describe(ours.outcome.registers, &c.out->registers, shown_v) +
            Format(" pc=%llx %s", static_cast<unsigned long long>(ours.outcome.pc),
                   std::string(StopName(ours.outcome.stop)).c_str()) +
            "\n    (" + ours.intercept + ")\n";
    text += "  differs:" + Differences(*c.out, ours.outcome) + "\n";
    text += WriteDifferences(c, ours.outcome);
    text += "  libsae's translation (SAE_VM_DUMP_GUEST, _IR, _HOST), run again:\n" + Dump(c);
    text += "  replay: save the case below to a file and run ./sae-fuzz --reference corpus FILE\n";
    std::ostringstream trace;
    TraceWriter(trace, "reference: " + reference_name_).Write(c);
    text += trace.str();
    std::fputs(text.c_str(), stdout);
  }

 private:
  // All general registers, FPCR, FPSR and the V registers in `shown_v` (a mask); those that
  // differ from `other` marked with '*'.
  static std::string Describe(const Registers& r, const Registers* other, std::uint32_t shown_v) {
    std::string text;
    const auto one = [&](const char* name, std::uint64_t value, std::uint64_t other_value) {
      char item[48];
      std::snprintf(item, sizeof item, "%s%s=%llx ", other && value != other_value ? "*" : "", name,
                    static_cast<unsigned long long>(value));
      text += item;
    };
    for (std::size_t n = 0; n < r.x.size(); ++n) {
      one(("x" + std::to_string(n)).c_str(), r.x[n], other ? other->x[n] : 0);
    }
    one("sp", r.sp, other ? other->sp : 0);
    one("nzcv", r.nzcv >> 28, other ? other->nzcv >> 28 : 0);
    one("tpidr_el0", r.tpidr_el0, other ? other->tpidr_el0 : 0);
    one("fpcr", r.fpcr, other ? other->fpcr : 0);
    one("fpsr", r.fpsr, other ? other->fpsr : 0);
    for (std::size_t n = 0; n < r.v.size(); ++n) {
      if ((shown_v >> n & 1) == 0) continue;
      text += Format("%sv%zu=%016llx%016llx ", other && r.v[n] != other->v[n] ? "*" : "", n,
                     static_cast<unsigned long long>(r.v[n][1]),
                     static_cast<unsigned long long>(r.v[n][0]));
    }
    text.pop_back();
    return text;
  }

  // What differs, in a few words: "x3 nzcv pc stop memory".
  static std::string Differences(const Outcome& theirs, const Outcome& ours) {
    std::string text;
    for (std::size_t n = 0; n < theirs.registers.x.size(); ++n) {
      if (theirs.registers.x[n] != ours.registers.x[n]) text += " x" + std::to_string(n);
    }
    if (theirs.registers.sp != ours.registers.sp) text += " sp";
    if (theirs.registers.nzcv != ours.registers.nzcv) text += " nzcv";
    if (theirs.registers.tpidr_el0 != ours.registers.tpidr_el0) text += " tpidr_el0";
    for (std::size_t n = 0; n < theirs.registers.v.size(); ++n) {
      if (theirs.registers.v[n] != ours.registers.v[n]) text += " v" + std::to_string(n);
    }
    if (theirs.registers.fpcr != ours.registers.fpcr) text += " fpcr";
    if (theirs.registers.fpsr != ours.registers.fpsr) text += " fpsr";
    if (theirs.pc != ours.pc) text += " pc";
    if (theirs.stop != ours.stop) text += " stop";
    if (theirs.writes != ours.writes) text += " memory";
    return text;
  }

  static std::string WriteDifferences(const Case& c, const Outcome& ours) {
    const std::vector<std::uint8_t> theirs_window = FinalWindow(c, *c.out);
    const std::vector<std::uint8_t> our_window = FinalWindow(c, ours);
    std::string text;
    unsigned shown = 0;
    for (std::uint64_t offset = 0; offset < c.window_size && shown < 16; ++offset) {
      if (theirs_window[offset] == our_window[offset]) continue;
      text += Format("  memory %llx: reference %02x, libsae %02x\n",
                     static_cast<unsigned long long>(c.window_base + offset), theirs_window[offset],
                     our_window[offset]);
      ++shown;
    }
    return text;
  }

  // The block listings libsae writes to stderr while it runs `c` in a VM that dumps them.
  std::string Dump(const Case& c) {
    std::fflush(stderr);
    std::FILE* listing = std::tmpfile();
    const int saved_stderr = dup(2);
    if (listing == nullptr || saved_stderr < 0) return "    (cannot capture the listing)\n";
    dup2(fileno(listing), 2);
    dumper_.Run(c);
    std::fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    std::string text;
    std::rewind(listing);
    char line[512];
    while (std::fgets(line, sizeof line, listing) != nullptr) text += "    " + std::string(line);
    std::fclose(listing);
    return text;
  }

  void Save(const Case& c) {
    std::filesystem::create_directories(options_.save_failures);
    const std::string path = options_.save_failures + "/seed" + std::to_string(options_.seed) +
                             "-" + c.class_name + "-" + std::to_string(c.code.size()) + "-case" +
                             std::to_string(c.id) + ".trace";
    std::ofstream file(path);
    TraceWriter(file, "reference: " + reference_name_).Write(c);
  }

  const Options& options_;
  std::string reference_name_;
  test::LlvmDisassembler disassembler_;
  LibsaeRunner dumper_;
};

std::unique_ptr<Reference> MakeReference(const Options& options, ReferenceKind& kind_out) {
  const std::string& kind = options.reference[0];
  if (kind == "unicorn") {
    const char* path = std::getenv("SAE_FUZZ_REFERENCE");
    const std::string program = path != nullptr ? path : SAE_FUZZ_REFERENCE_PROGRAM;
    if (path != nullptr && !std::filesystem::exists(program)) {
      std::fprintf(stderr, "%s: SAE_FUZZ_REFERENCE names no program: %s\n", kProgram, path);
      std::exit(2);
    }
    if (std::filesystem::exists(program)) {
      auto reference = std::make_unique<ProcessReference>("unicorn (host-native)",
                                                          std::vector<std::string>{program});
      kind_out = {ReferenceKind::kUnicorn, false};
      if (reference->error().empty()) return reference;
      std::fprintf(stderr, "%s: %s\n", kProgram, reference->error().c_str());
      std::exit(1);
    }
    std::fprintf(stderr,
                 "%s: note: no host-native reference at %s (make build builds it); using Unicorn "
                 "in-process, with its big-endian bugs on the deny-list\n",
                 kProgram, program.c_str());
  }
  if (kind == "unicorn" || kind == "unicorn-inprocess") {
    auto reference = std::make_unique<InProcessUnicorn>();
    kind_out = {ReferenceKind::kUnicorn, std::endian::native == std::endian::big};
    if (!reference->error().empty()) {
      std::fprintf(stderr, "%s: %s\n", kProgram, reference->error().c_str());
      std::exit(1);
    }
    return reference;
  }
  // arm64: the runner under qemu-aarch64, on a CPU without the pointer authentication and SVE
  // libsae lacks (its PAC hints are NOPs, as in libsae), or the command SAE_FUZZ_ARM64_RUNNER
  // names (split at spaces; e.g. a wrapper that runs it on an arm64 machine).
  const char* command = std::getenv("SAE_FUZZ_ARM64_RUNNER");
  std::vector<std::string> argv;
  if (command == nullptr) {
    argv = {"qemu-aarch64", "-cpu", "max,pauth=off,sve=off", SAE_FUZZ_ARM64_RUNNER_PROGRAM};
  } else {
    std::istringstream words(command);
    for (std::string word; words >> word;) argv.push_back(word);
    if (argv.empty()) UsageError("SAE_FUZZ_ARM64_RUNNER is empty");
  }
  const bool qemu = std::filesystem::path(argv[0]).filename() == "qemu-aarch64";
  kind_out = {qemu ? ReferenceKind::kQemuAarch64 : ReferenceKind::kLinuxOnHardware, false};
  auto reference = std::make_unique<ProcessReference>(
      qemu ? "arm64 runner (qemu-aarch64)" : "arm64 runner", argv);
  if (!reference->error().empty()) {
    std::fprintf(stderr, "%s: %s\n", kProgram, reference->error().c_str());
    std::exit(1);
  }
  return reference;
}

int Fuzz(const Options& options) {
  std::optional<Generator> generator;
  std::ifstream corpus_file;
  std::optional<TraceReader> corpus;
  std::unique_ptr<Reference> reference;
  std::string reference_name;
  // A corpus's known bugs are those of the reference --corpus-from names.
  ReferenceKind reference_kind;
  if (options.corpus_from == "qemu-aarch64") reference_kind.kind = ReferenceKind::kQemuAarch64;
  if (options.corpus_from == "hardware") reference_kind.kind = ReferenceKind::kLinuxOnHardware;
  const bool replay = options.reference[0] == "corpus";
  if (replay) {
    corpus_file.open(options.reference[1]);
    if (!corpus_file) UsageError("cannot open corpus '" + options.reference[1] + "'");
    corpus.emplace(corpus_file);
    reference_name = "corpus " + options.reference[1];
  } else {
    reference = MakeReference(options, reference_kind);
    reference_name = reference->name();
    const bool longer_blocks = options.block_length > 1;
    generator.emplace(*ParseCaseClass(options.case_class), options.block_length, options.seed,
                      [=](std::uint32_t word) {
                        return reference_kind.KnownBug(word, std::nullopt, longer_blocks,
                                                       longer_blocks ? AvoidedInLongerBlocks
                                                                     : KillsReference) != nullptr;
                      });
  }
  std::ofstream corpus_out;
  std::optional<TraceWriter> corpus_writer;
  if (!options.write_corpus.empty()) {
    corpus_out.open(options.write_corpus);
    if (!corpus_out) UsageError("cannot write '" + options.write_corpus + "'");
    corpus_writer.emplace(corpus_out, "reference: " + reference_name);
  }

  LibsaeRunner libsae(options.timeout_ms);
  Reporter reporter(options, reference_name);
  Counts counts;
  const std::uint64_t limit = options.iterations.value_or(replay ? ~0ull : 1000);
  for (std::uint64_t n = 0; n < limit; ++n) {
    Case c;
    if (replay) {
      std::optional<Case> next;
      try {
        next = corpus->Next();
      } catch (const TraceError& e) {
        std::fprintf(stderr, "%s: %s: %s\n", kProgram, options.reference[1].c_str(), e.what());
        return 2;
      }
      if (!next) break;
      if (!next->out) {
        std::fprintf(stderr, "%s: %s: case %llu has no 'out' line (not a reference's result)\n",
                     kProgram, options.reference[1].c_str(),
                     static_cast<unsigned long long>(next->id));
        return 2;
      }
      c = std::move(*next);
    } else {
      c = generator->Next(n);
      if (!reference->Run(c)) {
        if (++counts.skipped[kReferenceDied] <= options.max_reports) {
          std::string words;
          for (const std::uint32_t word : c.code) words += Format(" %08x", word);
          std::fprintf(stderr, "%s: the reference died on case %llu, code%s\n", kProgram,
                       static_cast<unsigned long long>(c.id), words.c_str());
        }
        continue;
      }
    }
    if (corpus_writer) corpus_writer->Write(c);
    if (c.out->stop == Stop::kTimeout) {
      ++counts.skipped[kReferenceTimeout];
      continue;
    }
    const LibsaeResult ours = libsae.Run(c);
    if (ours.outcome == *c.out || SameUpToUnknownState(c, *c.out, ours.outcome)) {
      ++counts.passed;
      const std::uint64_t end = c.code_address + 4 * c.code.size();
      const std::uint64_t stop = c.out->pc >= c.code_address && c.out->pc <= end ? c.out->pc : end;
      counts.instructions_reached += (stop - c.code_address) / 4;
      continue;
    }
    // Mismatches that are not libsae's fault.
    const std::optional<Skip> skip = WhyNotComparable(c, ours, reference_kind);
    if (skip) {
      ++counts.skipped[*skip];
      continue;
    }
    if (const ReferenceBug* bug = KnownBugExplaining(c, ours.outcome, reference_kind)) {
      ++counts.reference_bugs[bug->name];
    } else {
      reporter.Report(c, ours, ++counts.failed);
    }
  }

  if (counts.failed > options.max_reports) {
    std::printf("(%llu more failures not shown)\n",
                static_cast<unsigned long long>(counts.failed - options.max_reports));
  }
  std::uint64_t skipped = 0;
  std::string reasons;
  for (int reason = 0; reason < kSkipCount; ++reason) {
    skipped += counts.skipped[reason];
    if (counts.skipped[reason] == 0) continue;
    reasons += Format("%s%s %llu", reasons.empty() ? " (" : ", ", kSkipNames[reason],
                      static_cast<unsigned long long>(counts.skipped[reason]));
  }
  if (!reasons.empty()) reasons += ")";
  std::uint64_t reference_bugs = 0;
  std::string bugs;
  for (const auto& [name, count] : counts.reference_bugs) {
    reference_bugs += count;
    bugs += Format("%s%.*s %llu", bugs.empty() ? " (" : ", ", static_cast<int>(name.size()),
                   name.data(), static_cast<unsigned long long>(count));
  }
  if (!bugs.empty()) bugs += ")";
  std::printf("reference: %s; %llu skipped%s; %llu reference bugs%s\n", reference_name.c_str(),
              static_cast<unsigned long long>(skipped), reasons.c_str(),
              static_cast<unsigned long long>(reference_bugs), bugs.c_str());
  std::printf("instructions reached in passed cases: %llu\n",
              static_cast<unsigned long long>(counts.instructions_reached));
  std::printf("%llu passed, %llu failed\n", static_cast<unsigned long long>(counts.passed),
              static_cast<unsigned long long>(counts.failed));
  return counts.failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace sae::fuzz

int main(int argc, char** argv) {
  using namespace sae::fuzz;
  CLI::App app{
      "Differential fuzzing: runs random arm64 cases (or a trace's) on libsae and on a reference\n"
      "implementation and reports every difference with a reproducer. Ends with the line\n"
      "'N passed, M failed'; exits 1 if any case failed, 2 on bad options or a malformed trace.",
      kProgram};
  Options options;
  std::uint64_t iterations = 0;
  app.add_option("--seed", options.seed, "Random seed of the generated cases (default 1)");
  auto* iterations_option = app.add_option(
      "--iterations", iterations, "Cases to run (default 1000; with a corpus, all of its cases)");
  app.add_option("--class", options.case_class,
                 "Instructions to draw: int, mem, branch, all (of the translated encodings; "
                 "default all), or fp, simd, crypto (every SIMD&FP encoding, with random V "
                 "registers, FPCR and FPSR)")
      ->check(CLI::IsMember({"int", "mem", "branch", "all", "fp", "simd", "crypto"}));
  app.add_option("--block-len", options.block_length,
                 "Instructions per case (default 1); longer blocks branch only forward")
      ->check(CLI::Range(1u, 4096u));
  app.add_option("--reference", options.reference,
                 "unicorn (host-native program, else in-process), unicorn-inprocess, arm64 (the "
                 "arm64 runner), or corpus FILE (replay a trace with results)")
      ->expected(1, 2);
  app.add_option("--write-corpus", options.write_corpus,
                 "Write every case with the reference's results to this trace file");
  app.add_option("--save-failures", options.save_failures,
                 "Write each failing case as a trace file into this directory");
  app.add_option("--timeout-ms", options.timeout_ms,
                 "Wall time libsae may take for one case before it is stopped (default 10000)")
      ->check(CLI::PositiveNumber);
  app.add_option("--corpus-from", options.corpus_from,
                 "Which reference made the corpus, for its known bugs: unicorn (default; on "
                 "x86-64), qemu-aarch64 (the arm64 runner under it) or hardware")
      ->check(CLI::IsMember({"unicorn", "qemu-aarch64", "hardware"}));
  app.add_option("--max-reports", options.max_reports,
                 "Failures printed in full (default 10; all are counted and saved)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    UsageError(e.what());
  }
  if (iterations_option->count() != 0) options.iterations = iterations;
  const std::string& kind = options.reference[0];
  const bool corpus = kind == "corpus";
  if (corpus != (options.reference.size() == 2)) {
    UsageError(corpus ? "--reference corpus needs a FILE"
                      : "--reference takes unicorn, unicorn-inprocess, arm64 or corpus FILE");
  }
  if (!corpus && kind != "unicorn" && kind != "unicorn-inprocess" && kind != "arm64") {
    UsageError("unknown reference '" + kind +
               "' (unicorn, unicorn-inprocess, arm64 or corpus FILE)");
  }
  return Fuzz(options);
}
