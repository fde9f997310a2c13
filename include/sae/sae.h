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

#ifdef __cplusplus
}
#endif

#endif
