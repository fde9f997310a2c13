// The assembler's labels, patchable branches and helpers, checked by running the code they
// generate (under qemu-s390x, or natively) and comparing with what C++ computes.
#include "backend/s390x/asm/assembler.h"

#include <cstring>
#include <vector>

#include <gtest/gtest.h>

#include "common/code_memory.h"

namespace sae::backend::s390x {
namespace {

// s390x ELF ABI: arguments in r2, r3, ...; result in r2; return address in r14.
using Function = std::uint64_t (*)(std::uint64_t, std::uint64_t);

class Generated {
 public:
  Generated() : memory_(1 << 20), buffer_(memory_.bytes()), as_(buffer_) {}
  Assembler& as() { return as_; }
  Function Finish() {
    EXPECT_FALSE(buffer_.overflowed());
    EXPECT_TRUE(memory_.MakeExecutable(0, buffer_.size()));
    return reinterpret_cast<Function>(memory_.bytes().data());
  }
  std::byte* data() { return memory_.bytes().data(); }
  bool MakeWritable() { return memory_.MakeWritable(0, buffer_.size()); }

 private:
  CodeMemory memory_;
  CodeBuffer buffer_;
  Assembler as_;
};

std::size_t InstructionCount(std::span<const std::byte> code) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < code.size(); ++count) {
    const auto first = static_cast<unsigned>(code[at]);
    at += first < 0x40 ? 2 : first < 0xc0 ? 4 : 6;  // the two leftmost opcode bits give the length
  }
  return count;
}

TEST(Assembler, LoadConstantMaterializesEveryValue) {
  const std::uint64_t values[] = {0, 1, 0x7fff, 0x8000, 0xffffffffffff8000ull, ~0ull, 0xffff,
                                  0x10000, 0xffff0000, 0xffff00000000ull, 0xffff000000000000ull,
                                  0x7fffffff, 0x80000000, 0xffffffff80000000ull, 0xffffffff,
                                  0x100000000ull, 0x123456789abcdef0ull, 0xfedcba9876543210ull,
                                  0x8000000000000000ull, 0x00000001ffffffffull, 0xffffffff00000001ull};
  for (const std::uint64_t value : values) {
    Generated code;
    code.as().LoadConstant(r2, value);
    code.as().BCR(Cond::Always, r14);
    const std::span<const std::byte> bytes(code.data(), code.as().size());
    const std::size_t instructions = InstructionCount(bytes) - 1;
    EXPECT_EQ(code.Finish()(0, 0), value) << std::hex << value;
    // One instruction when some immediate form holds the value, never more than two.
    const bool one = static_cast<std::int64_t>(value) == static_cast<std::int32_t>(value) ||
                     value >> 32 == 0 || (value & 0xffffffff) == 0;
    EXPECT_EQ(instructions, one ? 1u : 2u) << std::hex << value;
  }
}

TEST(Assembler, ExtractAndInsertBits) {
  const std::uint64_t a = 0x0123456789abcdefull, b = 0xfedcba9876543210ull;
  for (unsigned lsb : {0u, 1u, 7u, 31u, 32u, 63u}) {
    for (unsigned width : {1u, 8u, 13u, 32u, 64u}) {
      if (lsb + width > 64) continue;
      const std::uint64_t mask = width == 64 ? ~0ull : ((1ull << width) - 1);
      Generated extract;
      extract.as().ExtractBits(r2, r2, lsb, width);
      extract.as().BCR(Cond::Always, r14);
      EXPECT_EQ(extract.Finish()(a, b), (a >> lsb) & mask) << lsb << "," << width;

      Generated insert;
      insert.as().InsertBits(r2, r3, lsb, width);
      insert.as().BCR(Cond::Always, r14);
      EXPECT_EQ(insert.Finish()(a, b), (a & ~(mask << lsb)) | ((b & mask) << lsb)) << lsb << "," << width;
    }
  }
}

TEST(Assembler, ByteReversedLoadsReadLittleEndianMemory) {
  const std::uint8_t memory[8] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08};
  Generated code;
  code.as().LRVG(r2, Mem(r2));
  code.as().BCR(Cond::Always, r14);
  EXPECT_EQ(code.Finish()(reinterpret_cast<std::uintptr_t>(memory), 0), 0x0807060504030201ull);

  Generated half;
  half.as().LLGH(r3, Mem(r2, 2));  // a plain load, big-endian: 0x0304
  half.as().LRVH(r2, Mem(r2, 2));  // the same bytes reversed into the low 16 bits: 0x0403
  half.as().NILH(r2, 0);           // LRVH leaves bits 0-47 unchanged
  half.as().NIHF(r2, 0);
  half.as().AGR(r2, r3);
  half.as().BCR(Cond::Always, r14);
  EXPECT_EQ(half.Finish()(reinterpret_cast<std::uintptr_t>(memory), ~0ull), 0x0403u + 0x0304u);
}

TEST(Assembler, EmitStorageReachesAnyDisplacement) {
  std::vector<std::uint32_t> words(300000);
  for (std::size_t i = 0; i < words.size(); ++i) words[i] = static_cast<std::uint32_t>(i * 7);
  const auto base = reinterpret_cast<std::uintptr_t>(words.data());
  for (const std::int32_t index : {0, 1000, 1024, 130000, 299999}) {
    Generated code;
    // L (12-bit), LY (20-bit signed) or a materialized displacement, depending on the distance.
    code.as().EmitStorage(Insn::L, Insn::LY, Field{2}, Mem(r3, index * 4), r1);
    code.as().LLGFR(r2, r2);
    code.as().BCR(Cond::Always, r14);
    EXPECT_EQ(code.Finish()(0, base), words[static_cast<std::size_t>(index)]) << index;
  }
}

// sum of 1..n with a loop: a backward branch to a bound label and a forward one to an unbound label.
void EmitSumLoop(Assembler& as) {
  Label loop, done;
  as.LGHI(r1, 0);
  as.CGIJ(r2, 0, Cond::Equal, Rel16(done));
  as.Bind(loop);
  as.AGR(r1, r2);
  as.BRCTG(r2, Rel16(loop));
  as.BRCL(Cond::Always, Rel32(done));
  as.Bind(done);
  as.LGR(r2, r1);
  as.BCR(Cond::Always, r14);
}

TEST(Assembler, LabelsResolveBackwardAndForward) {
  Generated code;
  EmitSumLoop(code.as());
  const Function sum = code.Finish();
  EXPECT_EQ(sum(100, 0), 5050u);
  EXPECT_EQ(sum(0, 0), 0u);
}

TEST(Assembler, LabelsResolveAcrossThe16BitBoundary) {
  // A 16-bit branch reaches -32768..32767 halfwords; check both ends exactly.
  Generated forward;
  Label done;
  forward.as().BRC(Cond::Always, Rel16(done));                        // 4 bytes at 0
  for (int i = 0; i < 32765; ++i) forward.as().BCR(Cond::Never, r0);  // NOPR, 2 bytes each
  forward.as().Bind(done);                                            // 32767 halfwords on
  EXPECT_EQ(done.position(), 2u * 32767);
  forward.as().LGHI(r2, 7);
  forward.as().BCR(Cond::Always, r14);
  EXPECT_EQ(forward.Finish()(0, 0), 7u);

  Generated backward;
  Label back, over;
  backward.as().LGHI(r2, 0);
  backward.as().BRCL(Cond::Always, Rel32(over));
  backward.as().Bind(back);  // at 10
  backward.as().LGHI(r2, 9);
  backward.as().BCR(Cond::Always, r14);
  backward.as().Bind(over);  // at 16
  for (int i = 0; i < 32765; ++i) backward.as().BCR(Cond::Never, r0);
  EXPECT_EQ(backward.as().size() - back.position(), 2u * 32768);
  backward.as().BRC(Cond::Always, Rel16(back));
  EXPECT_EQ(backward.Finish()(0, 0), 9u);

  // Past 16 bits, the long form.
  Generated far_code;
  Label far;
  far_code.as().BRCL(Cond::Always, Rel32(far));
  for (int i = 0; i < 40000; ++i) far_code.as().BCR(Cond::Never, r0);
  far_code.as().Bind(far);
  far_code.as().LGHI(r2, 7);
  far_code.as().BCR(Cond::Always, r14);
  EXPECT_EQ(far_code.Finish()(0, 0), 7u);
}

TEST(AssemblerDeathTest, ForwardBranchBeyond16BitsAsserts) {
  EXPECT_DEATH(
      {
        Generated code;
        Label done;
        code.as().BRC(Cond::Always, Rel16(done));
        for (int i = 0; i < 32766; ++i) code.as().BCR(Cond::Never, r0);
        code.as().Bind(done);
      },
      "out of range");
}

TEST(Assembler, PatchableBranchIsAlignedAndRetargets) {
  Generated code;
  Assembler& as = code.as();
  as.LGHI(r2, 1);  // 4 bytes, so the BRCL needs padding to align its displacement
  Label first, second;
  const std::size_t branch = as.PatchableBRCL(Cond::Always, Rel32(first));
  EXPECT_EQ((branch + 2) % 4, 0u);
  as.Bind(first);
  as.AGHI(r2, 10);
  as.BCR(Cond::Always, r14);
  as.Bind(second);
  as.AGHI(r2, 20);
  as.BCR(Cond::Always, r14);
  const std::size_t second_offset = second.position();
  const Function function = code.Finish();
  EXPECT_EQ(function(0, 0), 11u);
  ASSERT_TRUE(code.MakeWritable());
  Assembler::PatchBranch(code.data() + branch, code.data() + second_offset);
  code.Finish();
  EXPECT_EQ(function(0, 0), 21u);
}

TEST(Assembler, FullBufferOverflowsWithoutWritingPastItsEnd) {
  std::byte memory[8]{};
  memory[6] = std::byte{0xaa};
  CodeBuffer buffer(std::span<std::byte>(memory, 6));
  Assembler as(buffer);
  as.AGR(r1, r2);    // 4 bytes
  as.LGFI(r1, -1);   // 6 more: does not fit
  EXPECT_TRUE(buffer.overflowed());
  EXPECT_EQ(buffer.size(), 4u);
  EXPECT_EQ(memory[6], std::byte{0xaa});
  buffer.Rewind(0);
  EXPECT_FALSE(buffer.overflowed());
  as.LGFI(r1, -1);
  EXPECT_EQ(buffer.size(), 6u);
}

TEST(AssemblerDeathTest, UnboundLabelWithBranchesAsserts) {
  EXPECT_DEATH(
      {
        std::byte memory[16];
        CodeBuffer buffer(memory);
        Assembler as(buffer);
        Label never_bound;
        as.BRC(Cond::Always, Rel16(never_bound));
      },
      "unresolved");
}

TEST(AssemblerDeathTest, OutOfRangeOperandsAssert) {
  EXPECT_DEATH(Mem(r1, 4096).disp == 0 ? (void)0 : (void)ToField<OperandKind::MX12>(Mem(r1, 4096)), "Fits");
  EXPECT_DEATH((void)S16(40000), "Fits");
  EXPECT_DEATH((void)ToField<OperandKind::RE>(r3), "even");
}

}  // namespace
}  // namespace sae::backend::s390x
