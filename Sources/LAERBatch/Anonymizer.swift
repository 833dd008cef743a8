import LAERValues

/// Replaces respondent names with pseudonyms that stay the same for the same person under one
/// salt: within one run, or across runs that share a salt file (`score --salt-file`).
///
/// Roles stay, since a client reads results by role, unless `dropsRoles`.
package struct Anonymizer: Sendable {
    package var salt: UInt64
    package var dropsRoles: Bool

    package init(salt: UInt64, dropsRoles: Bool = false) {
        self.salt = salt
        self.dropsRoles = dropsRoles
    }

    /// "Respondent K7Q2MX": the same name, in any case or spacing, gives the same pseudonym.
    package func pseudonym(forName name: String) -> String {
        "Respondent " + code(name)
    }

    package func anonymized(_ respondent: Respondent) -> Respondent {
        Respondent(
            name: respondent.name.map(pseudonym(forName:)), role: dropsRoles ? nil : respondent.role,
            organization: respondent.organization)
    }

    /// The salt as a salt file holds it: 16 hexadecimal digits and a line end.
    package var saltFileText: String {
        NumberFormat.padded(String(salt, radix: 16), width: 16) + "\n"
    }

    /// The salt a salt file holds, nil when it is not 16 hexadecimal digits (surrounding white
    /// space aside).
    package static func salt(fromFile text: String) -> UInt64? {
        let digits = text.trimmingSpaces()
        guard digits.utf8.count == 16, digits.allSatisfy(\.isHexDigit) else { return nil }
        return UInt64(digits, radix: 16)
    }

    /// Six characters of a salted FNV-1a hash, in an alphabet without look-alike letters.
    func code(_ text: String) -> String {
        let normalized = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        // The leading 1 once told names from roles, which are no longer replaced; it keeps the codes as they were.
        for byte in [1] + Array(normalized.utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var code = ""
        for _ in 0..<6 {
            code.append(alphabet[Int(hash % UInt64(alphabet.count))])
            hash /= UInt64(alphabet.count)
        }
        return code
    }
}
