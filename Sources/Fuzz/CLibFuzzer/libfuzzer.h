// libFuzzer's driver, as a function: the fuzz targets' `main` calls it, because SwiftPM points an executable's
// `main` at the target's own entry point, so the `main` in the toolchain's libFuzzer is never linked.
// (libFuzzer itself is linked by `-sanitize=fuzzer`; see docs/fuzzing.md.)
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *_Nonnull argc, char *_Nullable *_Nullable *_Nonnull argv,
                        int (*_Nonnull test)(const uint8_t *_Nonnull data, size_t size));
