/// Where a command's text goes: standard output, standard error, or a buffer in tests.
package protocol TextSink: Sendable {
    func write(_ text: String)
    /// Writes UTF-8 bytes; sinks that can skip making a String do.
    func write(bytes: [UInt8])
    /// The errno of the first write that failed; nil while every write has succeeded. A sink
    /// writes nothing more after a failure, and the run ends with 74 (`CommandRegistry.run`).
    var writeFailure: Int32? { get }
}

extension TextSink {
    package func write(bytes: [UInt8]) {
        write(String(decoding: bytes, as: UTF8.self))
    }

    package var writeFailure: Int32? { nil }
}
