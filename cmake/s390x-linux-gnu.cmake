# Cross-compiling for s390x from an x86-64 Debian machine. The sysroot is the one scripts/bootstrap
# builds from Debian's s390x packages; every s390x program (tests included) runs under qemu-s390x.
#   cmake -DCMAKE_TOOLCHAIN_FILE=cmake/s390x-linux-gnu.cmake -DSAE_SYSROOT=<path> ...
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR s390x)

set(SAE_SYSROOT "$ENV{SAE_SYSROOT}" CACHE PATH "s390x sysroot built by scripts/bootstrap")
if(NOT SAE_SYSROOT OR NOT EXISTS "${SAE_SYSROOT}/.complete")
  message(FATAL_ERROR "SAE_SYSROOT='${SAE_SYSROOT}' is not a complete sysroot; run scripts/bootstrap")
endif()
# try_compile projects see only these variables from the toolchain file.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES SAE_SYSROOT)

set(CMAKE_C_COMPILER s390x-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER s390x-linux-gnu-g++)
set(CMAKE_SYSROOT "${SAE_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH "${SAE_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

find_program(SAE_QEMU_S390X qemu-s390x REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${SAE_QEMU_S390X};-L;${SAE_SYSROOT}")
