/*
 * libsae — the s390x "Start Arm Execution" facility in software.
 *
 * This is the whole public C API. It is usable from C and C++, and nothing in it depends on
 * libsae's internal headers. The API grows issue by issue; what is declared here is implemented
 * and tested.
 *
 * Host check. A VMM calls sae_host_check() once at start-up, before creating anything: libsae
 * generates z15 code, so a host without the z15 facilities it uses would die of SIGILL later, and a
 * process whose security policy forbids executable memory could not run a JIT at all. Both are
 * reported here instead, with a one-line message naming what is missing.
 */
#ifndef SAE_SAE_H
#define SAE_SAE_H

#include <stddef.h>
#include <stdint.h>

#include "sae/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The libsae version this library was built as, e.g. "0.1.0" (same as SAE_VERSION_STRING at
 * build time; compare the two to detect a header/library mismatch). */
const char *sae_version(void);

/* One s390x facility as STFLE reports it (Principles of Operation, "Facility Indications"). */
typedef struct sae_host_facility {
  unsigned bit;            /* STFLE facility bit number */
  const char *name;        /* short name, e.g. "vxe2"; stable, usable in scripts */
  const char *description; /* as the Principles of Operation names the facility */
  int required;            /* non-zero: libsae will not run without it */
  int present;             /* non-zero: this host has it */
} sae_host_facility;

/* Fills out[0..capacity) with the facilities libsae knows about, in bit order, and returns how
 * many there are (call with capacity 0 to size the array). */
size_t sae_host_facilities(sae_host_facility *out, size_t capacity);

typedef enum sae_host_status {
  SAE_HOST_OK = 0,
  SAE_HOST_MISSING_FACILITY = 1, /* the CPU lacks a required facility */
  SAE_HOST_NO_EXECUTABLE_MEMORY = 2, /* code memory could not be mapped or flipped to executable */
  SAE_HOST_JIT_MISMATCH = 3      /* generated code ran but returned a wrong result */
} sae_host_status;

/* Checks that this host can run libsae: required facilities present, and a generated s390x
 * function can be placed in executable memory (never writable and executable at once), run and
 * return the right value. Writes a one-line, NUL-terminated description of the outcome to
 * message[0..size) when message is not NULL (truncated to fit). */
sae_host_status sae_host_check(char *message, size_t size);

/* ---- Features (the QAAF query) -----------------------------------------------------------
 * The arm64 ID register values of the CPU libsae implements, for the VMM to give its guests (and
 * sae-run to turn into AT_HWCAP): a feature is reported exactly when libsae translates all of
 * it. FP and Advanced SIMD read as not implemented until their translation exists. */
typedef struct sae_features {
  uint64_t midr_el1;
  uint64_t id_aa64pfr0_el1;
  uint64_t id_aa64pfr1_el1;
  uint64_t id_aa64isar0_el1;
  uint64_t id_aa64isar1_el1;
  uint64_t id_aa64isar2_el1;
  uint64_t ctr_el0;
  uint64_t dczid_el0;
  uint64_t cntfrq_el0;
} sae_features;

void sae_query_features(sae_features *features);

/* ---- Virtual machines and vCPUs ----------------------------------------------------------
 *
 * A VM is one window of guest physical memory — a host range the VMM owns, like the SAE block's
 * MSO/MSL: guest address A is host address memory + A, for A < memory_size — and the vCPUs that
 * run in it. A vCPU is its control block (the hot architectural state, read and written by the
 * VMM between runs) plus libsae's translation state. sae_run() is the SAE instruction: it runs
 * the vCPU until something the host must handle happens, and returns that intercept.
 *
 * Threads: a vCPU is run by one thread at a time; sae_kick() may be called from any thread.
 * Errors are negative errno values. */

#define SAE_API_VERSION 2

typedef struct sae_vm sae_vm;
typedef struct sae_vcpu sae_vcpu;

enum sae_vm_flags {
  /* User-process mode (what sae-run uses): the guest runs at EL0 only and every synchronous
   * exception it takes (SVC, faults, UNDEFINED) is an intercept: the host plays the kernel. */
  SAE_VM_USER_MODE = 1u << 0,
  /* Top-byte-ignore for the guest's addresses (TCR_EL1.TBI0 = 1, TBID0 = 0), as Linux sets it for
   * user processes: loads, stores and branch targets have bits 63:56 replaced by copies of bit
   * 55, so tagged pointers work. Costs two instructions per access. */
  SAE_VM_TOP_BYTE_IGNORE = 1u << 1,
  /* Debug listings on stderr for every block translated: the guest instructions, the IR before
   * and after the optimization passes, the host code (all disassembled by LLVM MC). The
   * environment variable SAE_DUMP=guest,ir,host (or "all") turns them on too. */
  SAE_VM_DUMP_GUEST = 1u << 8,
  SAE_VM_DUMP_IR = 1u << 9,
  SAE_VM_DUMP_HOST = 1u << 10,
};

/* A range of guest physical addresses inside the memory window that the guest cannot access
 * directly: every load or store that touches it is a host-access intercept (EC DABT_LOW, DFSC
 * translation fault level 3, FAR = the first byte accessed in the region) for the VMM to
 * emulate, like a device's registers. The window's bytes there are never read or written. */
typedef struct sae_mmio_region {
  uint64_t base;
  uint64_t size;
} sae_mmio_region;

/* Zero-initialize the whole structure, then set fields: every field added later reads 0 as
 * "as before". */
typedef struct sae_vm_config {
  uint32_t api_version; /* SAE_API_VERSION of the header the caller was built with */
  uint32_t flags;       /* enum sae_vm_flags */
  void *memory;         /* host address of guest physical address 0; 16-byte aligned */
  uint64_t memory_size; /* bytes of guest physical memory; accesses at or above are intercepts */
  /* MMIO regions (copied; may be NULL when the count is 0). They must lie inside the window
   * and not overlap. Loads and stores cost a few more instructions when there are any. */
  const sae_mmio_region *mmio_regions;
  size_t mmio_region_count;
  /* Bytes of generated code each vCPU keeps (0: SAE_DEFAULT_CODE_CACHE_SIZE; at least
   * SAE_MIN_CODE_CACHE_SIZE). A full cache is emptied and refilled as the guest runs on. */
  size_t code_cache_size;
} sae_vm_config;

#define SAE_DEFAULT_CODE_CACHE_SIZE ((size_t)16 << 20)
#define SAE_MIN_CODE_CACHE_SIZE ((size_t)256 << 10)

int sae_vm_create(const sae_vm_config *config, sae_vm **vm);
void sae_vm_destroy(sae_vm *vm);

/* Intercept codes sae_run() returns (the SAE block's icptr values). */
enum sae_intercept {
  SAE_INTERCEPT_NONE = 0,           /* spurious: nothing to handle, run again */
  SAE_INTERCEPT_VALIDITY = 1,       /* the control block holds an invalid state */
  SAE_INTERCEPT_HOST_ACCESS = 2,    /* a guest access outside the memory window */
  SAE_INTERCEPT_SYNC_EXCEPTION = 3, /* a synchronous exception for the host (ESR, FAR) */
  SAE_INTERCEPT_STOP = 7,           /* sae_kick() */
};

/* The per-vCPU control block. Offsets are part of the ABI (static_asserts in libsae). */
typedef struct sae_control_block {
  uint64_t x[31];     /* 0x000 X0-X30 */
  uint64_t sp_el0;    /* 0x0f8 */
  uint64_t sp_el1;    /* 0x100 */
  uint64_t pc;        /* 0x108 where the guest resumes: after an SVC, HVC or SMC the next
                       *       instruction, after any other exception the one that took it */
  uint64_t pstate;    /* 0x110 NZCV in bits 31:28 (as in SPSR), EL in 3:2, SP select in 0 */
  uint32_t fpcr;      /* 0x118 */
  uint32_t fpsr;      /* 0x11c */
  uint32_t intercept; /* 0x120 enum sae_intercept of the last sae_run() */
  uint32_t reserved0; /* 0x124 */
  /* 0x128 Intercept data, valid for the intercept code above. */
  uint64_t esr;       /* 0x128 ESR_EL2-style syndrome: EC in bits 31:26, IL bit 25, ISS 24:0 */
  uint64_t far;       /* 0x130 faulting virtual address (data and instruction aborts) */
  uint64_t tpidr_el0;   /* 0x138 EL0 thread pointers (TLS) */
  uint64_t tpidrro_el0; /* 0x140 read-only at EL0 */
  uint64_t reserved[23]; /* 0x148 room for the timer, GIC and host-access data to come */
  /* 0x200 V0-V31, the SIMD&FP registers, as KVM's ONE_REG view (a __uint128_t): v[n][0] holds
   * bits 63:0 and v[n][1] bits 127:64, each a host-order integer. S0 is the low 32 bits of
   * v[0][0], D0 all of it; writing a scalar register zeroes the rest of V, as on arm64. */
  uint64_t v[32][2];
} sae_control_block;

/* Exception classes found in sae_control_block.esr (Arm ARM ESR_ELx.EC). */
enum sae_exception_class {
  SAE_EC_UNKNOWN = 0x00,      /* UNDEFINED instruction */
  SAE_EC_SVC64 = 0x15,        /* ISS = imm16 */
  SAE_EC_HVC64 = 0x16,
  SAE_EC_SMC64 = 0x17,
  SAE_EC_IABT_LOW = 0x20,     /* instruction fetch outside memory or from an MMIO region */
  SAE_EC_PC_ALIGNMENT = 0x22, /* a branch went to an address that is not a multiple of 4: a
                               * SYNC_EXCEPTION intercept, FAR = that address */
  SAE_EC_DABT_LOW = 0x24,     /* data access outside memory or into an MMIO region, as a
                               * HOST_ACCESS intercept. ISS: WnR (bit 6), DFSC (5:0: 0 outside
                               * the window, 0b000111 in an MMIO region) and, for a single-
                               * register load or store without writeback (ISV, bit 24), SAS
                               * (23:22, log2 bytes), SSE (21), SRT (20:16), SF (15), AR (14):
                               * the VMM completes such an access by writing X[SRT] (a load) or
                               * reading it (a store) and setting pc += 4. (Also, as a
                               * SYNC_EXCEPTION intercept with DFSC 0b100001 and the FAR, a
                               * misaligned exclusive or atomic access.) */
  SAE_EC_SYS64 = 0x18,        /* MRS/MSR/SYS of the EL0 space (op1 3) the vCPU does not carry
                               * out itself, and ID register reads (FEAT_IDST), for the host to
                               * emulate: ISS = Op0, Op2, Op1, CRn, Rt, CRm, direction (1 = read),
                               * as the Arm ARM. EL1's registers are UNDEFINED (EC 0) at EL0. */
  SAE_EC_BRK64 = 0x3c,        /* ISS = imm16 */
};

int sae_vcpu_create(sae_vm *vm, sae_vcpu **vcpu);
void sae_vcpu_destroy(sae_vcpu *vcpu);
sae_control_block *sae_vcpu_control_block(sae_vcpu *vcpu);

/* ---- System registers by encoding (the EASR and SASR instructions) -----------------------
 * A system register is named by its encoding op0:op1:CRn:CRm:op2, as in MRS/MSR and in the low
 * 16 bits of KVM's ONE_REG sysreg ids: SAE_SYSREG(3, 3, 13, 0, 2) is TPIDR_EL0. A user-mode vCPU
 * has: NZCV, FPCR, FPSR, TPIDR_EL0, TPIDRRO_EL0, SP_EL0, SP_EL1 (the same storage as the control
 * block's fields), and, read-only, MIDR_EL1, ID_AA64PFR0/PFR1/ISAR0/ISAR1/ISAR2_EL1 (as
 * sae_query_features()), CTR_EL0, DCZID_EL0, CNTFRQ_EL0 and CNTVCT_EL0 (the counter now).
 * Errors: -ENOENT for a register the vCPU does not have, -EPERM for writing a read-only one,
 * -EINVAL for a value with bits set that the register does not hold. */
#define SAE_SYSREG(op0, op1, crn, crm, op2) \
  ((uint32_t)(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2)))

int sae_vcpu_get_sysreg(sae_vcpu *vcpu, uint32_t encoding, uint64_t *value);
int sae_vcpu_set_sysreg(sae_vcpu *vcpu, uint32_t encoding, uint64_t value);

/* Tells the vCPU that guest code in [address, address + size) changed behind its back (the host
 * wrote guest memory): blocks translated from there are dropped and translated again when next
 * executed. Guest stores into translated code and IC IVAU need no call: libsae sees those itself,
 * on every vCPU of the VM. */
void sae_vcpu_invalidate_code(sae_vcpu *vcpu, uint64_t address, uint64_t size);

/* Counters of the vCPU's translation and execution since it was created. */
typedef struct sae_vcpu_statistics {
  uint64_t blocks_translated; /* guest blocks compiled to host code */
  uint64_t dispatches;        /* entries from the run loop into generated code; blocks linked
                               * to each other run without one */
  uint64_t not_translated;    /* instructions that raised UNDEFINED because libsae does not
                               * translate them yet */
  uint64_t code_flushes;      /* times the code cache was full and emptied */
  uint64_t page_exits;        /* loads and stores that left generated code for the run loop
                               * because their page holds translated code (stores) or is near
                               * an MMIO region, and then went ahead */
  uint64_t guest_instructions_translated; /* in the blocks above */
  uint64_t translation_nanoseconds;       /* wall time spent translating them */
} sae_vcpu_statistics;

int sae_vcpu_stats(sae_vcpu *vcpu, sae_vcpu_statistics *stats);

/* Runs the vCPU from control_block->pc until an intercept; returns its code (also stored in
 * control_block->intercept), or a negative errno if the vCPU could not run at all. */
int sae_run(sae_vcpu *vcpu);

/* Makes the vCPU's current or next sae_run() return SAE_INTERCEPT_STOP soon (at the next block
 * boundary). Safe from any thread and from signal handlers. */
void sae_kick(sae_vcpu *vcpu);

#ifdef __cplusplus
}
#endif

#endif
