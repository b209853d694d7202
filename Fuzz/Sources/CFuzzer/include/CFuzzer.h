// libFuzzer's driver, as its runtime (linked by -sanitize=fuzzer) exports it:
// runs the fuzzing loop with `callback` as LLVMFuzzerTestOneInput.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
