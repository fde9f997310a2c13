#include "backend/s390x/codegen/codegen.h"

#include "backend/s390x/codegen/emit_ir.h"

namespace sae::backend::s390x {

void EmitEntryThunk(Assembler& as, const StateLayout& layout) {
  as.STMG(r6, r15, BaseDisp(r15, 48));  // into the caller's register save area
  as.LAY(r15, Mem(r15, -kFrameSize));
  as.STFPC(BaseDisp(r15, kHostFpcOffset));
  as.LGR(kStateRegister, r2);
  as.LG(kMemoryBase, Mem(kStateRegister, layout.memory_base));
  as.LG(kMemoryLimit, Mem(kStateRegister, layout.memory_size));
  as.BCR(Cond::Always, r3);
}

void EmitExitThunk(Assembler& as) {
  as.LFPC(BaseDisp(r15, kHostFpcOffset));
  as.LMG(r6, r15, BaseDisp(r15, kFrameSize + 48));
  as.BCR(Cond::Always, r14);
}

namespace {

void Dispatch(EmitContext& ctx, const ir::Inst& inst) {
  switch (inst.opcode()) {
#define OPCODE(name, result, arguments, properties) \
  case ir::Opcode::name:                            \
    return EmitIR<ir::Opcode::name>(ctx, inst);
#include "ir/opcodes.inc"
#undef OPCODE
  }
}

// arm64 syndromes (ESR_ELx): exception class in bits 31:26, IL (32-bit instruction) bit 25.
std::uint64_t Syndrome(unsigned exception_class, std::uint32_t iss) {
  return (std::uint64_t{exception_class} << 26) | (1u << 25) | (iss & 0x1ffffff);
}

void EmitTerminal(EmitContext& ctx, const ir::Terminal& terminal);

struct TerminalEmitter {
  EmitContext& ctx;
  void SetPC(std::uint64_t pc) const {
    ctx.as.LoadConstant(kScratch1, pc);
    ctx.as.STG(kScratch1, EmitContext::State(ctx.layout.pc));
  }
  void operator()(const ir::term::Invalid&) const { ctx.Fail("block without a terminal"); }
  // The PC is stored first, so the unlinked branch (to the exit thunk) leaves a precise state.
  // LinkBlock also leaves when sae_kick() asked: a loop of linked blocks still sees it.
  void operator()(const ir::term::LinkBlock& t) const {
    SetPC(t.next);
    ctx.as.L(kScratch1, EmitContext::State(ctx.layout.kick));
    ctx.as.LTR(kScratch1, kScratch1);
    ctx.BranchToExit(Cond::NotEqual);
    ctx.LinkableBranchToExit(t.next);
  }
  void operator()(const ir::term::LinkBlockFast& t) const {
    SetPC(t.next);
    ctx.LinkableBranchToExit(t.next);
  }
  // The PC is in the state already. Look it up in the indirect branch table and go straight to
  // its block (unless sae_kick() asked to stop); the run loop handles a miss.
  void operator()(const ir::term::IndirectJump&) const {
    Assembler& as = ctx.as;
    as.LG(kScratch1, EmitContext::State(ctx.layout.pc));
    if (ctx.options.top_byte_ignore) {  // the PC gets bit 55 in its top byte (BranchAddr)
      ctx.IgnoreTopByte(kScratch1, kScratch1);
      as.STG(kScratch1, EmitContext::State(ctx.layout.pc));
    }
    static_assert(kJumpCacheBits == 12, "the rotation below selects PC bits 2-13");
    as.RISBGN(kScratch2, kScratch1, 48, 59 | 0x80, 2);  // JumpCacheIndex(pc) * 16
    as.AG(kScratch2, EmitContext::State(ctx.layout.jump_cache));
    as.CLG(kScratch1, Mem(kScratch2, 0));
    ctx.BranchToExit(Cond::NotEqual);
    as.LT(kScratch1, EmitContext::State(ctx.layout.kick));
    ctx.BranchToExit(Cond::NotEqual);
    as.LG(kScratch2, Mem(kScratch2, 8));
    as.BCR(Cond::Always, kScratch2);
  }
  void operator()(const ir::term::ReturnToDispatch&) const { ctx.BranchToExit(); }
  void operator()(const ir::term::Exception& t) const {
    using Kind = ir::term::ExceptionKind;
    std::uint64_t esr = 0;
    std::uint32_t intercept = kInterceptSyncException;
    switch (t.kind) {
      case Kind::Undefined: esr = Syndrome(0x00, 0); break;
      case Kind::NotTranslated:
        esr = Syndrome(0x00, 0);
        ctx.as.LG(kScratch1, EmitContext::State(ctx.layout.not_translated));
        ctx.as.AGHI(kScratch1, 1);
        ctx.as.STG(kScratch1, EmitContext::State(ctx.layout.not_translated));
        break;
      case Kind::SupervisorCall: esr = Syndrome(0x15, t.immediate & 0xffff); break;
      case Kind::HypervisorCall: esr = Syndrome(0x16, t.immediate & 0xffff); break;
      case Kind::SecureMonitorCall: esr = Syndrome(0x17, t.immediate & 0xffff); break;
      case Kind::Breakpoint: esr = Syndrome(0x3c, t.immediate & 0xffff); break;
      case Kind::SystemRegisterTrap: esr = Syndrome(0x18, t.immediate); break;
      case Kind::PcAlignmentFault:
        // A synchronous exception for the guest's own handler, with the PC as the FAR.
        esr = Syndrome(0x22, 0);
        ctx.as.LoadConstant(kScratch1, t.pc);
        ctx.as.STG(kScratch1, EmitContext::State(ctx.layout.far));
        break;
      case Kind::InstructionAbort:
        // Outside guest memory: a host access, with the instruction abort syndrome.
        esr = Syndrome(0x20, 0);
        intercept = kInterceptHostAccess;
        ctx.as.LoadConstant(kScratch1, t.pc);
        ctx.as.STG(kScratch1, EmitContext::State(ctx.layout.far));
        break;
    }
    // SVC, HVC and SMC return to the next instruction; the others retry or report this one.
    const bool call = t.kind == Kind::SupervisorCall || t.kind == Kind::HypervisorCall ||
                      t.kind == Kind::SecureMonitorCall;
    ctx.LeaveWith(call ? t.pc + 4 : t.pc, esr, intercept);
  }
  void operator()(const std::shared_ptr<const ir::term::If>& t) const {
    // Every IR value is dead here, so any allocatable register may hold the condition.
    const Gpr holds = kAllocatable[0];
    EmitConditionHolds(ctx, static_cast<unsigned>(t->condition), holds);
    Label otherwise;
    ctx.as.CGIJ(holds, 0, Cond::Equal, Rel16(otherwise));
    EmitTerminal(ctx, t->then_);
    ctx.as.Bind(otherwise);
    EmitTerminal(ctx, t->else_);
  }
  void operator()(const std::shared_ptr<const ir::term::CheckBit>& t) const {
    Label otherwise;
    ctx.as.L(kScratch1, EmitContext::State(ctx.layout.check_bit));
    ctx.as.CIJ(kScratch1, 0, Cond::Equal, Rel16(otherwise));
    EmitTerminal(ctx, t->then_);
    ctx.as.Bind(otherwise);
    EmitTerminal(ctx, t->else_);
  }
};

void EmitTerminal(EmitContext& ctx, const ir::Terminal& terminal) {
  std::visit(TerminalEmitter{ctx}, terminal);
}

}  // namespace

CodegenResult EmitBlock(const ir::Block& block, Assembler& as, const StateLayout& layout,
                        std::int64_t exit_displacement, const CodegenOptions& options) {
  EmitContext ctx(as, layout, block, exit_displacement, options);
  const auto& instructions = block.instructions();
  for (std::size_t i = 0; i < instructions.size() && !ctx.failed(); ++i) {
    ctx.current = instructions[i];
    Dispatch(ctx, *instructions[i]);
    ctx.Retire(i);
  }
  if (!ctx.failed()) EmitTerminal(ctx, block.terminal());
  // Even for a failed block, which the caller discards: the stubs bind their labels.
  ctx.EmitStubs();
  CodegenResult result;
  result.ok = !ctx.failed();
  result.error = ctx.failure();
  result.links = std::move(ctx.links);
  return result;
}

}  // namespace sae::backend::s390x
