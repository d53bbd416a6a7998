import CLibFuzzer

#if canImport(Glibc)
import Glibc
#endif

// Runs libFuzzer on `fuzz(_:_:)` with the command line's options (see docs/fuzzing.md).
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzz))
