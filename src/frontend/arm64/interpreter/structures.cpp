// The register side of LD1-LD4, ST1-ST4 and LD1R-LD4R: between the staging area, which
// translated code fills from memory or empties into it, and the V registers (structures.h).
#include "frontend/arm64/interpreter/interpreter_visitor.h"

namespace sae::frontend::arm64 {

bool Interpreter::TransferStructure(const StructureShape& shape, bool load, bool q, Vec t) {
  const unsigned ebytes = 1u << shape.esize_log2;
  const unsigned esize = 8 * ebytes;
  auto chunk = [&](unsigned c) -> std::uint64_t& { return staging[c / 2][c % 2]; };
  auto reg = [&](unsigned r) -> VectorHalves& { return cpu.v[(t.index + r) % 32]; };
  switch (shape.kind) {
    case StructureKind::Multiple: {
      // Memory is `registers / interleave` runs of structures; element e of register
      // rep * interleave + s sits at byte ((rep * lanes + e) * interleave + s) * ebytes.
      const unsigned lanes = (q ? 16 : 8) / ebytes;
      if (!load) {
        for (unsigned c = 0; c < shape.bytes / 8; ++c) chunk(c) = 0;
      }
      for (unsigned rep = 0; rep < shape.registers / shape.interleave; ++rep) {
        for (unsigned e = 0; e < lanes; ++e) {
          for (unsigned s = 0; s < shape.interleave; ++s) {
            const unsigned offset = ((rep * lanes + e) * shape.interleave + s) * ebytes;
            const unsigned bit = (offset % 8) * 8;
            VectorHalves& v = reg(rep * shape.interleave + s);
            if (load) {
              SetLane(v, esize, e, (chunk(offset / 8) >> bit) & Ones(esize));
            } else {
              chunk(offset / 8) |= GetLane(v, esize, e) << bit;
            }
          }
        }
      }
      if (load && !q) {
        for (unsigned r = 0; r < shape.registers; ++r) reg(r)[1] = 0;
      }
      return true;
    }
    case StructureKind::Single:
      for (unsigned r = 0; r < shape.registers; ++r) {
        if (load) {
          SetLane(reg(r), esize, shape.index, chunk(r));
        } else {
          chunk(r) = GetLane(reg(r), esize, shape.index);
        }
      }
      return true;
    case StructureKind::Replicate:
      for (unsigned r = 0; r < shape.registers; ++r) {
        VectorHalves& v = reg(r);
        for (unsigned e = 0; e < 128 / esize; ++e) SetLane(v, esize, e, chunk(r));
        if (!q) v[1] = 0;
      }
      return true;
  }
  return false;
}

// The post-index register is the memory side's business.
#define SAE_STRUCTURE_UNUSED_true static_cast<void>(m);
#define SAE_STRUCTURE_UNUSED_false
#define STRUCTURE(name, kind, registers, interleave, load, post)                          \
  bool Interpreter::name(SAE_STRUCTURE_PARAMS_##kind##_##post) {                          \
    SAE_STRUCTURE_UNUSED_##post static_cast<void>(n);                                     \
    return TransferStructure(SAE_STRUCTURE_SHAPE_##kind(registers, interleave), load, q, t); \
  }
SAE_A64_STRUCTURES(STRUCTURE)
#undef STRUCTURE

}  // namespace sae::frontend::arm64
