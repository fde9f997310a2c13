// The code generator on IR built by hand: failures are reported (never an abort), and register
// pressure beyond the spill area's size works as long as values die.
#include <vector>

#include <gtest/gtest.h>

#include "backend/s390x/codegen/codegen.h"
#include "ir/emitter.h"

namespace sae::backend::s390x {
namespace {

// Any distinct offsets do: this code is emitted, not run.
constexpr StateLayout kLayout = {.x0 = 0, .sp = 0xf8, .pc = 0x108, .pstate = 0x110,
                                 .intercept = 0x120, .esr = 0x128, .far = 0x130, .check_bit = 0x200,
                                 .kick = 0x204, .memory_base = 0x208, .memory_size = 0x210,
                                 .not_translated = 0x218, .tpidr_el0 = 0x138, .tpidrro_el0 = 0x140,
                                 .fpcr = 0x118, .fpsr = 0x11c, .invalidate = 0x220,
                                 .exclusive_address = 0x228, .exclusive_contents = 0x230,
                                 .atomic_scratch = 0x240, .page_flags = 0x280,
                                 .jump_cache = 0x288, .vector = 0x400, .interpreter = 0x290,
                                 .call_save = 0x298};

TEST(Codegen, UnsupportedOperationAfterAMemoryAccessFailsCleanly) {
  ir::Block block(0x1000);
  ir::IREmitter ir(block);
  ir.ReadMemory64(ir.GetX(1));  // a memory access: an out-of-line fault stub with a label
  const ir::Value v1 = ir.Emit(ir::Opcode::GetVector, {ir::IREmitter::Imm8(1)});
  ir.Emit(ir::Opcode::VectorMultiply, {ir::IREmitter::Imm8(64), v1, v1});  // no 64-bit VML
  ir.SetTerm(ir::term::ReturnToDispatch{});
  std::vector<std::byte> memory(4096);
  CodeBuffer buffer(memory);
  Assembler as(buffer);
  const CodegenResult result = EmitBlock(block, as, kLayout, 0);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("VectorMultiply"), std::string::npos) << result.error;
}

TEST(Codegen, ManyShortLivedSpillsReuseTheirSlots) {
  // Twelve values live at once (more than the nine allocatable registers), a hundred times over:
  // far more spills than the frame has slots, which must be reused as values die.
  ir::Block block(0x1000);
  ir::IREmitter ir(block);
  for (int round = 0; round < 100; ++round) {
    std::vector<ir::U32U64> live;
    for (unsigned r = 0; r < 12; ++r) live.push_back(ir.GetReg(true, r));
    ir::U32U64 sum = live[0];
    for (unsigned r = 1; r < 12; ++r) sum = ir.Add(sum, live[r]);
    ir.SetX(12, ir::U64(sum));
  }
  ir.SetTerm(ir::term::ReturnToDispatch{});
  std::vector<std::byte> memory(256 * 1024);
  CodeBuffer buffer(memory);
  Assembler as(buffer);
  const CodegenResult result = EmitBlock(block, as, kLayout, 0);
  EXPECT_TRUE(result.ok) << result.error;
}

}  // namespace
}  // namespace sae::backend::s390x
