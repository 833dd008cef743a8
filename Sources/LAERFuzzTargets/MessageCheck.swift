import LAERValues

/// What a message made from hostile input must not hold: a control character or bidirectional
/// override copied from the input (it would move the cursor or reorder the line it is shown on),
/// or a value echoed at length (`InputLimits.shownValueLength`).
struct MessageCheck {
    let target: FuzzTarget
    let isOn: Bool

    /// Longer than any message that shows a few values cut at `InputLimits.shownValueLength`.
    static let longestMessage = 40 * InputLimits.shownValueLength

    func check(_ problems: [Problem], of bytes: [UInt8]) throws(FuzzFailure) {
        guard isOn else { return }
        for problem in problems { try check(problem.description, of: bytes) }
    }

    func check(_ message: String, of bytes: [UInt8]) throws(FuzzFailure) {
        guard isOn else { return }
        try expect(
            message.count <= Self.longestMessage, target, "a message is longer than \(Self.longestMessage) characters",
            "\(message.count) characters from input \(shown(bytes))")
        for scalar in message.unicodeScalars where Self.isUnsafe(scalar) {
            throw FuzzFailure(
                target, "a message holds U+\(String(scalar.value, radix: 16, uppercase: true)) raw",
                "message: \(shown(Array(message.utf8)))\ninput: \(shown(bytes))")
        }
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
