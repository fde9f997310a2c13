// State shared by the per-opcode emitters while one block is emitted: the assembler, where each
// IR value lives (register allocation with spilling), and out-of-line fault paths.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "backend/s390x/asm/assembler.h"
#include "backend/s390x/codegen/abi.h"
#include "backend/s390x/codegen/codegen.h"
#include "backend/s390x/codegen/state_layout.h"
#include "ir/block.h"

namespace sae::backend::s390x {

class EmitContext {
 public:
  EmitContext(Assembler& assembler, const StateLayout& state_layout, const ir::Block& block,
              std::int64_t exit, const CodegenOptions& codegen_options);

  Assembler& as;
  const StateLayout& layout;
  const CodegenOptions options;
  const std::int64_t exit_displacement;  // of the exit thunk from the buffer's start

  // A register holding `value`: its allocated register, or `scratch` loaded with an immediate or
  // a spilled value. U1/U8/U16/U32 values are always zero-extended to 64 bits.
  Gpr Use(const ir::Value& value, Gpr scratch);
  // Copies `value` into `target`.
  void UseInto(const ir::Value& value, Gpr target);
  // The register for the result of `inst` (spilling another value if none is free).
  Gpr Def(const ir::Inst& inst);
  // U128 values live in vector registers v16-v31 (call-clobbered, so none may live across an
  // interpreter call); they are never spilled: a block needing more fails.
  Vr VectorUse(const ir::Value& value);
  Vr VectorDef(const ir::Inst& inst);
  bool VectorsLive() const;
  // Called after each instruction: frees the registers of values used for the last time.
  void Retire(std::size_t position);

  // A storage operand in the control block.
  static Mem State(std::int32_t offset) { return Mem(kStateRegister, offset); }
  // BRCL to the exit thunk.
  void BranchToExit(Cond condition = Cond::Always);
  // A patchable BRCL to the exit thunk, recorded as a link to the block at `target`.
  void LinkableBranchToExit(std::uint64_t target);
  std::vector<LinkSite> links;

  // Records an IR operation this backend cannot emit; the block is abandoned.
  void Fail(std::string reason);
  bool failed() const { return failed_; }
  const std::string& failure() const { return failure_; }

  // The register holding the address a memory operation's guest address (argument 0) makes: its
  // own register, or kScratch2 (an immediate, a spilled value, r0, or with top-byte-ignore the
  // address with bits 63:56 copied from bit 55). Never r0, which cannot address storage.
  Gpr AddressOperand(const ir::Inst& inst);
  // target = source with bits 63:56 copied from bit 55 (TBI's view of an address).
  void IgnoreTopByte(Gpr target, Gpr source);
  // Stores `pc`, `esr` and `intercept` in the state and leaves for the run loop (after the
  // caller stored whatever else the exit needs, such as the FAR).
  void LeaveWith(std::uint64_t pc, std::uint64_t esr, std::uint32_t intercept);
  // Branches out of line unless the guest access of `size` bytes at `address` by `inst` may
  // happen: it lies in guest memory (else a data abort host-access intercept) and its page has
  // none of the flags `options` names for it (else back to the run loop, which decides).
  // Clobbers kScratch1; `address` must not be r0.
  void GuardAccess(const ir::Inst& inst, Gpr address, unsigned size, bool write);
  // Out-of-line code that leaves with an UNDEFINED exception at `pc` (for the interpreter's
  // verdict, known only at run time).
  Label& UndefinedStub(std::uint64_t pc);
  // Out-of-line code emitted after the terminal (fault paths), in order of request.
  void EmitStubs();

  const ir::Inst* current = nullptr;

 private:
  struct Location {
    int reg = -1;    // index into kAllocatable, or -1
    int slot = -1;   // spill slot, or -1
  };
  void Spill();
  bool UsedByCurrent(const ir::Inst* value) const;

  std::unordered_map<const ir::Inst*, std::size_t> last_use_;
  std::unordered_map<const ir::Inst*, Location> where_;
  std::vector<const ir::Inst*> occupant_;  // per allocatable register
  std::unordered_map<const ir::Inst*, int> vector_where_;  // index into vector_occupant_
  std::vector<const ir::Inst*> vector_occupant_;           // per vector register v16-v31
  std::vector<std::vector<const ir::Inst*>> retire_at_;
  int next_slot_ = 0;
  std::vector<int> free_slots_;  // slots of spilled values that died
  bool failed_ = false;
  std::string failure_;
  enum class StubKind { OutsideMemory, PageFlagged, Undefined };
  struct Stub {
    StubKind kind;
    Label* label;
    std::uint64_t pc;
    Gpr address;
    unsigned size;
    bool write;
  };
  Label& AddStub(StubKind kind, std::uint64_t pc, Gpr address, unsigned size, bool write);
  std::vector<Stub> stubs_;
  std::vector<std::unique_ptr<Label>> stub_labels_;
};

}  // namespace sae::backend::s390x
