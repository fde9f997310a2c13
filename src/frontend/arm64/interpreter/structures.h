// The SIMD&FP structure loads and stores of a64.inc (LD1-LD4, ST1-ST4, LD1R-LD4R), as one list,
// and how their operand fields select elements. Translated code does their memory side and the
// interpreter their register side, both from these definitions.
//
// Between the two, the staging area (interpreter.h) holds the memory bytes in 64-bit "chunks",
// chunk c = staging[c / 2][c % 2]:
//  - multiple structures: chunk c is the 8 bytes at address + 8c, as a little-endian value;
//  - single structures and replicates: chunk r is element r of the structure (the element for
//    register t + r), zero-extended.
#pragma once

#include <cstdint>

namespace sae::frontend::arm64 {

// STRUCTURE(name, kind, registers, interleave, load, post-index)
//   kind: Multiple (LDn/STn and LD1/ST1 of several registers), Single (one lane), Replicate
//   interleave: elements per structure (n of LDn; 1 for LD1/ST1 of several registers)
#define SAE_A64_STRUCTURES(STRUCTURE)                      \
  STRUCTURE(ST1_mult_1, Multiple, 1, 1, false, false)      \
  STRUCTURE(ST1_mult_2, Multiple, 2, 1, false, false)      \
  STRUCTURE(ST1_mult_3, Multiple, 3, 1, false, false)      \
  STRUCTURE(ST1_mult_4, Multiple, 4, 1, false, false)      \
  STRUCTURE(ST2_mult, Multiple, 2, 2, false, false)        \
  STRUCTURE(ST3_mult, Multiple, 3, 3, false, false)        \
  STRUCTURE(ST4_mult, Multiple, 4, 4, false, false)        \
  STRUCTURE(LD1_mult_1, Multiple, 1, 1, true, false)       \
  STRUCTURE(LD1_mult_2, Multiple, 2, 1, true, false)       \
  STRUCTURE(LD1_mult_3, Multiple, 3, 1, true, false)       \
  STRUCTURE(LD1_mult_4, Multiple, 4, 1, true, false)       \
  STRUCTURE(LD2_mult, Multiple, 2, 2, true, false)         \
  STRUCTURE(LD3_mult, Multiple, 3, 3, true, false)         \
  STRUCTURE(LD4_mult, Multiple, 4, 4, true, false)         \
  STRUCTURE(ST1_mult_1_post, Multiple, 1, 1, false, true)  \
  STRUCTURE(ST1_mult_2_post, Multiple, 2, 1, false, true)  \
  STRUCTURE(ST1_mult_3_post, Multiple, 3, 1, false, true)  \
  STRUCTURE(ST1_mult_4_post, Multiple, 4, 1, false, true)  \
  STRUCTURE(ST2_mult_post, Multiple, 2, 2, false, true)    \
  STRUCTURE(ST3_mult_post, Multiple, 3, 3, false, true)    \
  STRUCTURE(ST4_mult_post, Multiple, 4, 4, false, true)    \
  STRUCTURE(LD1_mult_1_post, Multiple, 1, 1, true, true)   \
  STRUCTURE(LD1_mult_2_post, Multiple, 2, 1, true, true)   \
  STRUCTURE(LD1_mult_3_post, Multiple, 3, 1, true, true)   \
  STRUCTURE(LD1_mult_4_post, Multiple, 4, 1, true, true)   \
  STRUCTURE(LD2_mult_post, Multiple, 2, 2, true, true)     \
  STRUCTURE(LD3_mult_post, Multiple, 3, 3, true, true)     \
  STRUCTURE(LD4_mult_post, Multiple, 4, 4, true, true)     \
  STRUCTURE(ST1_sngl, Single, 1, 1, false, false)          \
  STRUCTURE(ST2_sngl, Single, 2, 2, false, false)          \
  STRUCTURE(ST3_sngl, Single, 3, 3, false, false)          \
  STRUCTURE(ST4_sngl, Single, 4, 4, false, false)          \
  STRUCTURE(LD1_sngl, Single, 1, 1, true, false)           \
  STRUCTURE(LD2_sngl, Single, 2, 2, true, false)           \
  STRUCTURE(LD3_sngl, Single, 3, 3, true, false)           \
  STRUCTURE(LD4_sngl, Single, 4, 4, true, false)           \
  STRUCTURE(ST1_sngl_post, Single, 1, 1, false, true)      \
  STRUCTURE(ST2_sngl_post, Single, 2, 2, false, true)      \
  STRUCTURE(ST3_sngl_post, Single, 3, 3, false, true)      \
  STRUCTURE(ST4_sngl_post, Single, 4, 4, false, true)      \
  STRUCTURE(LD1_sngl_post, Single, 1, 1, true, true)       \
  STRUCTURE(LD2_sngl_post, Single, 2, 2, true, true)       \
  STRUCTURE(LD3_sngl_post, Single, 3, 3, true, true)       \
  STRUCTURE(LD4_sngl_post, Single, 4, 4, true, true)       \
  STRUCTURE(LD1R, Replicate, 1, 1, true, false)            \
  STRUCTURE(LD2R, Replicate, 2, 2, true, false)            \
  STRUCTURE(LD3R, Replicate, 3, 3, true, false)            \
  STRUCTURE(LD4R, Replicate, 4, 4, true, false)            \
  STRUCTURE(LD1R_post, Replicate, 1, 1, true, true)        \
  STRUCTURE(LD2R_post, Replicate, 2, 2, true, true)        \
  STRUCTURE(LD3R_post, Replicate, 3, 3, true, true)        \
  STRUCTURE(LD4R_post, Replicate, 4, 4, true, true)

// The visitor parameters of each kind (the fields of its a64.inc patterns), without and with
// the post-index register.
#define SAE_STRUCTURE_PARAMS_Multiple_false bool q, Imm<2> size, Reg n, Vec t
#define SAE_STRUCTURE_PARAMS_Multiple_true bool q, Reg m, Imm<2> size, Reg n, Vec t
#define SAE_STRUCTURE_PARAMS_Single_false bool q, Imm<2> o, bool S, Imm<2> size, Reg n, Vec t
#define SAE_STRUCTURE_PARAMS_Single_true \
  bool q, Reg m, Imm<2> o, bool S, Imm<2> size, Reg n, Vec t
#define SAE_STRUCTURE_PARAMS_Replicate_false bool q, Imm<2> size, Reg n, Vec t
#define SAE_STRUCTURE_PARAMS_Replicate_true bool q, Reg m, Imm<2> size, Reg n, Vec t

enum class StructureKind { Multiple, Single, Replicate };

// What one structure instruction accesses.
struct StructureShape {
  StructureKind kind;
  unsigned registers;   // consecutive registers from t, modulo 32
  unsigned interleave;  // memory holds structures of this many elements, one per register
  unsigned esize_log2;  // element size, log2 of bytes
  unsigned index;       // the lane of a single structure
  unsigned bytes;       // in memory
};

// Fields: Q, size, and for single structures opcode<2:1> (o) and S, which the decoder has
// already checked (reserved.cpp).
inline StructureShape ShapeOf(StructureKind kind, unsigned registers, unsigned interleave, bool q,
                              unsigned size, unsigned o = 0, bool s = false) {
  StructureShape shape{kind, registers, interleave, size, 0, 0};
  switch (kind) {
    case StructureKind::Multiple: shape.bytes = registers * (q ? 16 : 8); return shape;
    case StructureKind::Replicate: break;
    case StructureKind::Single: {
      const unsigned qs = (unsigned{q} << 1) | unsigned{s};
      switch (o) {
        case 0: shape.esize_log2 = 0; shape.index = (qs << 2) | size; break;
        case 1: shape.esize_log2 = 1; shape.index = (qs << 1) | (size >> 1); break;
        default:
          shape.esize_log2 = size == 0 ? 2 : 3;
          shape.index = size == 0 ? qs : unsigned{q};
          break;
      }
      break;
    }
  }
  shape.bytes = registers << shape.esize_log2;
  return shape;
}

// The shape of a STRUCTURE entry, from its visitor parameters.
#define SAE_STRUCTURE_SHAPE_Multiple(registers, interleave) \
  ShapeOf(StructureKind::Multiple, registers, interleave, q, size.value)
#define SAE_STRUCTURE_SHAPE_Replicate(registers, interleave) \
  ShapeOf(StructureKind::Replicate, registers, interleave, q, size.value)
#define SAE_STRUCTURE_SHAPE_Single(registers, interleave) \
  ShapeOf(StructureKind::Single, registers, interleave, q, size.value, o.value, S)

}  // namespace sae::frontend::arm64
