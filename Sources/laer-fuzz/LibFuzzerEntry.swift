import Glibc
import LAERFuzzTargets
import LAERSystem

// libFuzzer's entry points, built by `.ci/fuzz` (-DFUZZING, --sanitize=fuzzer):
//   LAER_FUZZ_TARGET=csv SWIFT_BACKTRACE=enable=no .build-fuzz/release/laer-fuzz CORPUS-DIR
// LAER_FUZZ_MESSAGES=1 checks the messages each input causes as well. A broken invariant is a
// fatal error, which libFuzzer reports as a crash with its input, unless LAER_FUZZ_IGNORE names
// it (a part of its text; several separated by '|'): a known finding whose fix has not landed
// would otherwise stop every run at the same place.

#if FUZZING
    let environment = ProcessEnvironment.current()
    let target: FuzzTarget = {
        let name = environment["LAER_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let message = "laer-fuzz: set LAER_FUZZ_TARGET to one of \(FuzzTarget.names) (it is \"\(name)\")\n"
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            exit(2)
        }
        return target
    }()
    let checkingMessages = environment["LAER_FUZZ_MESSAGES"] == "1"
    let ignored = (environment["LAER_FUZZ_IGNORE"] ?? "").split(separator: "|").map(String.init)

    @_cdecl("LLVMFuzzerInitialize")
    public func initialize(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
    ) -> Int32 {
        // The questionnaires load here, not inside the first input's time.
        try? target.check([], checkingMessages: checkingMessages)
        return 0
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
        do {
            try target.check(Array(UnsafeBufferPointer(start: data, count: size)), checkingMessages: checkingMessages)
        } catch  where ignored.contains(where: { error.invariant.contains($0) }) {
            return 0
        } catch {
            fatalError("\(error)")
        }
        return 0
    }
#endif
