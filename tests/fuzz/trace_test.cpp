// The trace reader and writer (tools/sae-fuzz/trace.h): what one writes the other reads back
// unchanged, the window a case describes, and one-line errors with the line number for traces
// that are malformed or of another version.
#include <gtest/gtest.h>

#include <sstream>

#include "trace.h"

namespace sae::fuzz {
namespace {

// The example of docs/trace-format.md.
constexpr char kExample[] =
    "sae-trace 2\n"
    "# one FADD, from Unicorn 2.0.1 on x86_64\n"
    "case 0 fp\n"
    "window 10000 10000\n"
    "fill 42\n"
    "code 18000 1e222820\n"
    "in 1 2 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1f000 0 0\n"
    "vin ffffffffffffffff 3f800000 40000000 ffeeddccbbaa99887766554433221100 0 0 0 0 0 0 0 0 0 0 "
    "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 10\n"
    "out 1 2 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1f000 0 0 18004 stop\n"
    "vout 40400000 3f800000 40000000 ffeeddccbbaa99887766554433221100 0 0 0 0 0 0 0 0 0 0 0 0 0 "
    "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 10\n"
    "end\n";

// The example of version 1 of the format, which had no V registers, FPCR or FPSR.
constexpr char kVersion1Example[] =
    "sae-trace 1\n"
    "case 0 int\n"
    "window 10000 10000\n"
    "fill 42\n"
    "code 18000 ab020020\n"
    "in 1 2 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1f000 0 0\n"
    "out 5 2 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1f000 0 0 18004 stop\n"
    "end\n";

std::vector<Case> ReadAll(const std::string& text) {
  std::istringstream in(text);
  TraceReader reader(in);
  std::vector<Case> cases;
  while (auto c = reader.Next()) cases.push_back(std::move(*c));
  return cases;
}

std::string WriteAll(const std::vector<Case>& cases) {
  std::ostringstream out;
  TraceWriter writer(out);
  for (const Case& c : cases) writer.Write(c);
  return out.str();
}

// The message of the TraceError that reading `text` throws ("" if none).
std::string ErrorOf(const std::string& text) {
  try {
    ReadAll(text);
  } catch (const TraceError& e) {
    return e.what();
  }
  return "";
}

TEST(Trace, ReadsTheDocumentedExample) {
  const std::vector<Case> cases = ReadAll(kExample);
  ASSERT_EQ(cases.size(), 1u);
  const Case& c = cases[0];
  EXPECT_EQ(c.id, 0u);
  EXPECT_EQ(c.class_name, "fp");
  EXPECT_EQ(c.window_base, 0x10000u);
  EXPECT_EQ(c.window_size, 0x10000u);
  EXPECT_EQ(c.fill_seed, 42u);
  EXPECT_EQ(c.code_address, 0x18000u);
  EXPECT_EQ(c.code, std::vector<std::uint32_t>{0x1e222820});
  EXPECT_EQ(c.in.x[2], 3u);
  EXPECT_EQ(c.in.sp, 0x1f000u);
  EXPECT_EQ(c.in.v[0], (VectorRegister{0xffffffffffffffff, 0}));
  EXPECT_EQ(c.in.v[1], (VectorRegister{0x3f800000, 0}));
  EXPECT_EQ(c.in.v[3], (VectorRegister{0x7766554433221100, 0xffeeddccbbaa9988}));
  EXPECT_EQ(c.in.fpcr, 0u);
  EXPECT_EQ(c.in.fpsr, 0x10u);
  ASSERT_TRUE(c.out.has_value());
  EXPECT_EQ(c.out->registers.x[0], 1u);
  EXPECT_EQ(c.out->registers.v[0], (VectorRegister{0x40400000, 0}));
  EXPECT_EQ(c.out->registers.v[3], c.in.v[3]);
  EXPECT_EQ(c.out->registers.fpsr, 0x10u);
  EXPECT_EQ(c.out->pc, 0x18004u);
  EXPECT_EQ(c.out->stop, Stop::kStop);
  EXPECT_TRUE(c.out->writes.empty());
}

TEST(Trace, ReadsVersion1WithZeroVectorState) {
  const std::vector<Case> cases = ReadAll(kVersion1Example);
  ASSERT_EQ(cases.size(), 1u);
  const Case& c = cases[0];
  EXPECT_EQ(c.code, std::vector<std::uint32_t>{0xab020020});
  EXPECT_EQ(c.in.x[2], 3u);
  ASSERT_TRUE(c.out.has_value());
  EXPECT_EQ(c.out->registers.x[0], 5u);
  EXPECT_EQ(c.out->pc, 0x18004u);
  for (const Registers* r : {&c.in, &c.out->registers}) {
    EXPECT_EQ(r->v, (std::array<VectorRegister, 32>{}));
    EXPECT_EQ(r->fpcr, 0u);
    EXPECT_EQ(r->fpsr, 0u);
  }
  // Written back as version 2, it reads back the same.
  const std::vector<Case> back = ReadAll(WriteAll(cases));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].in, c.in);
  EXPECT_EQ(back[0].out, c.out);
}

TEST(Trace, WriterOutputReadsBackIdenticallyAndIsCanonical) {
  Case first;
  first.id = 7;
  first.class_name = "mem";
  first.fill_seed = 18446744073709551615u;
  first.code = {0xf9000020, 0x000005ae};
  for (std::size_t n = 0; n < first.in.x.size(); ++n) first.in.x[n] = 0x1111111111111111 * (n % 16);
  first.in.sp = 0x1fff0;
  first.in.nzcv = 0xa0000000;
  first.in.tpidr_el0 = 0xffffffffffffffff;
  for (std::size_t n = 0; n < first.in.v.size(); ++n) {
    first.in.v[n] = {0x0123456789abcdef * n, n % 3 == 0 ? 0 : ~std::uint64_t{0} >> n};
  }
  first.in.fpcr = 0x07c80000;
  first.in.fpsr = 0x0800009f;
  Outcome out;
  out.registers = first.in;
  out.registers.v[31] = {~std::uint64_t{0}, ~std::uint64_t{0}};
  out.registers.fpsr = 0xffffffff;
  out.pc = 0x18004;
  out.stop = Stop::kFault;
  out.writes = {{0x10008, {0x00, 0xff, 0x13}}, {0x1ff00, {0xab}}};
  first.out = out;
  Case second;  // no `out`: a case as a generator writes it
  second.id = 8;
  second.class_name = "branch";
  second.code = {0x14000002, 0xd503201f, 0xd503201f};
  for (const Stop stop : {Stop::kStop, Stop::kUndefined, Stop::kException, Stop::kTimeout}) {
    first.out->stop = stop;
    const std::string text = WriteAll({first, second});
    const std::vector<Case> back = ReadAll(text);
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].out, first.out);
    EXPECT_EQ(back[0].in, first.in);
    EXPECT_EQ(back[0].code, first.code);
    EXPECT_EQ(back[0].fill_seed, first.fill_seed);
    EXPECT_FALSE(back[1].out.has_value());
    EXPECT_EQ(back[1].code, second.code);
    EXPECT_EQ(WriteAll(back), text);
  }
  std::string without_comment = kExample;
  without_comment.erase(without_comment.find('#'),
                        without_comment.find("case") - without_comment.find('#'));
  EXPECT_EQ(WriteAll(ReadAll(kExample)), without_comment);
}

TEST(Trace, InitialWindowIsSplitMix64FillThenStopWordsThenCode) {
  Case c;
  c.fill_seed = 0;
  c.code = {0xab020020};
  const std::vector<std::uint8_t> window = InitialWindow(c);
  ASSERT_EQ(window.size(), kWindowSize);
  // SplitMix64 seeded with 0: first output 0xe220a8397b1dcdaf (the reference implementation's).
  const std::uint8_t first[8] = {0xaf, 0xcd, 0x1d, 0x7b, 0x39, 0xa8, 0x20, 0xe2};
  EXPECT_TRUE(std::equal(std::begin(first), std::end(first), window.begin()));
  EXPECT_EQ(window[kFillSize], 0xae);
  EXPECT_EQ(window[kFillSize + 1], 0x05);
  EXPECT_EQ(window[kFillSize + 2], 0x00);
  EXPECT_EQ(window[kWindowSize - 4], 0xae);
  const std::uint64_t code = kCodeAddress - kWindowBase;
  EXPECT_EQ(window[code], 0x20);
  EXPECT_EQ(window[code + 3], 0xab);
  EXPECT_EQ(window[code + 4], 0xae);
}

TEST(Trace, WrittenRunsAreMaximalAndAscending) {
  std::vector<std::uint8_t> initial(16, 0), final_window(16, 0);
  final_window[1] = 1;
  final_window[2] = 2;
  final_window[15] = 9;
  const std::vector<WrittenBytes> runs = WrittenRuns(initial, final_window, 0x100);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0], (WrittenBytes{0x101, {1, 2}}));
  EXPECT_EQ(runs[1], (WrittenBytes{0x10f, {9}}));
}

TEST(Trace, RejectsOtherVersions) {
  EXPECT_EQ(ErrorOf("sae-trace 3\n"),
            "line 1: unsupported trace version '3' (this reader knows versions 1 and 2)");
  EXPECT_EQ(ErrorOf("# comment\n\nsae-trace 0\n"),
            "line 3: unsupported trace version '0' (this reader knows versions 1 and 2)");
  EXPECT_EQ(ErrorOf("sae-trace 2x\n"),
            "line 1: unsupported trace version '2x' (this reader knows versions 1 and 2)");
  EXPECT_EQ(ErrorOf("hello\n"), "line 1: not a trace: expected the header 'sae-trace 2'");
  EXPECT_EQ(ErrorOf(""), "line 1: empty trace: expected the header 'sae-trace 2'");
  // Version 1 has no `vin` line: one there is out of place.
  std::string version1 = kVersion1Example;
  version1.insert(version1.find("out "), "vin 0\n");
  EXPECT_EQ(ErrorOf(version1), "line 7: expected 'end', found 'vin'");
}

TEST(Trace, MalformedLinesNameTheLineAndTheProblem) {
  const std::string example = kExample;
  const auto with = [&](const std::string& from, const std::string& to) {
    std::string text = example;
    text.replace(text.find(from), from.size(), to);
    return ErrorOf(text);
  };
  EXPECT_EQ(with("case 0 fp", "case x fp"), "line 3: case ID 'x' is not a decimal 64-bit number");
  EXPECT_EQ(with("window 10000 10000", "windows 10000 10000"),
            "line 4: expected 'window', found 'windows'");
  EXPECT_EQ(with("fill 42", "fill 42 43"), "line 5: expected 'fill SEED'");
  EXPECT_EQ(with("code 18000 1e222820", "code 18000 11e222820"),
            "line 6: instruction word '11e222820' has more than 32 bits");
  EXPECT_EQ(with("code 18000", "code 28000"),
            "line 6: the code must be 4-byte aligned and inside the window");
  EXPECT_EQ(with("in 1 2 3 ", "in 1 2 "),
            "line 7: expected 'in X0 ... X30 SP NZCV TPIDR_EL0 (34 numbers)'");
  EXPECT_EQ(with("in 1 2 3 ", "in 1 0x2 3 "),
            "line 7: register value '0x2' is not a hexadecimal 64-bit number");
  EXPECT_EQ(with("vin ffffffffffffffff ", "vin "),
            "line 8: expected 'vin V0 ... V31 FPCR FPSR (34 numbers)'");
  EXPECT_EQ(with("vin ffffffffffffffff ", "vin 1ffeeddccbbaa99887766554433221100 "),
            "line 8: V register value '1ffeeddccbbaa99887766554433221100' has more than 32 "
            "hexadecimal digits");
  EXPECT_EQ(with("vin ffffffffffffffff ", "vin fffffffffffffffg "),
            "line 8: V register value 'fffffffffffffffg' is not a hexadecimal 128-bit number");
  EXPECT_EQ(with("vin ffffffffffffffff ", "vin x0000000000000000 "),
            "line 8: V register value 'x0000000000000000' is not a hexadecimal 128-bit number");
  EXPECT_EQ(with("vin ffffffffffffffff ", "vin -1 "),
            "line 8: V register value '-1' is not a hexadecimal 128-bit number");
  EXPECT_EQ(with("0 0 0 0 10\nout", "0 0 0 100000000 10\nout"),
            "line 8: FPCR '100000000' has more than 32 bits");
  EXPECT_EQ(with("vin ", "vim "), "line 8: expected 'vin', found 'vim'");
  EXPECT_EQ(with("18004 stop", "18004 halt"),
            "line 9: unknown stop reason 'halt' (stop, fault, undefined, exception or timeout)");
  EXPECT_EQ(with("\nvout", "\nvout 0"),
            "line 10: expected 'vout V0 ... V31 FPCR FPSR (34 numbers)'");
  EXPECT_EQ(with("stop\nvout", "stop\nend\nvout"), "line 10: expected 'vout', found 'end'");
  EXPECT_EQ(with(" 10\nend", " 10\nwrite 10000 0a\nwrite 10001 0b\nend"),
            "line 12: writes must lie inside the window, in ascending order, separated by "
            "unwritten bytes");
  EXPECT_EQ(with(" 10\nend", " 10\nwrite 10000 0ag0\nend"),
            "line 11: byte 'g0' is not a hexadecimal 64-bit number");
  EXPECT_EQ(with("end\n", "en\n"), "line 11: expected 'end', found 'en'");
  EXPECT_EQ(with("end\n", ""), "line 10: the trace ends inside a case: expected 'end'");
}

}  // namespace
}  // namespace sae::fuzz
