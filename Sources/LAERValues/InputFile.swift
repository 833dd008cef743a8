/// The bytes of one input and the name messages use for it (its path as given, or `<stdin>`).
package struct InputFile: Sendable, Equatable {
    package var displayName: String
    package var bytes: [UInt8]

    package init(displayName: String, bytes: [UInt8]) {
        self.displayName = displayName
        self.bytes = bytes
    }

    package static let standardInputName = "<stdin>"
}
